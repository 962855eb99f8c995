package cn.zugong.rating.internal.scheme;

import cn.zugong.org.PartySector;
import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.EvaluationScheme.Grade;
import cn.zugong.rating.EvaluationScheme.Marks;
import cn.zugong.rating.EvaluationScheme.RaterGroup;
import cn.zugong.rating.EvaluationScheme.ResultBand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one public-evaluation scheme file and checks it whole: grades (code ≤ 8 characters, points 0–100), rater
 * groups (PARTY_MEMBER, VILLAGER_REP) whose weights and the township's add up to 1, result bands naming existing
 * grades from the best down, the 差 share. Every problem names the part and the reason; any problem refuses the file.
 */
public final class EvaluationSchemeParser {

    private static final Set<String> TOP = Set.of("code", "version", "name", "applies_to", "marks", "grades",
            "max_score", "groups", "township_weight", "result", "poor_share");
    private static final Set<String> GROUPS = Set.of("PARTY_MEMBER", "VILLAGER_REP");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private EvaluationSchemeParser() {
    }

    @SuppressWarnings("unchecked")
    public static EvaluationScheme parse(String file, String yaml) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
            if (!(loaded instanceof Map<?, ?>)) {
                throw new SchemeException(file, List.of("文件不是一个方案（应为键值结构）"));
            }
            root = (Map<String, Object>) loaded;
        } catch (YAMLException e) {
            throw new SchemeException(file, List.of("YAML 格式错误：" + e.getMessage().lines().findFirst().orElse("")));
        }
        root.keySet().stream().filter(k -> !TOP.contains(k)).sorted().forEach(k -> problems.add("方案：未知的键 " + k));
        for (String key : List.of("code", "version", "name", "marks", "groups", "result")) {
            if (root.get(key) == null) {
                problems.add("方案：缺少 " + key);
            }
        }
        Marks marks = Marks.GRADES;
        try {
            marks = Marks.valueOf(String.valueOf(root.getOrDefault("marks", "GRADES")));
        } catch (IllegalArgumentException e) {
            problems.add("方案：marks 应为 GRADES（好/较好/一般/差）或 POINTS（打分）");
        }
        Set<PartySector> sectors = EnumSet.noneOf(PartySector.class);
        for (Object s : root.get("applies_to") instanceof List<?> l ? l : List.of()) {
            try {
                sectors.add(PartySector.valueOf(String.valueOf(s)));
            } catch (IllegalArgumentException e) {
                problems.add("方案：applies_to 中的领域 " + s + " 不存在");
            }
        }
        if (sectors.isEmpty()) {
            problems.add("方案：applies_to 应列出适用的党组织领域（VILLAGE、COMMUNITY）");
        }
        List<Grade> grades = new ArrayList<>();
        Set<String> gradeCodes = new HashSet<>();
        for (Map<String, Object> g : maps(root.get("grades"))) {
            String code = String.valueOf(g.get("code"));
            BigDecimal points = SchemeParser.decimal(g.get("points"));
            if (g.get("code") == null || code.length() > 8 || g.get("label") == null || points == null) {
                problems.add("等次 " + code + "：应有 code（不超过 8 个字符）、label 和 points");
                continue;
            }
            if (!gradeCodes.add(code)) {
                problems.add("等次 " + code + "：代码重复");
            }
            if (points.signum() < 0 || points.compareTo(HUNDRED) > 0) {
                problems.add("等次 " + code + "：分值应在 0 至 100 之间");
            }
            grades.add(new Grade(code, String.valueOf(g.get("label")), points));
        }
        if (grades.size() < 2) {
            problems.add("等次：grades 至少要有两个等次（评议结果和乡镇评价都用它）");
        }
        BigDecimal maxScore = SchemeParser.decimal(root.get("max_score"));
        if (marks == Marks.POINTS && (maxScore == null || maxScore.signum() <= 0)) {
            problems.add("方案：打分（POINTS）应有 max_score");
        }
        List<RaterGroup> groups = new ArrayList<>();
        BigDecimal weights = BigDecimal.ZERO;
        for (Map<String, Object> g : maps(root.get("groups"))) {
            String code = String.valueOf(g.get("code"));
            BigDecimal weight = SchemeParser.decimal(g.get("weight"));
            if (!GROUPS.contains(code)) {
                problems.add("评议人群体 " + code + "：应为 PARTY_MEMBER（党员）或 VILLAGER_REP（村民代表）");
            }
            if (weight == null || weight.signum() <= 0) {
                problems.add("评议人群体 " + code + "：权重 weight 应大于 0");
                continue;
            }
            weights = weights.add(weight);
            groups.add(new RaterGroup(code, String.valueOf(g.getOrDefault("label", code)), weight));
        }
        BigDecimal township = SchemeParser.decimal(root.getOrDefault("township_weight", "0"));
        if (township == null || township.signum() < 0) {
            problems.add("方案：township_weight 应为不小于 0 的数");
            township = BigDecimal.ZERO;
        }
        if (weights.add(township).compareTo(BigDecimal.ONE) != 0) {
            problems.add("方案：各群体权重与乡镇评价权重合计应为 1，现为 " + weights.add(township).toPlainString());
        }
        List<ResultBand> bands = new ArrayList<>();
        BigDecimal previous = null;
        for (Map<String, Object> b : maps(root.get("result"))) {
            String grade = String.valueOf(b.get("grade"));
            BigDecimal min = SchemeParser.decimal(b.get("min"));
            if (!gradeCodes.contains(grade) || min == null) {
                problems.add("评议结果：每一档应有已定义的等次 grade 和 min：" + b);
                continue;
            }
            if (previous != null && min.compareTo(previous) >= 0) {
                problems.add("评议结果：等次 " + grade + " 的起点应低于上一档");
            }
            previous = min;
            bands.add(new ResultBand(grade, min));
        }
        BigDecimal poorShare = SchemeParser.decimal(root.get("poor_share"));
        if (root.get("poor_share") != null && (poorShare == null || poorShare.signum() <= 0
                || poorShare.compareTo(BigDecimal.ONE) > 0)) {
            problems.add("方案：poor_share 应在 0 与 1 之间");
        }
        if (!problems.isEmpty()) {
            throw new SchemeException(file, problems);
        }
        return new EvaluationScheme(String.valueOf(root.get("code")), String.valueOf(root.get("version")),
                String.valueOf(root.get("name")), sectors, marks, grades, maxScore, groups, township, bands, poorShare);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?>) {
                    out.add((Map<String, Object>) o);
                }
            }
        }
        return out;
    }
}

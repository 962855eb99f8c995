package cn.zugong.prosperity.internal.matching;

import cn.zugong.prosperity.internal.matching.ScoreRules.Component;
import cn.zugong.prosperity.internal.matching.ScoreRules.PlaceShares;
import cn.zugong.prosperity.internal.matching.ScoreRules.SkillRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the score file and checks it whole: unknown or missing keys, points that are not non-negative numbers or do
 * not add up to {@code total}, place shares outside 0..1 or rising with distance, unknown rules, an unknown
 * candidate condition, a limit outside 1..200. Every problem names the key; a file with any problem is refused.
 */
public final class ScoreRulesParser {

    private static final Set<String> TOP = Set.of("version", "total", "candidates", "components");
    private static final Set<String> CANDIDATES = Set.of("require_any", "limit");
    private static final Set<String> COMPONENTS = Set.of("field", "skills", "place", "period");
    private static final Set<String> LEVELS = Set.of("covers", "same_township", "same_county", "same_city", "other");
    private static final List<String> LEVEL_ORDER = List.of("covers", "same_township", "same_county", "same_city",
            "other");

    private final String file;
    private final List<String> problems = new ArrayList<>();

    private ScoreRulesParser(String file) {
        this.file = file;
    }

    public static ScoreRules parse(String file, String yaml) {
        return new ScoreRulesParser(file).rules(yaml);
    }

    private ScoreRules rules(String yaml) {
        Map<String, Object> root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
            if (!(loaded instanceof Map<?, ?> m)) {
                throw new ScoreFileException(file, List.of("文件不是键值结构"));
            }
            root = map(m);
        } catch (YAMLException e) {
            throw new ScoreFileException(file, List.of("YAML 格式错误：" + e.getMessage().lines().findFirst().orElse("")));
        }
        keys(root, TOP, "");
        String version = root.get("version") == null ? null : String.valueOf(root.get("version"));
        if (version == null || version.isBlank()) {
            problems.add("version：缺少版本");
        }
        BigDecimal total = number(root.get("total"), "total", false);
        Map<String, Object> candidates = section(root, "candidates");
        keys(candidates, CANDIDATES, "candidates.");
        Set<String> requireAny = requireAny(candidates.get("require_any"));
        int limit = limit(candidates.get("limit"));
        Map<String, Object> components = section(root, "components");
        keys(components, COMPONENTS, "components.");
        Component field = component(components, "field", Set.of());
        Component skills = component(components, "skills", Set.of("rule"));
        SkillRule skillRule = skillRule(section(components, "skills").get("rule"));
        Component place = component(components, "place", Set.of("levels"));
        PlaceShares shares = shares(section(components, "place").get("levels"));
        Component period = component(components, "period", Set.of("rule"));
        Object periodRule = section(components, "period").get("rule");
        if (periodRule != null && !"overlap_share".equals(String.valueOf(periodRule))) {
            problems.add("components.period.rule：只支持 overlap_share，而不是 " + periodRule);
        }
        if (total != null && field != null && skills != null && place != null && period != null) {
            BigDecimal sum = field.points().add(skills.points()).add(place.points()).add(period.points());
            if (sum.compareTo(total) != 0) {
                problems.add("components：各项分值合计 " + plain(sum) + "，与 total " + plain(total) + " 不符");
            }
        }
        if (!problems.isEmpty()) {
            throw new ScoreFileException(file, problems);
        }
        return new ScoreRules(version, total, requireAny, limit, field, skills, skillRule, place, shares, period);
    }

    private Map<String, Object> section(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Map<?, ?> m) {
            return map(m);
        }
        return Map.of();
    }

    private Component component(Map<String, Object> components, String key, Set<String> extra) {
        String where = "components." + key;
        if (!(components.get(key) instanceof Map<?, ?> raw)) {
            problems.add(where + "：缺少该项（name、points）");
            return null;
        }
        Map<String, Object> m = map(raw);
        Set<String> allowed = new LinkedHashSet<>(List.of("name", "points"));
        allowed.addAll(extra);
        keys(m, allowed, where + ".");
        Object name = m.get("name");
        if (name == null || String.valueOf(name).isBlank()) {
            problems.add(where + ".name：缺少页面上显示的名称");
        }
        BigDecimal points = number(m.get("points"), where + ".points", false);
        if (name == null || points == null) {
            return null;
        }
        return new Component(String.valueOf(name), points);
    }

    private SkillRule skillRule(Object value) {
        if (value == null) {
            return SkillRule.COVERED_SHARE;
        }
        return switch (String.valueOf(value)) {
            case "covered_share" -> SkillRule.COVERED_SHARE;
            case "jaccard" -> SkillRule.JACCARD;
            default -> {
                problems.add("components.skills.rule：只支持 covered_share 或 jaccard，而不是 " + value);
                yield SkillRule.COVERED_SHARE;
            }
        };
    }

    private PlaceShares shares(Object value) {
        if (!(value instanceof Map<?, ?> raw)) {
            problems.add("components.place.levels：缺少按距离的得分比例（covers、same_township、same_county、same_city、other）");
            return null;
        }
        Map<String, Object> m = map(raw);
        keys(m, LEVELS, "components.place.levels.");
        List<BigDecimal> values = new ArrayList<>();
        for (String level : LEVEL_ORDER) {
            BigDecimal v = number(m.get(level), "components.place.levels." + level, true);
            values.add(v);
        }
        for (int i = 1; i < values.size(); i++) {
            BigDecimal nearer = values.get(i - 1);
            BigDecimal farther = values.get(i);
            if (nearer != null && farther != null && farther.compareTo(nearer) > 0) {
                problems.add("components.place.levels." + LEVEL_ORDER.get(i) + "：比例 " + plain(farther) + " 大于更近的 "
                        + LEVEL_ORDER.get(i - 1) + "（" + plain(nearer) + "），距离越远比例应越低");
            }
        }
        if (values.contains(null)) {
            return null;
        }
        return new PlaceShares(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4));
    }

    private Set<String> requireAny(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            problems.add("candidates.require_any：应为列表，如 [field, skills]");
            return out;
        }
        for (Object o : list) {
            String s = String.valueOf(o);
            if (!s.equals("field") && !s.equals("skills")) {
                problems.add("candidates.require_any：只能列出 field 或 skills，而不是 " + s);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private int limit(Object value) {
        if (value == null) {
            return 20;
        }
        if (!(value instanceof Integer i) || i < 1 || i > 200) {
            problems.add("candidates.limit：应为 1 到 200 之间的整数，而不是 " + value);
            return 20;
        }
        return i;
    }

    private BigDecimal number(Object value, String where, boolean share) {
        if (value == null) {
            problems.add(where + "：缺少数值");
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            problems.add(where + "：应为数值，而不是 " + value);
            return null;
        }
        if (n.signum() < 0 || (share && n.compareTo(BigDecimal.ONE) > 0)) {
            problems.add(where + "：应为" + (share ? " 0 到 1 之间的数" : "不小于 0 的数") + "，而不是 " + plain(n));
            return null;
        }
        return n;
    }

    private void keys(Map<?, ?> m, Set<String> allowed, String prefix) {
        for (Object k : m.keySet()) {
            if (!allowed.contains(k)) {
                problems.add(prefix + k + "：未知的键（可用：" + String.join("、", allowed.stream().sorted().toList()) + "）");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}

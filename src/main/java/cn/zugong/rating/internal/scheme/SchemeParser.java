package cn.zugong.rating.internal.scheme;

import cn.zugong.org.PartySector;
import cn.zugong.rating.Criterion;
import cn.zugong.rating.CriterionKind;
import cn.zugong.rating.Dimension;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.StarBand;
import cn.zugong.rating.StarMode;
import cn.zugong.rating.StrongCondition;
import cn.zugong.rating.Veto;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one scheme file and checks it whole (ADR 062): unknown keys, missing or bad values, duplicate codes, base
 * criteria that do not add up to the total, metrics no {@link cn.zugong.rating.RatingMetric} provides, metric points
 * above the criterion's cap, star bands and 双强 conditions that name what does not exist. Every problem names the
 * part of the file (criterion code and name, dimension, 星级, 双强) and the reason; a file with any problem is refused.
 */
public final class SchemeParser {

    private static final Set<String> TOP = Set.of("code", "version", "name", "description", "applies_to", "total",
            "stars", "strong", "vetoes", "dimensions");
    private static final Set<String> DIMENSION = Set.of("code", "name", "star_at", "star_name", "criteria");
    private static final Set<String> CRITERION = Set.of("code", "name", "kind", "points", "per_item", "standard",
            "evidence", "metric", "metric_points");
    private static final Set<String> STARS = Set.of("mode", "unit", "bands");

    private final String file;
    private final Set<String> metrics;
    private final List<String> problems = new ArrayList<>();

    private SchemeParser(String file, Set<String> metrics) {
        this.file = file;
        this.metrics = metrics;
    }

    /** Parses {@code yaml} (the content of {@code file}); {@code metrics} are the metric codes that exist. */
    public static RatingScheme parse(String file, String yaml, Set<String> metrics) {
        return new SchemeParser(file, metrics).scheme(yaml);
    }

    private RatingScheme scheme(String yaml) {
        Map<String, Object> root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
            if (!(loaded instanceof Map<?, ?>)) {
                throw new SchemeException(file, List.of("文件不是一个方案（应为键值结构）"));
            }
            root = map(loaded);
        } catch (YAMLException e) {
            throw new SchemeException(file, List.of("YAML 格式错误：" + e.getMessage().lines().findFirst().orElse("")));
        }
        keys(root, TOP, "方案");
        String code = text(root, "code", "方案", true);
        String version = text(root, "version", "方案", true);
        String name = text(root, "name", "方案", true);
        BigDecimal total = number(root, "total", "方案", true);
        Set<PartySector> sectors = sectors(root.get("applies_to"));
        List<Dimension> dimensions = dimensions(root.get("dimensions"));
        Map<String, Object> stars = root.get("stars") instanceof Map<?, ?> m ? map(m) : Map.of();
        if (stars.isEmpty()) {
            problems.add("星级：缺少 stars（mode、unit、bands）");
        }
        keys(stars, STARS, "星级");
        StarMode mode = mode(stars.get("mode"));
        String unit = stars.containsKey("unit") ? String.valueOf(stars.get("unit")) : "星";
        List<StarBand> bands = bands(stars.get("bands"), mode, total);
        checkDimensionStars(dimensions, mode);
        List<StrongCondition> strong = strong(root.get("strong"), dimensions);
        List<Veto> vetoes = vetoes(root.get("vetoes"));
        checkCodes(dimensions, vetoes);
        if (total != null) {
            BigDecimal base = dimensions.stream().map(Dimension::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (base.compareTo(total) != 0) {
                problems.add("方案：基本分合计 " + base.stripTrailingZeros().toPlainString() + " 分，与总分 total "
                        + total.stripTrailingZeros().toPlainString() + " 分不符");
            }
        }
        if (!problems.isEmpty()) {
            throw new SchemeException(file, problems);
        }
        return new RatingScheme(code, version, name, root.containsKey("description")
                ? String.valueOf(root.get("description")) : "", sectors, total, dimensions, vetoes, mode, bands, unit,
                strong);
    }

    private Set<PartySector> sectors(Object value) {
        Set<PartySector> sectors = EnumSet.noneOf(PartySector.class);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add("方案：applies_to 应列出适用的党组织领域（如 PRIVATE_ENTERPRISE、VILLAGE）");
            return sectors;
        }
        for (Object s : list) {
            try {
                sectors.add(PartySector.valueOf(String.valueOf(s)));
            } catch (IllegalArgumentException e) {
                problems.add("方案：applies_to 中的领域 " + s + " 不存在");
            }
        }
        return sectors;
    }

    private List<Dimension> dimensions(Object value) {
        List<Dimension> dimensions = new ArrayList<>();
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add("方案：dimensions 应至少有一个评价维度");
            return dimensions;
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?>)) {
                problems.add("维度：每个维度应为键值结构");
                continue;
            }
            Map<String, Object> d = map(o);
            String where = "维度 " + d.getOrDefault("code", "?");
            keys(d, DIMENSION, where);
            String code = text(d, "code", where, true);
            String name = text(d, "name", where, true);
            List<Criterion> criteria = new ArrayList<>();
            if (!(d.get("criteria") instanceof List<?> cs) || cs.isEmpty()) {
                problems.add(where + "：criteria 应至少有一条评分细则");
            } else {
                for (Object c : cs) {
                    if (c instanceof Map<?, ?>) {
                        criteria.add(criterion(map(c)));
                    } else {
                        problems.add(where + "：每条评分细则应为键值结构");
                    }
                }
            }
            dimensions.add(new Dimension(code, name, criteria, number(d, "star_at", where, false),
                    d.containsKey("star_name") ? String.valueOf(d.get("star_name")) : null));
        }
        return dimensions;
    }

    private Criterion criterion(Map<String, Object> c) {
        String where = "指标 " + c.getOrDefault("code", "?") + "（" + c.getOrDefault("name", "?") + "）";
        keys(c, CRITERION, where);
        String code = text(c, "code", where, true);
        String name = text(c, "name", where, true);
        CriterionKind kind = CriterionKind.SCORE;
        if (c.containsKey("kind")) {
            try {
                kind = CriterionKind.valueOf(String.valueOf(c.get("kind")));
            } catch (IllegalArgumentException e) {
                problems.add(where + "：kind 应为 SCORE、BONUS 或 DEDUCTION，而不是 " + c.get("kind"));
            }
        }
        BigDecimal points = number(c, "points", where, true);
        if (points != null && points.signum() <= 0) {
            problems.add(where + "：分值 points 应大于 0");
        }
        BigDecimal perItem = number(c, "per_item", where, false);
        if (perItem != null && perItem.signum() <= 0) {
            problems.add(where + "：每项分值 per_item 应大于 0");
        }
        String metric = c.containsKey("metric") ? String.valueOf(c.get("metric")) : null;
        Legend metricPoints = null;
        if (metric != null) {
            if (!metrics.contains(metric)) {
                problems.add(where + "：计算指标 metric " + metric + " 不存在（可用：" + String.join("、",
                        metrics.stream().sorted().toList()) + "）");
            }
            if (perItem != null) {
                problems.add(where + "：计算得分的指标不能同时设每项分值 per_item");
            }
            metricPoints = metricPoints(c.get("metric_points"), points, where);
        } else if (c.containsKey("metric_points")) {
            problems.add(where + "：有 metric_points 却没有 metric");
        }
        return new Criterion(code, name, kind, points == null ? BigDecimal.ONE : points, perItem,
                c.containsKey("standard") ? String.valueOf(c.get("standard")) : "",
                c.containsKey("evidence") ? String.valueOf(c.get("evidence")) : "", metric, metricPoints);
    }

    /** Ranges "from this value on (inclusive), until the next higher from": points each, within [0, cap]. */
    private Legend metricPoints(Object value, BigDecimal cap, String where) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + "：计算得分的指标应有 metric_points（from、points）");
            return Legend.of(Direction.HIGHER_IS_BETTER, List.of());
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?>) {
                steps.add(map(o));
            }
        }
        List<LegendRange> ranges = new ArrayList<>();
        Set<BigDecimal> seen = new HashSet<>();
        // a step without a valid from sorts last and is reported below (it used to throw a NullPointerException)
        steps.sort(Comparator.comparing((Map<String, Object> s) -> decimal(s.get("from")),
                Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder())).reversed());
        BigDecimal upper = null;
        for (Map<String, Object> s : steps) {
            BigDecimal from = decimal(s.get("from"));
            BigDecimal points = decimal(s.get("points"));
            if (from == null || points == null) {
                problems.add(where + "：metric_points 的每一档都要有 from 和 points");
                continue;
            }
            if (!seen.add(from)) {
                problems.add(where + "：metric_points 的 from " + from.toPlainString() + " 重复");
            }
            if (points.signum() < 0 || (cap != null && points.compareTo(cap) > 0)) {
                problems.add(where + "：metric_points 的得分 " + points.toPlainString() + " 超出 0 至 "
                        + (cap == null ? "?" : cap.stripTrailingZeros().toPlainString()) + " 分");
            }
            if (points.stripTrailingZeros().scale() > 0) {
                problems.add(where + "：metric_points 的得分应为整数");
            }
            ranges.add(new LegendRange(null, points.toPlainString() + "分", points.intValue(), from, true, upper,
                    false, upper));
            upper = from;
        }
        return Legend.of(Direction.HIGHER_IS_BETTER, ranges);
    }

    private StarMode mode(Object value) {
        try {
            return StarMode.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            problems.add("星级：mode 应为 TOTAL（按总分）或 DIMENSIONS（按维度），而不是 " + value);
            return StarMode.TOTAL;
        }
    }

    private List<StarBand> bands(Object value, StarMode mode, BigDecimal total) {
        List<StarBand> bands = new ArrayList<>();
        if (mode != StarMode.TOTAL) {
            if (value != null) {
                problems.add("星级：按维度评星（DIMENSIONS）的方案不用 bands，用各维度的 star_at");
            }
            return bands;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add("星级：按总分评星应有 bands（stars、min、label）");
            return bands;
        }
        Set<Integer> stars = new HashSet<>();
        for (Object o : list) {
            Map<String, Object> b = o instanceof Map<?, ?> ? map(o) : Map.of();
            BigDecimal min = decimal(b.get("min"));
            Object s = b.get("stars");
            if (!(s instanceof Integer count) || count < 1 || min == null || b.get("label") == null) {
                problems.add("星级：每一档应有 stars（正整数）、min 和 label：" + b);
                continue;
            }
            if (!stars.add(count)) {
                problems.add("星级：" + count + " 星出现了两次");
            }
            if (min.signum() < 0 || (total != null && min.compareTo(total) > 0)) {
                problems.add("星级：" + count + " 星的起点 " + min.toPlainString() + " 分超出 0 至总分");
            }
            bands.add(new StarBand(count, min, String.valueOf(b.get("label"))));
        }
        List<StarBand> byStars = new ArrayList<>(bands);
        byStars.sort(Comparator.comparingInt(StarBand::stars));
        for (int i = 1; i < byStars.size(); i++) {
            if (byStars.get(i).min().compareTo(byStars.get(i - 1).min()) <= 0) {
                problems.add("星级：" + byStars.get(i).stars() + " 星的起点应高于 " + byStars.get(i - 1).stars() + " 星");
            }
        }
        return bands;
    }

    private void checkDimensionStars(List<Dimension> dimensions, StarMode mode) {
        for (Dimension d : dimensions) {
            if (mode == StarMode.DIMENSIONS) {
                if (d.starAt() == null || d.starName() == null) {
                    problems.add("维度 " + d.code() + "：按维度评星应有 star_at 和 star_name");
                } else if (d.starAt().signum() <= 0 || d.starAt().compareTo(d.max()) > 0) {
                    problems.add("维度 " + d.code() + "：star_at " + d.starAt().toPlainString() + " 应在 0 与本维度满分 "
                            + d.max().stripTrailingZeros().toPlainString() + " 之间");
                }
            } else if (d.starAt() != null) {
                problems.add("维度 " + d.code() + "：按总分评星的方案不用 star_at");
            }
        }
    }

    private List<StrongCondition> strong(Object value, List<Dimension> dimensions) {
        List<StrongCondition> strong = new ArrayList<>();
        if (value == null) {
            return strong;
        }
        if (!(value instanceof List<?> list)) {
            problems.add("双强：strong 应为列表");
            return strong;
        }
        Set<String> dimensionCodes = new HashSet<>(dimensions.stream().map(Dimension::code).toList());
        Set<String> codes = new HashSet<>();
        for (Object o : list) {
            Map<String, Object> s = o instanceof Map<?, ?> ? map(o) : Map.of();
            String code = String.valueOf(s.get("code"));
            String where = "双强 " + code;
            if (!code.equals(StrongCondition.PARTY) && !code.equals(StrongCondition.DEVELOPMENT)) {
                problems.add(where + "：code 应为 PARTY（党建强）或 DEVELOPMENT（发展强）");
            }
            if (!codes.add(code)) {
                problems.add(where + "：重复");
            }
            List<String> dims = s.get("dimensions") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : List.of();
            if (dims.isEmpty()) {
                problems.add(where + "：dimensions 应列出所依据的维度");
            }
            dims.stream().filter(d -> !dimensionCodes.contains(d))
                    .forEach(d -> problems.add(where + "：维度 " + d + " 不存在"));
            BigDecimal share = decimal(s.get("min_share"));
            if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
                problems.add(where + "：min_share 应在 0 与 1 之间");
            }
            strong.add(new StrongCondition(code, text(s, "name", where, true), dims,
                    share == null ? BigDecimal.ONE : share));
        }
        return strong;
    }

    private List<Veto> vetoes(Object value) {
        List<Veto> vetoes = new ArrayList<>();
        if (value == null) {
            return vetoes;
        }
        if (!(value instanceof List<?> list)) {
            problems.add("一票否决：vetoes 应为列表");
            return vetoes;
        }
        for (Object o : list) {
            Map<String, Object> v = o instanceof Map<?, ?> ? map(o) : Map.of();
            String where = "一票否决 " + v.getOrDefault("code", "?");
            vetoes.add(new Veto(text(v, "code", where, true), text(v, "name", where, true)));
        }
        return vetoes;
    }

    private void checkCodes(List<Dimension> dimensions, List<Veto> vetoes) {
        Set<String> codes = new LinkedHashSet<>();
        for (Dimension d : dimensions) {
            if (!codes.add(d.code())) {
                problems.add("维度 " + d.code() + "：代码重复");
            }
            for (Criterion c : d.criteria()) {
                if (!codes.add(c.code())) {
                    problems.add("指标 " + c.code() + "（" + c.name() + "）：代码重复");
                }
                if (c.code().length() > 20) {
                    problems.add("指标 " + c.code() + "（" + c.name() + "）：代码不能超过 20 个字符");
                }
            }
        }
        for (Veto v : vetoes) {
            if (!codes.add(v.code())) {
                problems.add("一票否决 " + v.code() + "：代码重复");
            }
        }
    }

    private void keys(Map<String, Object> m, Set<String> allowed, String where) {
        m.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> problems.add(where + "：未知的键 " + k));
    }

    private String text(Map<String, Object> m, String key, String where, boolean required) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            if (required) {
                problems.add(where + "：缺少 " + key);
            }
            return "";
        }
        return String.valueOf(v);
    }

    private BigDecimal number(Map<String, Object> m, String key, String where, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                problems.add(where + "：缺少 " + key);
            }
            return null;
        }
        BigDecimal d = decimal(v);
        if (d == null) {
            problems.add(where + "：" + key + " 应为数字，而不是 " + v);
        }
        return d;
    }

    /** A YAML value as a decimal; null when missing or not a number (the caller says which key is wrong). */
    static BigDecimal decimal(Object v) {
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}

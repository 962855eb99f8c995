package cn.zugong.talent.internal.directory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The 自贸企业认定 scheme ({@code talent/directory-scheme.yaml}): the figures with their names, units, groups,
 * weights and direction, and the formula ({@code weighted_min_max}: scale × Σ weight × min–max normalised figure).
 * Checked at load; a broken file is refused with every key and reason.
 */
public record DirectoryScheme(int version, String name, String method, BigDecimal scale, List<Figure> figures) {

    public static final String RESOURCE = "talent/directory-scheme.yaml";
    static final String WEIGHTED_MIN_MAX = "weighted_min_max";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    /** A figure of the scheme; {@code higher}: more is better. */
    public record Figure(String code, String name, String unit, String group, BigDecimal weight, boolean higher) {
        /** "亩均税收（万元/亩）": the figure's column header in the Excel files. */
        public String header() {
            return name + "（" + unit + "）";
        }
    }

    public Optional<Figure> figure(String code) {
        return figures.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /**
     * Scores: for each enterprise (key), scale × Σ weight × normalised figure, 4 decimals half up. Values are the
     * enterprise's figures by code; a missing figure normalises to 0, as does a figure equal for everyone.
     */
    public <K> Map<K, BigDecimal> score(Map<K, Map<String, BigDecimal>> values) {
        Map<String, BigDecimal> min = new LinkedHashMap<>();
        Map<String, BigDecimal> max = new LinkedHashMap<>();
        for (Map<String, BigDecimal> v : values.values()) {
            for (Figure f : figures) {
                BigDecimal x = v.get(f.code());
                if (x != null) {
                    min.merge(f.code(), x, BigDecimal::min);
                    max.merge(f.code(), x, BigDecimal::max);
                }
            }
        }
        MathContext mc = MathContext.DECIMAL64;
        Map<K, BigDecimal> out = new LinkedHashMap<>();
        values.forEach((key, v) -> {
            BigDecimal sum = BigDecimal.ZERO;
            for (Figure f : figures) {
                BigDecimal x = v.get(f.code());
                if (x == null) {
                    continue;
                }
                BigDecimal range = max.get(f.code()).subtract(min.get(f.code()));
                if (range.signum() == 0) {
                    continue;
                }
                BigDecimal n = (f.higher() ? x.subtract(min.get(f.code())) : max.get(f.code()).subtract(x))
                        .divide(range, mc);
                sum = sum.add(f.weight().multiply(n, mc), mc);
            }
            out.put(key, scale.multiply(sum, mc).setScale(4, RoundingMode.HALF_UP));
        });
        return out;
    }

    public static DirectoryScheme load() {
        try (InputStream in = DirectoryScheme.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    @SuppressWarnings("unchecked")
    static DirectoryScheme parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
        List<String> problems = new ArrayList<>();
        if (!(loaded instanceof Map<?, ?> rootMap)) {
            throw new IllegalStateException(RESOURCE + " 有误：文件应为键值结构");
        }
        Map<String, Object> root = (Map<String, Object>) rootMap;
        for (String key : root.keySet()) {
            if (!Set.of("version", "name", "formula", "figures").contains(key)) {
                problems.add("未知的键 " + key);
            }
        }
        int version = root.get("version") instanceof Integer v ? v : 0;
        if (version <= 0) {
            problems.add("version: 应为正整数");
        }
        String name = root.get("name") == null ? "" : String.valueOf(root.get("name"));
        if (name.isBlank()) {
            problems.add("name: 缺少方案名称");
        }
        String method = "";
        BigDecimal scale = BigDecimal.ONE;
        if (root.get("formula") instanceof Map<?, ?> formula) {
            method = String.valueOf(formula.get("method"));
            if (!WEIGHTED_MIN_MAX.equals(method)) {
                problems.add("formula.method: 只支持 " + WEIGHTED_MIN_MAX + "，实际为 " + method);
            }
            try {
                scale = new BigDecimal(String.valueOf(formula.get("scale")));
                if (scale.signum() <= 0) {
                    problems.add("formula.scale: 应为正数");
                }
            } catch (NumberFormatException e) {
                problems.add("formula.scale: 应为数字，实际为 " + formula.get("scale"));
            }
            for (Object key : formula.keySet()) {
                if (!Set.of("method", "scale").contains(String.valueOf(key))) {
                    problems.add("formula: 未知的键 " + key);
                }
            }
        } else {
            problems.add("formula: 缺少评分公式");
        }
        List<Figure> figures = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> headers = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        if (root.get("figures") instanceof List<?> list && !list.isEmpty()) {
            int i = 0;
            for (Object o : list) {
                i++;
                if (!(o instanceof Map<?, ?> m)) {
                    problems.add("figures 第 " + i + " 项: 应为键值结构");
                    continue;
                }
                String where = "figures 第 " + i + " 项";
                String code = String.valueOf(m.get("code"));
                if (!CODE.matcher(code).matches()) {
                    problems.add(where + ": code 应为大写字母、数字和下划线，实际为 " + code);
                } else if (!codes.add(code)) {
                    problems.add(where + ": code 重复 " + code);
                }
                String fname = m.get("name") == null ? "" : String.valueOf(m.get("name"));
                String unit = m.get("unit") == null ? "" : String.valueOf(m.get("unit"));
                String group = m.get("group") == null ? "" : String.valueOf(m.get("group"));
                if (fname.isBlank() || unit.isBlank() || group.isBlank()) {
                    problems.add(where + " (" + code + "): name、unit、group 都不能为空");
                }
                if (!headers.add(fname)) {
                    problems.add(where + ": name 重复 " + fname);
                }
                BigDecimal weight = BigDecimal.ZERO;
                try {
                    weight = new BigDecimal(String.valueOf(m.get("weight")));
                    if (weight.signum() <= 0) {
                        problems.add(where + " (" + code + "): weight 应大于 0");
                    }
                } catch (NumberFormatException e) {
                    problems.add(where + " (" + code + "): weight 应为数字，实际为 " + m.get("weight"));
                }
                Object direction = m.get("direction") == null ? "higher" : m.get("direction");
                if (!"higher".equals(direction) && !"lower".equals(direction)) {
                    problems.add(where + " (" + code + "): direction 只能为 higher 或 lower");
                }
                for (Object key : m.keySet()) {
                    if (!Set.of("code", "name", "unit", "group", "weight", "direction").contains(String.valueOf(key))) {
                        problems.add(where + ": 未知的键 " + key);
                    }
                }
                total = total.add(weight);
                figures.add(new Figure(code, fname, unit, group, weight, "higher".equals(direction)));
            }
            if (total.compareTo(BigDecimal.ONE) != 0) {
                problems.add("figures: 各项 weight 之和应为 1，实际为 " + total.stripTrailingZeros().toPlainString());
            }
        } else {
            problems.add("figures: 缺少指标列表");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " 有误：" + String.join("；", problems));
        }
        return new DirectoryScheme(version, name, method, scale, List.copyOf(figures));
    }
}

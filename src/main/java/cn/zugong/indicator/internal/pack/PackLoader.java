package cn.zugong.indicator.internal.pack;

import cn.zugong.indicator.Applicability;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.PackCategory;
import cn.zugong.indicator.PackId;
import cn.zugong.indicator.PackModule;
import cn.zugong.indicator.PackValidationException;
import cn.zugong.indicator.internal.compile.CompiledFormula;
import cn.zugong.indicator.internal.compile.FormulaCompiler;
import cn.zugong.indicator.internal.formula.FormulaException;
import cn.zugong.people.RosterVocabulary;
import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a pack file (YAML: pack, modules → categories → indicators) and validates everything before
 * anything is used: structure, unique codes, units, applicability, legends, advice templates and every
 * formula (parsed and type-checked). All problems are collected and reported together.
 */
public final class PackLoader {

    private static final Set<String> PLACEHOLDERS = Set.of("name", "value", "unit", "threshold", "low", "high");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final String source;
    private final List<String> errors = new ArrayList<>();

    private PackLoader(String source) {
        this.source = source;
    }

    public static LoadedPack load(String yaml, String source) {
        return new PackLoader(source).read(yaml);
    }

    @SuppressWarnings("unchecked")
    private LoadedPack read(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new PackValidationException(source, List.of("YAML 格式错误：" + e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("pack") instanceof Map<?, ?> head)) {
            throw new PackValidationException(source, List.of("缺少 pack: {code, version, name}"));
        }
        PackId id = new PackId(str(head, "code", "pack"), (int) num(head, "version", "pack").intValue());
        List<PackModule> modules = new ArrayList<>();
        List<Indicator> indicators = new ArrayList<>();
        Map<String, CompiledFormula> formulas = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        for (Map<String, Object> m : list(doc, "modules", "pack")) {
            String moduleCode = str(m, "code", "模块");
            unique(codes, moduleCode);
            List<PackCategory> categories = new ArrayList<>();
            for (Map<String, Object> c : list(m, "categories", "模块 " + moduleCode)) {
                String categoryCode = str(c, "code", "模块 " + moduleCode + " 的体检项目");
                unique(codes, categoryCode);
                categories.add(new PackCategory(categoryCode, str(c, "name", categoryCode), moduleCode));
                for (Map<String, Object> i : list(c, "indicators", "体检项目 " + categoryCode)) {
                    Indicator indicator = indicator(i, moduleCode, categoryCode);
                    if (indicator == null) {
                        continue;
                    }
                    unique(codes, indicator.code());
                    indicators.add(indicator);
                    try {
                        formulas.put(indicator.code(), FormulaCompiler.compile(indicator.formula()));
                    } catch (FormulaException e) {
                        errors.add("指标 " + indicator.code() + "（" + indicator.name() + "）公式" + e.getMessage());
                    }
                }
            }
            modules.add(new PackModule(moduleCode, str(m, "name", moduleCode), categories));
        }
        if (!errors.isEmpty()) {
            throw new PackValidationException(source, errors);
        }
        return new LoadedPack(new IndicatorPack(id, str(head, "name", "pack"), modules, indicators), Map.copyOf(formulas));
    }

    private Indicator indicator(Map<String, Object> i, String moduleCode, String categoryCode) {
        String code = str(i, "code", "体检项目 " + categoryCode + " 的指标");
        String where = "指标 " + code;
        String name = str(i, "name", where);
        String formula = str(i, "formula", where);
        String unit = str(i, "unit", where);
        if (unit != null && !Indicator.UNITS.containsKey(unit)) {
            errors.add(where + "：单位 '" + unit + "' 不可用，可选 " + Indicator.UNITS.keySet());
        }
        Applicability applies = applicability(i.get("applies_to"), where);
        Legend legend = legend(i.get("legend"), where);
        Map<String, String> advice = advice(i.get("advice"), legend, where);
        if (code == null || name == null || formula == null || legend == null) {
            return null;
        }
        return new Indicator(code, name, moduleCode, categoryCode, formula.strip(), unit, applies, legend, advice);
    }

    @SuppressWarnings("unchecked")
    private Applicability applicability(Object value, String where) {
        if (value == null) {
            return Applicability.ALL;
        }
        if (!(value instanceof Map<?, ?> m)) {
            errors.add(where + "：applies_to 应为 {tiers: [...], unit_types: [...]}");
            return Applicability.ALL;
        }
        Set<String> tiers = new HashSet<>(m.get("tiers") instanceof List<?> l ? (List<String>) l : List.of());
        Set<String> types = new HashSet<>(m.get("unit_types") instanceof List<?> l ? (List<String>) l : List.of());
        for (String t : tiers) {
            if (!RosterVocabulary.UNIT_TIERS.contains(t)) {
                errors.add(where + "：applies_to 中的单位层级 '" + t + "' 不存在，可选 " + RosterVocabulary.UNIT_TIERS);
            }
        }
        return new Applicability(tiers, types);
    }

    /**
     * Validates one indicator's warning rule — legend and advice, exactly as in a pack file — and returns the
     * indicator with it (for the rules editor). Throws {@link PackValidationException} listing every problem.
     */
    public static Indicator withRule(Indicator base, Map<String, Object> legend, Map<String, Object> advice) {
        PackLoader loader = new PackLoader("预警规则 " + base.code());
        String where = "指标 " + base.code() + "（" + base.name() + "）";
        Legend parsed = loader.legend(legend, where);
        Map<String, String> texts = loader.advice(advice, parsed, where);
        texts.forEach((colour, text) -> {
            if (text.length() > 500) {
                loader.errors.add(where + "：" + colour.toLowerCase() + " 的意见建议模板超过 500 字");
            }
        });
        if (!loader.errors.isEmpty()) {
            throw new PackValidationException(loader.source, loader.errors);
        }
        return new Indicator(base.code(), base.name(), base.moduleCode(), base.categoryCode(), base.formula(),
                base.unit(), base.appliesTo(), parsed, texts);
    }

    private Legend legend(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            errors.add(where + "：缺少 legend");
            return null;
        }
        String direction = String.valueOf(m.get("direction"));
        try {
            if (!order(direction, m, where)) {
                return null;
            }
            return switch (direction) {
                case "higher" -> Legend.warning(Direction.HIGHER_IS_BETTER, dec(m, "red"), dec(m, "yellow"), dec(m, "blue"));
                case "lower" -> Legend.warning(Direction.LOWER_IS_BETTER, dec(m, "red"), dec(m, "yellow"), dec(m, "blue"));
                case "band" -> band(req(m, "low"), req(m, "high"), req(m, "blue"), req(m, "yellow"));
                default -> {
                    errors.add(where + "：legend.direction 应为 higher、lower 或 band，而不是 " + direction);
                    yield null;
                }
            };
        } catch (IllegalArgumentException e) {
            errors.add(where + "：预警阈值不正确：" + e.getMessage());
            return null;
        }
    }

    /** Threshold order in words an officer reads; false (with the error added) when it is wrong. */
    private boolean order(String direction, Map<?, ?> m, String where) {
        if (!direction.equals("higher") && !direction.equals("lower")) {
            return true;
        }
        BigDecimal red = dec(m, "red");
        BigDecimal yellow = dec(m, "yellow");
        BigDecimal blue = dec(m, "blue");
        if (red == null && yellow == null && blue == null) {
            errors.add(where + "：预警阈值不正确：至少需要红、黄、蓝中的一个阈值");
            return false;
        }
        boolean higher = direction.equals("higher");
        BigDecimal previous = null;
        String previousName = null;
        String[] names = {"红色", "黄色", "蓝色"};
        BigDecimal[] cuts = {red, yellow, blue};
        for (int i = 0; i < 3; i++) {
            if (cuts[i] == null) {
                continue;
            }
            if (previous != null && (higher ? cuts[i].compareTo(previous) <= 0 : cuts[i].compareTo(previous) >= 0)) {
                errors.add(where + "：预警阈值不正确：" + (higher ? "越高越好的指标，阈值应从红到蓝逐级升高" : "越低越好的指标，阈值应从红到蓝逐级降低")
                        + "，而" + names[i] + "阈值 " + cuts[i].toPlainString() + (higher ? " 不高于 " : " 不低于 ")
                        + previousName + "阈值 " + previous.toPlainString());
                return false;
            }
            previous = cuts[i];
            previousName = names[i];
        }
        return true;
    }

    private Map<String, String> advice(Object value, Legend legend, String where) {
        Map<String, String> advice = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> advice.put(String.valueOf(k).toUpperCase(), String.valueOf(v)));
        }
        if (legend != null) {
            legend.ranges().stream().map(r -> r.colour()).filter(c -> c != Colour.GREEN).map(Colour::code).distinct()
                    .filter(c -> !advice.containsKey(c))
                    .forEach(c -> errors.add(where + "：缺少 " + c.toLowerCase() + " 的意见建议模板"));
        }
        advice.forEach((colour, template) -> {
            Matcher matcher = PLACEHOLDER.matcher(template);
            while (matcher.find()) {
                if (!PLACEHOLDERS.contains(matcher.group(1))) {
                    errors.add(where + "：意见建议模板中的 {" + matcher.group(1) + "} 不可用，可用 " + PLACEHOLDERS);
                }
            }
        });
        return advice;
    }

    private static BigDecimal dec(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " 应为数字，而不是 '" + v + "'");
        }
    }

    private static Legend band(BigDecimal low, BigDecimal high, BigDecimal blue, BigDecimal yellow) {
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("合理区间下限 " + low.toPlainString() + " 高于上限 " + high.toPlainString());
        }
        if (blue.signum() <= 0 || yellow.compareTo(blue) <= 0) {
            throw new IllegalArgumentException("偏离幅度应满足 0 < 蓝色 < 黄色，现为蓝色 " + blue.toPlainString() + "、黄色 "
                    + yellow.toPlainString());
        }
        return Legend.band(low, high, blue, yellow);
    }

    private static BigDecimal req(Map<?, ?> m, String key) {
        BigDecimal v = dec(m, key);
        if (v == null) {
            throw new IllegalArgumentException("band 缺少 " + key);
        }
        return v;
    }

    private void unique(Set<String> codes, String code) {
        if (code != null && !codes.add(code)) {
            errors.add("编码 " + code + " 重复");
        }
    }

    private String str(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            errors.add(where + "：缺少 " + key);
            return null;
        }
        return String.valueOf(v);
    }

    private Number num(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            errors.add(where + "：" + key + " 应为数字");
            return 0;
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (!(v instanceof List<?> l)) {
            errors.add(where + "：缺少 " + key + " 列表");
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : l) {
            if (o instanceof Map<?, ?> item) {
                out.add((Map<String, Object>) item);
            } else {
                errors.add(where + "：" + key + " 的每一项应为映射");
            }
        }
        return out;
    }
}

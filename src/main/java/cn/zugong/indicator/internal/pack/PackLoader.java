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

    private Legend legend(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            errors.add(where + "：缺少 legend");
            return null;
        }
        String direction = String.valueOf(m.get("direction"));
        try {
            return switch (direction) {
                case "higher" -> Legend.warning(Direction.HIGHER_IS_BETTER, dec(m, "red"), dec(m, "yellow"), dec(m, "blue"));
                case "lower" -> Legend.warning(Direction.LOWER_IS_BETTER, dec(m, "red"), dec(m, "yellow"), dec(m, "blue"));
                case "band" -> Legend.band(req(m, "low"), req(m, "high"), req(m, "blue"), req(m, "yellow"));
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

    private Map<String, String> advice(Object value, Legend legend, String where) {
        Map<String, String> advice = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> advice.put(String.valueOf(k).toUpperCase(), String.valueOf(v)));
        }
        if (legend != null) {
            legend.ranges().stream().map(r -> r.colour()).filter(c -> !c.equals(Legend.GREEN)).distinct()
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
        return v == null ? null : new BigDecimal(String.valueOf(v));
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

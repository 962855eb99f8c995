package cn.zugong.indicator.internal.pack;

import cn.zugong.indicator.Applicability;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.LevelRule;
import cn.zugong.indicator.NodeLevel;
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
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a pack file (YAML: pack, advice_templates, legend_sets, modules → categories → indicators) and
 * validates everything before anything is used: structure, unique codes, units, applicability, legends,
 * advice templates and every formula (parsed and type-checked). All problems are collected and reported
 * together.
 *
 * <p>Legend sets and advice templates are resolved here, so the rest of the platform sees each indicator
 * with its own legend and advice texts, as if the pack had spelled them out. Names that are unknown,
 * declared twice or never used are errors: a pack edited by hand should not carry dead or ambiguous names.
 */
public final class PackLoader {

    private static final Set<String> PLACEHOLDERS = Set.of("name", "value", "unit", "threshold", "low", "high");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    /** Filled in at load time from the category's (or the indicator's own) action. */
    private static final String ACTION = "{action}";
    /** Advice is keyed by the stored colour code; a template may word the 数字体检 colours, 正常 included. */
    private static final Set<String> TEMPLATE_COLOURS = Colour.HEALTH_CHECK.stream().map(Colour::code)
            .collect(Collectors.toUnmodifiableSet());

    private final String source;
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Legend> legendSets = new LinkedHashMap<>();
    /** Every set named, including those whose legend has errors (already reported where they are declared). */
    private final Set<String> declaredSets = new LinkedHashSet<>();
    private final Map<Direction, AdviceTemplate> adviceTemplates = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    /** Advice wording for the legends of one direction, texts keyed by colour code, with {action} in them. */
    private record AdviceTemplate(String name, Map<String, String> texts) {
    }

    /** Whether head-count indicators must say how roll-up levels are coloured (ADR 053). */
    private final boolean levelsRequired;

    private PackLoader(String source, boolean levelsRequired) {
        this.source = source;
        this.levelsRequired = levelsRequired;
    }

    private PackLoader(String source) {
        this(source, true);
    }

    public static LoadedPack load(String yaml, String source) {
        return new PackLoader(source).read(yaml);
    }

    /**
     * Loads a pack written before per-level legends (ADR 053) without requiring head-counts to declare their
     * levels: only for the frozen reference pack that pins the v1 unit-level rules (ADR 042's test).
     */
    public static LoadedPack loadWithoutLevelRules(String yaml, String source) {
        return new PackLoader(source, false).read(yaml);
    }

    @SuppressWarnings("unchecked")
    private LoadedPack read(String text) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            // a legend set or template declared twice would otherwise silently keep the second one
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (DuplicateKeyException e) {
            throw new PackValidationException(source, List.of("第 " + (e.getProblemMark().getLine() + 1) + " 行第 "
                    + (e.getProblemMark().getColumn() + 1) + " 列：" + e.getProblem().replace("found duplicate key ", "名称重复：")));
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
        adviceTemplates(doc.get("advice_templates"));
        legendSets(doc.get("legend_sets"));
        for (Map<String, Object> m : list(doc, "modules", "pack")) {
            String moduleCode = str(m, "code", "模块");
            unique(codes, moduleCode);
            List<PackCategory> categories = new ArrayList<>();
            for (Map<String, Object> c : list(m, "categories", "模块 " + moduleCode)) {
                String categoryCode = str(c, "code", "模块 " + moduleCode + " 的体检项目");
                unique(codes, categoryCode);
                categories.add(new PackCategory(categoryCode, str(c, "name", categoryCode), moduleCode));
                String action = optionalStr(c, "action", "体检项目 " + categoryCode);
                for (Map<String, Object> i : list(c, "indicators", "体检项目 " + categoryCode)) {
                    Indicator indicator = indicator(i, moduleCode, categoryCode, action);
                    if (indicator == null) {
                        continue;
                    }
                    unique(codes, indicator.code());
                    indicators.add(indicator);
                    try {
                        CompiledFormula f = FormulaCompiler.compile(indicator.formula());
                        levelsFitFormula(indicator, f);
                        formulas.put(indicator.code(), indicator.perHundredStaffSomewhere()
                                ? FormulaCompiler.perHundredStaff(f) : f);
                    } catch (FormulaException e) {
                        errors.add("指标 " + indicator.code() + "（" + indicator.name() + "）公式" + e.getMessage());
                    }
                }
            }
            modules.add(new PackModule(moduleCode, str(m, "name", moduleCode), categories));
        }
        if (errors.isEmpty()) {
            // only now: an indicator skipped for another error would make its set or template look unused
            legendSets.keySet().stream().filter(name -> !used.contains("legend:" + name))
                    .forEach(name -> errors.add("图例集 " + name + " 没有指标引用，请删除或引用它"));
            adviceTemplates.values().stream().filter(t -> !used.contains("advice:" + t.name()))
                    .forEach(t -> errors.add("意见建议模板 " + t.name() + " 没有指标用到，请删除它"));
        }
        if (!errors.isEmpty()) {
            throw new PackValidationException(source, errors);
        }
        return new LoadedPack(new IndicatorPack(id, str(head, "name", "pack"), modules, indicators), Map.copyOf(formulas));
    }

    private Indicator indicator(Map<String, Object> i, String moduleCode, String categoryCode, String categoryAction) {
        String code = str(i, "code", "体检项目 " + categoryCode + " 的指标");
        String where = "指标 " + code;
        String name = str(i, "name", where);
        String formula = str(i, "formula", where);
        String unit = str(i, "unit", where);
        if (unit != null && !Indicator.UNITS.containsKey(unit)) {
            errors.add(where + "：单位 '" + unit + "' 不可用，可选 " + Indicator.UNITS.keySet());
        }
        Applicability applies = applicability(i.get("applies_to"), where);
        Legend legend = indicatorLegend(i, where);
        String action = optionalStr(i, "action", where);
        Map<String, String> advice = advice(resolvedAdvice(i.get("advice"), legend,
                action != null ? action : categoryAction, where), legend, where);
        String definition = definition(i, where);
        Map<NodeLevel, LevelRule> levels = levels(i.get("levels"), action != null ? action : categoryAction, where);
        String levelNote = optionalStr(i, "level_note", where);
        if (!levels.isEmpty() && levelNote == null) {
            errors.add(where + "：写了 levels 就要写 level_note，说明为什么这样处理汇总层级");
        }
        if (code == null || name == null || formula == null || legend == null || definition == null) {
            return null;
        }
        return new Indicator(code, name, moduleCode, categoryCode, formula.strip(), unit, applies, legend, advice,
                definition, levels, levelNote);
    }

    /** The 口径: required, one line (it is shown under the indicator on its page and in the reports). */
    private String definition(Map<String, Object> i, String where) {
        String definition = str(i, "definition", where + "（口径）");
        if (definition == null) {
            return null;
        }
        definition = definition.strip();
        if (definition.contains("\n")) {
            errors.add(where + "：definition（口径）应为一行");
        } else if (definition.length() > 300) {
            errors.add(where + "：definition（口径）超过 300 字");
        }
        return definition;
    }

    /**
     * levels: {township|county|city|above_unit: none | {per_100_staff: true|false, legend_set: … | legend: …}}.
     * Unit level is the indicator's own legend; a level not written keeps it. above_unit stands for the three
     * roll-up levels (a level written next to it overrides it).
     */
    private Map<NodeLevel, LevelRule> levels(Object value, String action, String where) {
        Map<NodeLevel, LevelRule> levels = new LinkedHashMap<>();
        if (value == null) {
            return levels;
        }
        if (!(value instanceof Map<?, ?> all)) {
            errors.add(where + "：levels 应为 {township|county|city|above_unit: none 或 {per_100_staff, legend_set/legend}}");
            return levels;
        }
        Object above = all.get("above_unit");
        if (above != null) {
            LevelRule rule = levelRule(above, action, where + " levels.above_unit");
            if (rule != null) {
                for (NodeLevel l : List.of(NodeLevel.TOWNSHIP, NodeLevel.COUNTY, NodeLevel.CITY)) {
                    levels.put(l, rule);
                }
            }
        }
        all.forEach((key, body) -> {
            String k = String.valueOf(key);
            if (k.equals("above_unit")) {
                return;
            }
            NodeLevel level = NodeLevel.ofKey(k).filter(l -> l != NodeLevel.UNIT).orElse(null);
            if (level == null) {
                errors.add(where + "：levels 中的层级 '" + k + "' 不存在，可选 township（乡镇街道）、county（区县）、city（市）、"
                        + "above_unit（三者）；单位层级用指标自己的 legend");
                return;
            }
            LevelRule rule = levelRule(body, action, where + " levels." + k);
            if (rule != null) {
                levels.put(level, rule);
            }
        });
        return levels;
    }

    private LevelRule levelRule(Object body, String action, String where) {
        if ("none".equals(body)) {
            return LevelRule.uncoloured();
        }
        if (!(body instanceof Map<?, ?> raw)) {
            errors.add(where + "：应为 none（不着色）或 {per_100_staff, legend_set/legend}");
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) raw;
        for (Object k : m.keySet()) {
            if (!Set.of("per_100_staff", "legend", "legend_set").contains(String.valueOf(k))) {
                errors.add(where + "：不认识 " + k + "，可用 per_100_staff、legend_set、legend");
            }
        }
        Object scaled = m.getOrDefault("per_100_staff", false);
        if (!(scaled instanceof Boolean perHundred)) {
            errors.add(where + "：per_100_staff 应为 true 或 false");
            return null;
        }
        if ("none".equals(m.get("legend"))) {
            return new LevelRule(null, perHundred, Map.of());
        }
        int before = errors.size();
        Legend legend = indicatorLegend(m, where);
        if (legend == null) {
            if (errors.size() == before) {
                errors.add(where + "：缺少 legend（或 legend_set）");
            }
            return null;
        }
        Map<String, String> advice = advice(resolvedAdvice(null, legend, action, where), legend, where);
        return new LevelRule(legend, perHundred, advice);
    }

    /**
     * Head-counts must say what happens above the unit (ADR 053): a count's unit thresholds mean nothing for
     * a district of thousands. per_100_staff needs a count (the value becomes 100 × count ÷ 在职人数).
     */
    private void levelsFitFormula(Indicator indicator, CompiledFormula f) {
        String where = "指标 " + indicator.code() + "（" + indicator.name() + "）";
        boolean headCount = !f.isRatio() && ("人".equals(indicator.unit()) || "人次".equals(indicator.unit()));
        if (indicator.perHundredStaffSomewhere() && !headCount) {
            errors.add(where + "：per_100_staff 只能用于人数（人、人次）指标，不能用于比值或平均值");
        }
        if (levelsRequired && headCount && !indicator.levels().keySet().containsAll(List.of(NodeLevel.TOWNSHIP, NodeLevel.COUNTY,
                NodeLevel.CITY))) {
            errors.add(where + "：人数指标要在 levels 中为 township、county、city（或 above_unit）写明按每百人折算"
                    + "（per_100_staff）还是不着色（none），并在 level_note 中说明理由");
        }
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

    /** One template per legend direction: which wording fits is decided by the legend, not by each indicator. */
    private void adviceTemplates(Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> all)) {
            errors.add("advice_templates 应为 名称: {direction, red, yellow, blue} 的映射");
            return;
        }
        all.forEach((key, body) -> {
            String name = String.valueOf(key);
            String where = "意见建议模板 " + name;
            if (!(body instanceof Map<?, ?> m)) {
                errors.add(where + "：应为 {direction, red, yellow, blue}");
                return;
            }
            Direction direction = direction(String.valueOf(m.get("direction")), where);
            Map<String, String> texts = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!"direction".equals(k)) {
                    texts.put(String.valueOf(k).toUpperCase(), String.valueOf(v));
                }
            });
            texts.keySet().stream().filter(colour -> !TEMPLATE_COLOURS.contains(colour)).forEach(colour ->
                    errors.add(where + "：" + colour.toLowerCase() + " 不是可用的颜色，可用 red、yellow、blue、green"));
            texts.forEach((colour, text) -> placeholders(text, where, true));
            if (direction == null) {
                return;
            }
            AdviceTemplate before = adviceTemplates.putIfAbsent(direction, new AdviceTemplate(name, texts));
            if (before != null) {
                errors.add(where + "：与 " + before.name() + " 同为 direction " + m.get("direction")
                        + " 的模板，每种方向只能有一个");
            }
        });
    }

    private void legendSets(Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> all)) {
            errors.add("legend_sets 应为 名称: {direction, ...} 的映射");
            return;
        }
        all.forEach((key, body) -> {
            declaredSets.add(String.valueOf(key));
            Legend legend = legend(body, "图例集 " + key);
            if (legend != null) {
                legendSets.put(String.valueOf(key), legend);
            }
        });
    }

    /** The indicator's legend: a named set, or its own thresholds when no set fits (never both). */
    private Legend indicatorLegend(Map<String, Object> i, String where) {
        Object set = i.get("legend_set");
        if (set != null && i.containsKey("legend")) {
            errors.add(where + "：legend_set 与 legend 只能写一个");
            return null;
        }
        if (set != null) {
            Legend legend = legendSets.get(String.valueOf(set));
            if (legend == null && !declaredSets.contains(String.valueOf(set))) {
                errors.add(where + "：图例集 " + set + " 未声明，已声明的有 " + declaredSets);
            } else {
                used.add("legend:" + set);
            }
            return legend;
        }
        Legend legend = legend(i.get("legend"), where);
        if (legend != null) {
            legendSets.forEach((name, declared) -> {
                if (same(declared, legend)) {
                    errors.add(where + "：legend 与图例集 " + name + " 相同，请写 legend_set: " + name);
                }
            });
        }
        return legend;
    }

    /** Compares thresholds by value, so "5" and "5.0" written in two places count as the same legend. */
    private static boolean same(Legend a, Legend b) {
        if (a.direction() != b.direction() || a.ranges().size() != b.ranges().size()) {
            return false;
        }
        for (int k = 0; k < a.ranges().size(); k++) {
            LegendRange x = a.ranges().get(k);
            LegendRange y = b.ranges().get(k);
            if (x.colour() != y.colour() || !equal(x.from(), y.from()) || !equal(x.to(), y.to())
                    || x.fromInclusive() != y.fromInclusive() || x.toInclusive() != y.toInclusive()) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * The texts of the template for the legend's direction, for the colours the legend has, with the action
     * filled in; then the indicator's own texts replace those of their colour.
     */
    private Map<String, Object> resolvedAdvice(Object own, Legend legend, String action, String where) {
        Map<String, Object> advice = new LinkedHashMap<>();
        AdviceTemplate template = legend == null ? null : adviceTemplates.get(legend.direction());
        if (template != null) {
            used.add("advice:" + template.name());
            for (String colour : warningColours(legend)) {
                String text = template.texts().get(colour);
                if (text == null) {
                    continue;
                }
                if (text.contains(ACTION) && action == null) {
                    errors.add(where + "：意见建议模板 " + template.name() + " 需要 action，指标和所属体检项目都没有写");
                    continue;
                }
                advice.put(colour, action == null ? text : text.replace(ACTION, action));
            }
        }
        if (own instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                String colour = String.valueOf(k).toUpperCase();
                if (String.valueOf(v).equals(advice.get(colour))) {
                    errors.add(where + "：advice." + k + " 与模板 " + template.name() + " 生成的文字相同，请删除");
                }
                advice.put(colour, v);
            });
        } else if (own != null) {
            errors.add(where + "：advice 应为 {red, yellow, blue} 的映射");
        }
        return advice;
    }

    private static List<String> warningColours(Legend legend) {
        return legend.ranges().stream().map(LegendRange::colour).filter(c -> c != Colour.GREEN).map(Colour::code)
                .distinct().toList();
    }

    private Direction direction(String direction, String where) {
        return switch (direction) {
            case "higher" -> Direction.HIGHER_IS_BETTER;
            case "lower" -> Direction.LOWER_IS_BETTER;
            case "band" -> Direction.BAND;
            default -> {
                errors.add(where + "：direction 应为 higher、lower 或 band，而不是 " + direction);
                yield null;
            }
        };
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
        return base.withLegend(parsed, texts);
    }

    private Legend legend(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            errors.add(where + "：缺少 legend（或 legend_set）");
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
            warningColours(legend).stream().filter(c -> !advice.containsKey(c))
                    .forEach(c -> errors.add(where + "：缺少 " + c.toLowerCase() + " 的意见建议模板"));
        }
        advice.forEach((colour, template) -> placeholders(template, where, false));
        return advice;
    }

    private void placeholders(String template, String where, boolean action) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!PLACEHOLDERS.contains(name) && !(action && ACTION.equals("{" + name + "}"))) {
                errors.add(where + "：意见建议模板中的 {" + name + "} 不可用，可用 " + PLACEHOLDERS
                        + (action ? " 和 {action}" : ""));
            }
        }
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

    private String optionalStr(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (v != null && String.valueOf(v).isBlank()) {
            errors.add(where + "：" + key + " 不能为空");
        }
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
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

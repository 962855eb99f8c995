package cn.zugong.talent.internal.recognition;

import cn.zugong.talent.CredentialKind;
import cn.zugong.talent.internal.Classification;
import cn.zugong.talent.internal.TalentRecord;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The recognition rules ({@code talent/recognition-rules.yaml}, ADR 057): 常规认定 rules as conditions over the
 * talent's codes and figures, the "10+10 直通车" lists, the 公示 period, the committee's quorum and the 举荐 scheme.
 * Every code is checked against the classification when the file is read; a bad rule stops the start with the rule's
 * id and the reason.
 */
public record RecognitionRules(int version, int publicityWorkdays, int validityYears, List<Rule> regular,
                               List<Rule> directRecognition, List<Rule> directFinal, int committeeQuorum,
                               Fraction quorum, Fraction agree, List<Dimension> dimensions,
                               Classification classification) {

    public static final String RESOURCE = "talent/recognition-rules.yaml";

    /** A fraction such as 2/3, compared exactly: {@code n/d ≤ part/whole} as {@code n·whole ≤ part·d}. */
    public record Fraction(int numerator, int denominator) {
        public boolean reachedBy(int part, int whole) {
            return whole > 0 && (long) part * denominator >= (long) numerator * whole;
        }

        /** The least count of {@code whole} that reaches the fraction. */
        public int of(int whole) {
            return (int) Math.ceil((double) numerator * whole / denominator - 1e-9);
        }

        @Override
        public String toString() {
            return numerator + "/" + denominator;
        }
    }

    /** A 举荐 scoring dimension with its full points. */
    public record Dimension(String code, String name, int points) {
    }

    /** One condition over a talent; {@code codes} for the *_in kinds, {@code number} for the others. */
    public record Condition(String kind, List<String> codes, Integer number) {
    }

    /** A rule: its id, the level it gives (null on the 直通终评 list), its name and the conditions that must all hold. */
    public record Rule(String id, String level, String name, List<Condition> all) {
    }

    /** A condition that failed: what the rule asks and what the talent has, in Chinese. */
    public record Failure(String required, String actual) {
        public String text() {
            return required + "，该人才" + actual;
        }
    }

    /** Why a rule of the next level up did not hold. */
    public record Miss(Rule rule, List<Failure> failures) {
        public String text() {
            return rule.id() + "「" + rule.name() + "」未满足：" + failures.stream().map(Failure::text)
                    .collect(Collectors.joining("；"));
        }
    }

    /**
     * The outcome of the 常规认定 rules for a talent on a day: the level (null: no rule holds), the rule that matched,
     * and for the next level up (A has none) every rule of it with the conditions that failed.
     */
    public record Evaluation(String level, Rule matched, String nextLevel, List<Miss> nextMisses,
                             Rule directRecognition, Rule directFinal) {

        /** The whole reasoning in Chinese, as the decision shows it. */
        public String reason() {
            StringBuilder b = new StringBuilder();
            if (matched == null) {
                b.append("不符合任何常规认定规则");
            } else {
                b.append("符合").append(level).append("类规则 ").append(matched.id()).append("「").append(matched.name())
                        .append("」");
            }
            if (nextLevel != null) {
                b.append("。未认定为").append(nextLevel).append("类：");
                b.append(nextMisses.stream().map(Miss::text).collect(Collectors.joining("；")));
            }
            return b.toString();
        }

        /** The 直通车 lane: TO_RECOGNITION, TO_FINAL or null. */
        public String fastTrack() {
            return directRecognition != null ? "TO_RECOGNITION" : directFinal != null ? "TO_FINAL" : null;
        }
    }

    private static final Set<String> KINDS = Set.of("title_in", "award_in", "programme_in", "education_in",
            "category_in", "field_in", "key_field", "salary_band_at_least", "years_at_least", "age_at_most");

    /** Evaluates the 常规认定 rules and the 直通车 lists for a talent as of {@code on}. */
    public Evaluation evaluate(TalentRecord t, LocalDate on) {
        Rule matched = null;
        for (Classification.Level l : classification.levels()) {
            matched = regular.stream().filter(r -> r.level().equals(l.code()) && failures(r, t, on).isEmpty())
                    .findFirst().orElse(null);
            if (matched != null) {
                break;
            }
        }
        String level = matched == null ? null : matched.level();
        String next = nextUp(level);
        List<Miss> misses = new ArrayList<>();
        if (next != null) {
            for (Rule r : regular) {
                if (r.level().equals(next)) {
                    misses.add(new Miss(r, failures(r, t, on)));
                }
            }
        }
        Rule direct = directRecognition.stream().filter(r -> failures(r, t, on).isEmpty())
                .min((a, b) -> Integer.compare(classification.rank(a.level()), classification.rank(b.level())))
                .orElse(null);
        Rule fin = directFinal.stream().filter(r -> failures(r, t, on).isEmpty()).findFirst().orElse(null);
        return new Evaluation(level, matched, next, misses, direct, fin);
    }

    /** The level above {@code level}; the lowest level when none; null above the top. */
    public String nextUp(String level) {
        List<Classification.Level> levels = classification.levels();
        if (level == null) {
            return levels.get(levels.size() - 1).code();
        }
        int rank = classification.rank(level);
        return rank == 0 ? null : levels.get(rank - 1).code();
    }

    /** The conditions of a rule the talent does not meet (empty: the rule holds). */
    public List<Failure> failures(Rule rule, TalentRecord t, LocalDate on) {
        List<Failure> out = new ArrayList<>();
        for (Condition c : rule.all()) {
            Failure f = failure(c, t, on);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private Failure failure(Condition c, TalentRecord t, LocalDate on) {
        return switch (c.kind()) {
            case "title_in" -> credential(c, t, CredentialKind.TITLE);
            case "award_in" -> credential(c, t, CredentialKind.AWARD);
            case "programme_in" -> credential(c, t, CredentialKind.PROGRAMME);
            case "education_in" -> c.codes().contains(t.education()) ? null
                    : new Failure("学历应为" + names(classification.education(), c.codes()),
                            "为" + classification.education().getOrDefault(t.education(), t.education()));
            case "category_in" -> c.codes().contains(t.category()) ? null
                    : new Failure("人才类别应为" + names(classification.categories(), c.codes()),
                            "为" + classification.categories().getOrDefault(t.category(), t.category()));
            case "field_in" -> c.codes().contains(t.field()) ? null
                    : new Failure("领域应为" + c.codes().stream().map(this::fieldName).collect(Collectors.joining("、")),
                            "为" + fieldName(t.field()));
            case "key_field" -> classification.field(t.field()).map(Classification.Field::key).orElse(false) ? null
                    : new Failure("应在自贸重点领域工作", "所在领域为" + fieldName(t.field()) + "（非自贸重点领域）");
            case "salary_band_at_least" -> {
                Classification.SalaryBand band = band(c.codes().get(0));
                BigDecimal s = t.annualSalary();
                yield s != null && s.compareTo(band.min()) >= 0 ? null
                        : new Failure("年薪应不低于" + yuan(band.min()) + "（" + band.name() + "）",
                                s == null ? "未登记年薪" : "年薪为" + yuan(s));
            }
            case "years_at_least" -> {
                int years = t.arrivedOn() == null ? -1 : Period.between(t.arrivedOn(), on).getYears();
                yield years >= c.number() ? null
                        : new Failure("到舟工作应满" + c.number() + "年", t.arrivedOn() == null ? "未登记到舟日期"
                                : "到舟工作" + Math.max(years, 0) + "年（" + t.arrivedOn() + "到舟）");
            }
            case "age_at_most" -> {
                int age = Period.between(t.birthDate(), on).getYears();
                yield age <= c.number() ? null
                        : new Failure("年龄应不超过" + c.number() + "周岁", "为" + age + "周岁");
            }
            default -> throw new IllegalStateException("unknown condition " + c.kind());
        };
    }

    private Failure credential(Condition c, TalentRecord t, CredentialKind kind) {
        Map<String, String> names = classification.credentials(kind);
        if (c.codes().stream().anyMatch(code -> t.holds(kind, code))) {
            return null;
        }
        List<String> held = t.credentials().stream().filter(x -> x.kind() == kind)
                .map(x -> names.getOrDefault(x.code(), x.code())).toList();
        return new Failure(kind.label() + "应为" + names(names, c.codes()) + "之一",
                held.isEmpty() ? "无" + kind.label() : "的" + kind.label() + "为" + String.join("、", held));
    }

    private String fieldName(String code) {
        return classification.field(code).map(Classification.Field::name).orElse(code);
    }

    private Classification.SalaryBand band(String code) {
        return classification.salaryBands().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }

    private static String names(Map<String, String> names, List<String> codes) {
        return codes.stream().map(c -> names.getOrDefault(c, c)).collect(Collectors.joining("、"));
    }

    private static String yuan(BigDecimal amount) {
        BigDecimal wan = amount.divide(BigDecimal.valueOf(10_000));
        return wan.stripTrailingZeros().toPlainString() + "万元";
    }

    public Optional<Rule> rule(String id) {
        return java.util.stream.Stream.of(regular, directRecognition, directFinal).flatMap(List::stream)
                .filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<Dimension> dimension(String code) {
        return dimensions.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** Reads and checks the file from the class path. */
    public static RecognitionRules load(Classification classification) {
        try (InputStream in = RecognitionRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), classification);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses and checks a rules file: every problem is listed, each with the rule and the reason. */
    @SuppressWarnings("unchecked")
    public static RecognitionRules parse(String yaml, Classification classification) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
        if (!(loaded instanceof Map<?, ?>)) {
            throw new IllegalStateException(RESOURCE + " 有误：文件为空或不是键值结构");
        }
        Map<String, Object> root = (Map<String, Object>) loaded;
        List<String> problems = new ArrayList<>();
        List<Rule> regular = rules(root, "regular", true, classification, problems);
        List<Rule> direct = rules(root, "direct_recognition", true, classification, problems);
        List<Rule> fin = rules(root, "direct_final", false, classification, problems);
        Set<String> ids = new java.util.HashSet<>();
        for (Rule r : java.util.stream.Stream.of(regular, direct, fin).flatMap(List::stream).toList()) {
            if (!ids.add(r.id())) {
                problems.add("规则 " + r.id() + "：编号重复");
            }
        }
        Map<String, Object> special = root.get("special") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> nomination = root.get("nomination") instanceof Map<?, ?> m ? (Map<String, Object>) m
                : Map.of();
        List<Dimension> dims = new ArrayList<>();
        if (nomination.get("dimensions") instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> d = (Map<String, Object>) o;
                int points = d.get("points") instanceof Integer p ? p : 0;
                if (points <= 0) {
                    problems.add("举荐评分维度 " + d.get("code") + "：points 应为正整数");
                }
                dims.add(new Dimension(String.valueOf(d.get("code")), String.valueOf(d.get("name")), points));
            }
        }
        for (String required : List.of("SALARY", "PERFORMANCE", "MARKET")) {
            if (dims.stream().noneMatch(d -> d.code().equals(required))) {
                problems.add("nomination.dimensions：缺少必备维度 " + required + "（薪酬、业绩、市场）");
            }
        }
        RecognitionRules rules = new RecognitionRules(integer(root, "version", 0, problems),
                integer(root, "publicity_workdays", null, problems), integer(root, "validity_years", null, problems),
                List.copyOf(regular), List.copyOf(direct), List.copyOf(fin),
                integer(special, "quorum", null, problems), fraction(nomination, "quorum", problems),
                fraction(nomination, "agree", problems), List.copyOf(dims), classification);
        if (rules.directRecognition().size() != 10 || rules.directFinal().size() != 10) {
            problems.add("“10+10 直通车”：direct_recognition 与 direct_final 应各有10类，实际为"
                    + rules.directRecognition().size() + "类和" + rules.directFinal().size() + "类");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " 有误：" + String.join("；", problems));
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static List<Rule> rules(Map<String, Object> root, String key, boolean levelled, Classification c,
                                    List<String> problems) {
        if (!(root.get(key) instanceof List<?> list)) {
            problems.add(key + "：缺少规则列表");
            return List.of();
        }
        List<Rule> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?>)) {
                problems.add(key + "：第" + (out.size() + 1) + "条规则不是键值结构");
                continue;
            }
            Map<String, Object> r = (Map<String, Object>) o;
            String id = String.valueOf(r.get("id"));
            String level = r.get("level") == null ? null : String.valueOf(r.get("level"));
            if (levelled && (level == null || c.level(level).isEmpty())) {
                problems.add("规则 " + id + "：等级“" + level + "”不在人才分类目录中");
            }
            if (r.get("name") == null) {
                problems.add("规则 " + id + "：缺少 name");
            }
            List<Condition> conditions = new ArrayList<>();
            if (!(r.get("all") instanceof List<?> all) || all.isEmpty()) {
                problems.add("规则 " + id + "：缺少条件 all");
            } else {
                for (Object co : all) {
                    if (!(co instanceof Map<?, ?>)) {
                        problems.add("规则 " + id + "：条件“" + co + "”不是键值结构");
                        continue;
                    }
                    conditions.add(condition(id, (Map<String, Object>) co, c, problems));
                }
            }
            out.add(new Rule(id, level, String.valueOf(r.get("name")), List.copyOf(conditions)));
        }
        return out;
    }

    private static Condition condition(String rule, Map<String, Object> m, Classification c, List<String> problems) {
        if (m.size() != 1) {
            problems.add("规则 " + rule + "：每个条件只能有一个键，实际为 " + m.keySet());
            return new Condition("key_field", List.of(), null);
        }
        String kind = m.keySet().iterator().next();
        Object value = m.get(kind);
        if (!KINDS.contains(kind)) {
            problems.add("规则 " + rule + "：未知条件“" + kind + "”");
            return new Condition("key_field", List.of(), null);
        }
        switch (kind) {
            case "years_at_least", "age_at_most" -> {
                if (!(value instanceof Integer n) || n < 0) {
                    problems.add("规则 " + rule + "：" + kind + " 应为非负整数，实际为 " + value);
                    return new Condition(kind, List.of(), 0);
                }
                return new Condition(kind, List.of(), n);
            }
            case "key_field" -> {
                if (!Boolean.TRUE.equals(value)) {
                    problems.add("规则 " + rule + "：key_field 只能为 true");
                }
                return new Condition(kind, List.of(), null);
            }
            case "salary_band_at_least" -> {
                String code = String.valueOf(value);
                if (c.salaryBands().stream().noneMatch(b -> b.code().equals(code))) {
                    problems.add("规则 " + rule + "：薪酬档次“" + code + "”不在人才分类目录中");
                }
                return new Condition(kind, List.of(code), null);
            }
            default -> {
                if (!(value instanceof List<?> l) || l.isEmpty()) {
                    problems.add("规则 " + rule + "：" + kind + " 应为代码列表");
                    return new Condition(kind, List.of(), null);
                }
                List<String> codes = l.stream().map(String::valueOf).toList();
                Set<String> known = switch (kind) {
                    case "title_in" -> c.titles().keySet();
                    case "award_in" -> c.awards().keySet();
                    case "programme_in" -> c.programmes().keySet();
                    case "education_in" -> c.education().keySet();
                    case "category_in" -> c.categories().keySet();
                    default -> c.fields().stream().map(Classification.Field::code).collect(Collectors.toSet());
                };
                for (String code : codes) {
                    if (!known.contains(code)) {
                        problems.add("规则 " + rule + "：" + kind + " 的代码“" + code + "”不在人才分类目录中");
                    }
                }
                return new Condition(kind, codes, null);
            }
        }
    }

    private static Integer integer(Map<String, Object> m, String key, Integer fallback, List<String> problems) {
        Object v = m.get(key);
        if (v instanceof Integer i && i > 0) {
            return i;
        }
        if (fallback != null) {
            return fallback;
        }
        problems.add(key + "：应为正整数，实际为 " + v);
        return 1;
    }

    private static Fraction fraction(Map<String, Object> m, String key, List<String> problems) {
        String v = String.valueOf(m.get(key));
        String[] parts = v.split("/");
        try {
            Fraction f = new Fraction(Integer.parseInt(parts[0].strip()),
                    parts.length == 2 ? Integer.parseInt(parts[1].strip()) : 1);
            if (parts.length > 2 || f.denominator() <= 0 || f.numerator() <= 0 || f.numerator() > f.denominator()) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException e) {
            problems.add("nomination." + key + "：应为分数（如 2/3），实际为 " + v);
            return new Fraction(1, 1);
        }
    }

    /** For pages: level codes with names. */
    public Map<String, String> levelNames() {
        Map<String, String> out = new LinkedHashMap<>();
        classification.levels().forEach(l -> out.put(l.code(), l.label()));
        return out;
    }
}

package cn.zugong.talent.internal.grants;

import cn.zugong.talent.internal.Classification;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The 码上秒享 benefit rules of {@code talent/benefits.yaml}, checked when read: every problem names the rule and
 * the reason, and a broken file stops the start (ADR 060).
 */
public record BenefitRules(int version, List<Rule> rules) {

    public static final String RESOURCE = "talent/benefits.yaml";

    public enum Kind {
        ONCE("一次性"), MONTHLY("按月");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Paid in the city in at least {@code months} of the last {@code ofLast} months (the run's month included). */
    public record Social(int months, int ofLast) {
    }

    public record Rule(String code, String name, Kind kind, Map<String, BigDecimal> levels, BigDecimal directoryFactor,
                       BigDecimal cap, boolean capByRent, Integer withinMonthsOfArrival,
                       boolean housePurchaseAfterArrival, boolean renting, boolean employed, Social social,
                       YearMonth effectiveFrom, YearMonth effectiveUntil) {

        /** "A 类 3000000；B 类 1500000 …" in level order. */
        public String levelText() {
            return String.join("；", new java.util.TreeMap<>(levels).entrySet().stream()
                    .map(e -> e.getKey() + " 类 " + e.getValue().toPlainString()).toList());
        }

        public boolean appliesIn(YearMonth month) {
            return (effectiveFrom == null || !month.isBefore(effectiveFrom))
                    && (effectiveUntil == null || !month.isAfter(effectiveUntil));
        }

        /** The entitlement key of a line: the code for a once-only rule, "CODE:yyyymm" for a monthly one. */
        public String key(int period) {
            return kind == Kind.ONCE ? code : code + ":" + period;
        }
    }

    private static final Set<String> RULE_KEYS = Set.of("code", "name", "kind", "levels", "directory_factor", "cap",
            "cap_by_rent", "within_months_of_arrival", "requires", "effective_from", "effective_until");
    private static final Set<String> REQUIRE_KEYS = Set.of("house_purchase_after_arrival", "renting", "employed",
            "social_security");

    public Optional<Rule> rule(String code) {
        return rules.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        rules.forEach(r -> names.put(r.code(), r.name()));
        return names;
    }

    public static BenefitRules load(Classification classification) {
        try (InputStream in = BenefitRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), classification);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** The rules of {@code yaml}; an {@link IllegalStateException} listing every problem by rule and reason. */
    @SuppressWarnings("unchecked")
    static BenefitRules parse(String yaml, Classification classification) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
        List<String> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        if (!(loaded instanceof Map<?, ?> root) || !(root.get("rules") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " 有误：缺少 rules 列表");
        }
        Set<String> seen = new java.util.HashSet<>();
        int index = 0;
        for (Object o : list) {
            index++;
            if (!(o instanceof Map<?, ?> m)) {
                problems.add("第 " + index + " 条规则：不是键值表");
                continue;
            }
            Map<String, Object> r = (Map<String, Object>) m;
            String code = r.get("code") instanceof String s && s.matches("[A-Z][A-Z0-9_]{1,29}") ? s : null;
            String where = "规则 " + (code == null ? "第 " + index + " 条" : code) + "：";
            int before = problems.size();
            if (code == null) {
                problems.add(where + "code 须为 2–30 位大写字母、数字或下划线");
            } else if (!seen.add(code)) {
                problems.add(where + "code 重复");
            }
            for (String k : r.keySet()) {
                if (!RULE_KEYS.contains(k)) {
                    problems.add(where + "未知的键 " + k);
                }
            }
            String name = r.get("name") instanceof String s && !s.isBlank() ? s : null;
            if (name == null) {
                problems.add(where + "缺少 name");
            }
            Kind kind = null;
            try {
                kind = Kind.valueOf(String.valueOf(r.get("kind")));
            } catch (IllegalArgumentException e) {
                problems.add(where + "kind 须为 ONCE 或 MONTHLY");
            }
            Map<String, BigDecimal> levels = new LinkedHashMap<>();
            if (!(r.get("levels") instanceof Map<?, ?> lv) || lv.isEmpty()) {
                problems.add(where + "缺少 levels（等级 → 金额）");
            } else {
                lv.forEach((k, v) -> {
                    String level = String.valueOf(k);
                    if (classification.level(level).isEmpty()) {
                        problems.add(where + "等级 " + level + " 不在人才分类目录中");
                    }
                    BigDecimal amount = number(v);
                    if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
                        problems.add(where + "等级 " + level + " 的金额须为正数（至多两位小数）：" + v);
                    } else {
                        levels.put(level, amount);
                    }
                });
            }
            BigDecimal factor = r.containsKey("directory_factor") ? number(r.get("directory_factor")) : BigDecimal.ONE;
            if (factor == null || factor.compareTo(BigDecimal.ONE) < 0 || factor.compareTo(new BigDecimal("3")) > 0
                    || factor.scale() > 3) {
                problems.add(where + "directory_factor 须在 1 到 3 之间（至多三位小数）：" + r.get("directory_factor"));
            }
            BigDecimal cap = r.containsKey("cap") ? number(r.get("cap")) : null;
            if (r.containsKey("cap") && (cap == null || cap.signum() <= 0)) {
                problems.add(where + "cap 须为正数：" + r.get("cap"));
            }
            boolean capByRent = Boolean.TRUE.equals(r.get("cap_by_rent"));
            Integer within = null;
            if (r.containsKey("within_months_of_arrival")) {
                if (r.get("within_months_of_arrival") instanceof Integer w && w > 0 && w <= 600) {
                    within = w;
                } else {
                    problems.add(where + "within_months_of_arrival 须为 1–600 的整数");
                }
            }
            boolean house = false;
            boolean renting = false;
            boolean employed = false;
            Social social = null;
            if (r.get("requires") instanceof Map<?, ?> req) {
                for (Object k : req.keySet()) {
                    if (!REQUIRE_KEYS.contains(String.valueOf(k))) {
                        problems.add(where + "requires 中未知的条件 " + k);
                    }
                }
                house = Boolean.TRUE.equals(req.get("house_purchase_after_arrival"));
                renting = Boolean.TRUE.equals(req.get("renting"));
                employed = Boolean.TRUE.equals(req.get("employed"));
                if (req.get("social_security") instanceof Map<?, ?> ss) {
                    if (ss.get("months") instanceof Integer mo && ss.get("of_last") instanceof Integer of && mo >= 1
                            && of >= mo && of <= 60) {
                        social = new Social(mo, of);
                    } else {
                        problems.add(where + "social_security 须为 {months: m, of_last: n}，1 ≤ m ≤ n ≤ 60");
                    }
                } else if (req.containsKey("social_security")) {
                    problems.add(where + "social_security 须为 {months: m, of_last: n}");
                }
            } else if (r.containsKey("requires")) {
                problems.add(where + "requires 须为条件表");
            }
            if (capByRent && !renting) {
                problems.add(where + "cap_by_rent 只能用于要求租房（requires.renting）的规则");
            }
            if (capByRent && kind != Kind.MONTHLY) {
                problems.add(where + "cap_by_rent 只能用于按月发放的规则");
            }
            if (kind == Kind.ONCE && renting) {
                problems.add(where + "一次性规则不能以租房为条件（租房按月核定）");
            }
            YearMonth from = month(r, "effective_from", where, problems);
            YearMonth until = month(r, "effective_until", where, problems);
            if (from != null && until != null && until.isBefore(from)) {
                problems.add(where + "effective_until 早于 effective_from");
            }
            if (problems.size() == before) {
                rules.add(new Rule(code, name, kind, Map.copyOf(levels), factor, cap, capByRent, within, house,
                        renting, employed, social, from, until));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " 有误：" + String.join("；", problems));
        }
        return new BenefitRules(root.get("version") instanceof Integer v ? v : 0, List.copyOf(rules));
    }

    private static YearMonth month(Map<String, Object> r, String key, String where, List<String> problems) {
        if (!r.containsKey(key)) {
            return null;
        }
        try {
            return YearMonth.parse(String.valueOf(r.get(key)));
        } catch (DateTimeParseException e) {
            problems.add(where + key + " 须为 yyyy-MM：" + r.get(key));
            return null;
        }
    }

    private static BigDecimal number(Object v) {
        if (v instanceof Number || v instanceof String) {
            try {
                return new BigDecimal(String.valueOf(v));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}

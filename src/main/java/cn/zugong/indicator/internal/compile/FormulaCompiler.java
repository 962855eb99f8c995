package cn.zugong.indicator.internal.compile;

import cn.zugong.indicator.RetirementLaw;
import cn.zugong.indicator.internal.compile.FactTable.Field;
import cn.zugong.indicator.internal.compile.FactTable.Type;
import cn.zugong.indicator.internal.formula.Ast.*;
import cn.zugong.indicator.internal.formula.FormulaException;
import cn.zugong.indicator.internal.formula.Parser;
import cn.zugong.indicator.internal.formula.Pos;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Type-checks a formula against the declared fact tables and compiles it to SQL aggregates. Every
 * error names the position; the pack loader adds the indicator code. Rules (ADR 007):
 * <ul>
 * <li>count and sum are additive; they may be added, subtracted and scaled by constants;</li>
 * <li>a ratio is additive / additive-head-count, at the outermost level only (so roll-ups add
 *     numerators and denominators); avg(x) is sum(x) / count(x is not null);</li>
 * <li>age, years_since, years_until compare with constants only and become date bounds computed in
 *     Java from the evaluation date (exact anniversaries: age(d) &gt;= 35 from the 35th birthday); summed or
 *     averaged they are whole years (周岁: the years completed on the evaluation date);</li>
 * <li>year(d) compares with a year (a number or eval_year ± n) and becomes a bound on 1 January;</li>
 * <li>positive(x) is max(0, x) per unit, the whole numerator only (roll-ups add the units' positive parts);</li>
 * <li>has(table where c) tests that the person has such a fact row (not has(...): an anti-join).</li>
 * </ul>
 */
public final class FormulaCompiler {

    /** Days per year, kept for callers that convert day counts (sums of ages are whole years now). */
    public static final double DAYS_PER_YEAR = 365.25;

    /** Shorter generated SQL is a cheaper test: null checks, then comparisons, then in-lists and nesting. */
    private static final java.util.Comparator<String> CHEAPEST_FIRST = java.util.Comparator.comparingInt(String::length);

    private final Set<AsOfParam> params = new LinkedHashSet<>();
    /** The has() tests of the aggregate being compiled. */
    private final List<HasTest> hasTests = new ArrayList<>();

    private FormulaCompiler() {
    }

    public static CompiledFormula compile(String formula) {
        FormulaCompiler c = new FormulaCompiler();
        Expr e = Parser.parse(formula);
        Value v = c.value(e);
        if (v.constant != null) {
            throw new FormulaException(e.pos(), "公式至少要有一个 count、sum 或 avg");
        }
        return new CompiledFormula(v.numerator, v.denominator, Set.copyOf(c.params));
    }

    /**
     * The formula with the node's 在职人数 (count of person) as denominator, for an indicator shown per 100
     * staff at some level (ADR 053): the numerator stays the count, so roll-ups still add counts and staff.
     */
    public static CompiledFormula perHundredStaff(CompiledFormula f) {
        return new CompiledFormula(f.numerator(), Linear.of(AggregateSql.count(FactTable.PERSON, null), 1, true),
                f.params());
    }

    /** A unit-level value: a constant, an additive quantity, or a ratio. */
    private record Value(BigDecimal constant, Linear numerator, Linear denominator) {
        static Value constant(BigDecimal k) {
            return new Value(k, null, null);
        }

        boolean additive() {
            return constant == null && denominator == null;
        }
    }

    private Value value(Expr e) {
        if (e instanceof Num n) {
            return Value.constant(n.value());
        }
        if (e instanceof Negate n) {
            Value v = value(n.operand());
            if (v.constant != null) {
                return Value.constant(v.constant.negate());
            }
            requireAdditive(v, n.pos(), "取负");
            requireLinear(v, n.pos());
            return new Value(null, v.numerator.times(-1), null);
        }
        if (e instanceof Binary b) {
            return binary(b);
        }
        if (e instanceof Aggregate a) {
            return aggregate(a);
        }
        if (e instanceof Positive p) {
            Value v = value(p.operand());
            if (!v.additive() || v.numerator.positive()) {
                throw new FormulaException(p.pos(), "positive(...) 里必须是 count、sum 及其加减（如 count() - authorized_headcount）");
            }
            return new Value(null, v.numerator.positivePart(), null);
        }
        return unitFact((UnitFact) e);
    }

    private Value binary(Binary b) {
        Value l = value(b.left());
        Value r = value(b.right());
        if (l.constant != null && r.constant != null) {
            return Value.constant(switch (b.op()) {
                case '+' -> l.constant.add(r.constant);
                case '-' -> l.constant.subtract(r.constant);
                case '*' -> l.constant.multiply(r.constant);
                default -> throw new FormulaException(b.pos(), "常数之间不能相除（除数必须是计数）");
            });
        }
        switch (b.op()) {
            case '+', '-' -> {
                if (!l.additive() || !r.additive()) {
                    throw new FormulaException(b.pos(), "'" + b.op() + "' 两边必须都是 count 或 sum（比值、avg 和常数不能相加减）");
                }
                requireLinear(l, b.pos());
                requireLinear(r, b.pos());
                return new Value(null, l.numerator.plus(r.numerator, b.op() == '+' ? 1 : -1), null);
            }
            case '*' -> {
                if ((l.additive() && l.numerator.positive()) || (r.additive() && r.numerator.positive())) {
                    requireLinear(l.additive() ? l : r, b.pos());
                }
                if (l.constant != null && r.additive()) {
                    return new Value(null, r.numerator.times(l.constant.doubleValue()), null);
                }
                if (r.constant != null && l.additive()) {
                    return new Value(null, l.numerator.times(r.constant.doubleValue()), null);
                }
                throw new FormulaException(b.pos(), "'*' 只能用常数乘 count 或 sum");
            }
            default -> {
                if (!r.additive() || !r.numerator.count() || r.numerator.positive()) {
                    throw new FormulaException(b.right().pos(), "除数必须是计数（count，或编制数、职数之和），不能是"
                            + describe(r));
                }
                if (!l.additive()) {
                    throw new FormulaException(b.left().pos(), "被除数必须是 count 或 sum，不能是" + describe(l));
                }
                return new Value(null, l.numerator, r.numerator);
            }
        }
    }

    private static String describe(Value v) {
        if (v.constant != null) {
            return "常数";
        }
        if (v.denominator != null) {
            return "比值或 avg";
        }
        return "非计数的求和（如 sum 学时）";
    }

    /** positive(...) is taken per unit, so it can only be the whole numerator, never a term of a sum. */
    private static void requireLinear(Value v, Pos pos) {
        if (v.numerator != null && v.numerator.positive()) {
            throw new FormulaException(pos, "positive(...) 只能作为整个分子（按单位取正后再汇总），不能再参与加减乘");
        }
    }

    private static void requireAdditive(Value v, Pos pos, String what) {
        if (!v.additive()) {
            throw new FormulaException(pos, what + "只能用于 count 或 sum");
        }
    }

    private Value unitFact(UnitFact u) {
        FactTable table = u.field().table() == null ? FactTable.UNIT : table(u.field().table(), u.pos());
        if (table != FactTable.UNIT) {
            throw new FormulaException(u.pos(), "聚合函数之外只能直接引用单位字段（如 authorized_headcount），"
                    + u.field().display() + " 请写在 count/sum/avg 中");
        }
        Field f = field(table, u.field());
        if (f.type() != Type.NUMBER) {
            throw new FormulaException(u.pos(), "字段 " + f.name() + " 不是数值，不能参与计算");
        }
        return new Value(null, Linear.of(AggregateSql.sum(table, table.sql(f), null), 1, f.count()), null);
    }

    private Value aggregate(Aggregate a) {
        FactTable table = a.table() != null ? table(a.table(), a.pos())
                : a.value() instanceof FieldRef f && f.table() != null ? table(f.table(), f.pos())
                : a.value() instanceof Call c && c.argument().table() != null ? table(c.argument().table(), c.pos())
                : FactTable.PERSON;
        hasTests.clear();
        String cond = a.where() == null ? null : cond(table, a.where());
        List<HasTest> has = List.copyOf(hasTests);
        if (a.kind() == AggKind.COUNT) {
            return new Value(null, Linear.of(AggregateSql.count(table, cond, has), 1, true), null);
        }
        RowValue v = rowValue(table, a.value());
        Linear numerator = Linear.of(AggregateSql.sum(table, v.sql, cond, has), v.scale, v.count);
        if (a.kind() == AggKind.SUM) {
            return new Value(null, numerator, null);
        }
        String present = v.notNull + (cond == null ? "" : " and " + cond);
        Linear denominator = Linear.of(AggregateSql.count(table, present, has), 1, true);
        return new Value(null, numerator, denominator);
    }

    /** A numeric row value for sum/avg: SQL, the factor to its unit (days → years), its not-null test. */
    private record RowValue(String sql, double scale, boolean count, String notNull) {
    }

    private RowValue rowValue(FactTable table, Operand o) {
        if (o instanceof FieldRef f) {
            Field field = field(table, f);
            if (field.type() != Type.NUMBER) {
                throw new FormulaException(f.pos(), "sum/avg 的对象必须是数值，字段 " + f.display() + " 是"
                        + typeName(field.type()));
            }
            String col = table.sql(field);
            return new RowValue(col, 1, field.count(), col + " is not null");
        }
        if (o instanceof Call c) {
            if (c.function().equals("year")) {
                throw new FormulaException(c.pos(), "year() 只能与年份比较，不能求和或平均");
            }
            Field d = dateArgument(table, c);
            String col = table.sql(d);
            return new RowValue(wholeYears(col, c.function().equals("years_until")), 1, false, col + " is not null");
        }
        throw new FormulaException(o.pos(), "sum/avg 的对象必须是数值字段或 age/years_since/years_until");
    }

    /**
     * Whole years (周岁) between the evaluation date and a date column, in SQL every database runs: the
     * difference of the years, less one while the anniversary (month and day) is not yet reached. Born
     * 1990-11-02, evaluated 2026-11-01: 36 − 1 = 35; evaluated 2026-11-02: 36. A 29 February birthday is
     * reached on 1 March in other years, as Java's Period counts it. years_since of a date after the
     * evaluation date is 0 (nothing completed yet).
     */
    private String wholeYears(String col, boolean until) {
        AsOfParam year = new AsOfParam.Year(0);
        AsOfParam md = new AsOfParam.MonthDay();
        params.add(year);
        params.add(md);
        String colMd = "extract(month from " + col + ") * 100 + extract(day from " + col + ")";
        return until
                ? "cast(extract(year from " + col + ") - :" + year.name() + " - case when " + colMd + " < :" + md.name()
                        + " then 1 else 0 end as integer)"
                // a date after the evaluation date has no whole year completed yet: 0, not −1 (issue 15)
                : "greatest(0, cast(:" + year.name() + " - extract(year from " + col + ") - case when " + colMd + " > :"
                        + md.name() + " then 1 else 0 end as integer))";
    }

    private String cond(FactTable table, Cond c) {
        // cheapest tests first: "and"/"or" stop early, and a scan evaluates these for every row
        if (c instanceof And a) {
            return a.parts().stream().map(p -> cond(table, p)).sorted(CHEAPEST_FIRST)
                    .collect(Collectors.joining(" and ", "(", ")"));
        }
        if (c instanceof Or o) {
            return o.parts().stream().map(p -> cond(table, p)).sorted(CHEAPEST_FIRST)
                    .collect(Collectors.joining(" or ", "(", ")"));
        }
        if (c instanceof Not n) {
            return "not (" + cond(table, n.operand()) + ")";
        }
        if (c instanceof In in) {
            return in(table, in);
        }
        if (c instanceof Compare cmp) {
            return compare(table, cmp);
        }
        if (c instanceof Has h) {
            return has(table, h);
        }
        IsNull n = (IsNull) c;
        if (!(n.operand() instanceof FieldRef f)) {
            throw new FormulaException(n.pos(), "is null 只能用于字段");
        }
        Field field = field(table, f);
        if (field.isVirtual()) {
            throw new FormulaException(f.pos(), f.name() + " 由出生日期计算，总有值");
        }
        return table.sql(field) + (n.negated() ? " is not null" : " is null");
    }

    /** has(fact where c) inside a person aggregate: exists (…) on that fact table for the row's person. */
    private String has(FactTable table, Has h) {
        if (table != FactTable.PERSON) {
            throw new FormulaException(h.pos(), "has(...) 只能用在 person 的 count/sum/avg 条件中");
        }
        FactTable fact = table(h.table(), h.pos());
        if (!fact.isPersonFact()) {
            throw new FormulaException(h.pos(), "has(...) 只能检查 assessment、training 或 record");
        }
        HasTest test = new HasTest(fact, h.where() == null ? null : cond(fact, h.where()));
        hasTests.add(test);
        return test.exists();
    }

    private String in(FactTable table, In in) {
        if (!(in.operand() instanceof FieldRef f)) {
            throw new FormulaException(in.pos(), "in [...] 左边必须是字段");
        }
        Field field = field(table, f);
        List<String> values = new ArrayList<>();
        for (Literal l : in.values()) {
            values.add(literal(field, l));
        }
        return table.sql(field) + (in.negated() ? " not in (" : " in (") + String.join(", ", values) + ")";
    }

    private String compare(FactTable table, Compare c) {
        String op = c.op().equals("!=") ? "<>" : c.op();
        if (c.left() instanceof Call call && call.function().equals("year")) {
            return yearCompare(table, call, c.op(), c.right());
        }
        if (c.right() instanceof Call call && call.function().equals("year")) {
            return yearCompare(table, call, flip(c.op()), c.left());
        }
        if (c.left() instanceof Call call) {
            return dateCompare(table, call, c.op(), years(c.right()));
        }
        if (c.right() instanceof Call call) {
            return dateCompare(table, call, flip(c.op()), years(c.left()));
        }
        if (c.left() instanceof FieldRef f) {
            return fieldCompare(table, f, op, c.right());
        }
        if (c.right() instanceof FieldRef f) {
            return fieldCompare(table, f, flip(op), c.left());
        }
        throw new FormulaException(c.pos(), "比较的一边必须是字段或 age/years_since/years_until");
    }

    /**
     * year(d) op Y ⇔ a bound on 1 January: year(d) &lt; Y ⇔ d &lt; Y-01-01, year(d) &lt;= Y ⇔ d &lt; (Y+1)-01-01,
     * = Y ⇔ both bounds. Y is a constant year or eval_year ± n (then a bound parameter).
     */
    private String yearCompare(FactTable table, Call call, String op, Operand year) {
        Field d = dateArgument(table, call);
        if (d.isVirtual()) {
            throw new FormulaException(call.pos(), "retirement_date 只能用 years_until");
        }
        if (year instanceof FieldRef || year instanceof Call) {
            throw new FormulaException(year.pos(), "year() 只能与年份常量或 eval_year ± n 比较");
        }
        String col = table.sql(d);
        String start = yearStart(year, 0);
        String next = yearStart(year, 1);
        return switch (op) {
            case "<" -> col + " < " + start;
            case "<=" -> col + " < " + next;
            case ">" -> col + " >= " + next;
            case ">=" -> col + " >= " + start;
            case "=" -> "(" + col + " >= " + start + " and " + col + " < " + next + ")";
            default -> "(" + col + " < " + start + " or " + col + " >= " + next + ")";
        };
    }

    /** 1 January of the year (plus {@code plus} years) as SQL: a literal date, or a parameter for eval_year. */
    private String yearStart(Operand year, int plus) {
        if (mentionsEvalYear(year)) {
            AsOfParam p = new AsOfParam.YearStart(yearOffset(year) + plus);
            params.add(p);
            return ":" + p.name();
        }
        int y = number(year).intValueExact() + plus;
        return "date '" + String.format("%04d", y) + "-01-01'";
    }

    private String fieldCompare(FactTable table, FieldRef f, String op, Operand other) {
        Field field = field(table, f);
        if (other instanceof FieldRef || other instanceof Call) {
            throw new FormulaException(other.pos(), "字段只能与常数比较");
        }
        if (field.type() == Type.DATE) {
            throw new FormulaException(f.pos(), "日期字段 " + f.display()
                    + " 请用 age/years_since/years_until 与年数比较，或用 is null");
        }
        if (field.type() == Type.STRING && !(op.equals("=") || op.equals("<>"))) {
            throw new FormulaException(f.pos(), "文本字段 " + f.display() + " 只能用 = != in 比较");
        }
        String value = field.type() == Type.STRING ? literal(field, other) : numberSql(other);
        return table.sql(field) + " " + op + " " + value;
    }

    private String literal(Field field, Operand o) {
        if (field.type() == Type.NUMBER) {
            return number(o).toPlainString();
        }
        if (o instanceof Literal l && l.value() instanceof BigDecimal) {
            throw new FormulaException(o.pos(), "字段 " + field.name() + " 是文本，应与带引号的文本比较");
        }
        if (!(o instanceof Literal l) || !(l.value() instanceof String s)) {
            throw new FormulaException(o.pos(), "字段 " + field.name() + " 是文本，应与带引号的文本比较");
        }
        if (!field.vocabulary().isEmpty() && !field.vocabulary().contains(s)) {
            throw new FormulaException(o.pos(), "字段 " + field.name() + " 没有取值 '" + s + "'，可选："
                    + String.join("、", field.vocabulary()));
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /** A numeric constant, or eval_year ± n as a bound parameter. */
    private String numberSql(Operand o) {
        if (mentionsEvalYear(o)) {
            AsOfParam p = new AsOfParam.Year(yearOffset(o));
            params.add(p);
            return ":" + p.name();
        }
        return number(o).toPlainString();
    }

    private static boolean mentionsEvalYear(Operand o) {
        return o instanceof Constant || (o instanceof ConstArith a && (mentionsEvalYear(a.left())
                || mentionsEvalYear(a.right())));
    }

    private static int yearOffset(Operand o) {
        if (o instanceof Constant) {
            return 0;
        }
        if (o instanceof ConstArith a && mentionsEvalYear(a.left()) && !mentionsEvalYear(a.right())) {
            return yearOffset(a.left()) + (a.op() == '+' ? 1 : -1) * number(a.right()).intValueExact();
        }
        if (o instanceof ConstArith a && a.op() == '+' && !mentionsEvalYear(a.left())) {
            return number(a.left()).intValueExact() + yearOffset(a.right());
        }
        throw new FormulaException(o.pos(), "eval_year 只能写成 eval_year、eval_year - n 或 eval_year + n");
    }

    private static BigDecimal number(Operand o) {
        if (o instanceof Literal l && l.value() instanceof BigDecimal n) {
            return n;
        }
        if (o instanceof ConstArith a) {
            BigDecimal l = number(a.left());
            BigDecimal r = number(a.right());
            return a.op() == '+' ? l.add(r) : l.subtract(r);
        }
        throw new FormulaException(o.pos(), "此处应为数值常量");
    }

    /** Years compared with age() etc.: a constant number of years, in whole months. */
    private static int years(Operand o) {
        if (!(o instanceof Literal l) || !(l.value() instanceof BigDecimal n)) {
            throw new FormulaException(o.pos(), "age/years_since/years_until 只能与年数常量比较");
        }
        return n.multiply(BigDecimal.valueOf(12)).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    /**
     * age(d) op N ⇔ d op' (asOf − N years) with op reversed (older = earlier date); years_until(d) op N ⇔
     * d op (asOf + N years); years_until(retirement_date) op N ⇔ birth-date bounds per gender.
     */
    private String dateCompare(FactTable table, Call call, String op, int months) {
        Field d = dateArgument(table, call);
        String sqlOp = op.equals("!=") ? "<>" : op;
        if (d.isVirtual()) {
            if (!call.function().equals("years_until")) {
                throw new FormulaException(call.pos(), "retirement_date 只能用 years_until");
            }
            return retirementCompare(op, months, call.pos());
        }
        String col = table.sql(d);
        if (call.function().equals("years_until")) {
            AsOfParam p = new AsOfParam.Shift(months);
            params.add(p);
            return col + " " + sqlOp + " :" + p.name();
        }
        AsOfParam p = new AsOfParam.Shift(-months);
        params.add(p);
        return col + " " + flip(sqlOp) + " :" + p.name();
    }

    /**
     * Per retirement group (RetirementLaw: men; women 县处级 cadres by post or rank, at 60; other women
     * cadres), a birth-date bound. The post and rank tests use coalesce so that a person without a post
     * or rank falls in exactly one group (a null in "not in" would drop her from both). A woman born before
     * (or from) both women's bounds is settled by the date alone: the post and rank lists, the costly part
     * of the test in a scan of a million rows, are compared only for women born between the two bounds.
     */
    private String retirementCompare(String op, int months, Pos pos) {
        boolean strictlyAfter = switch (op) {
            case "<", ">=" -> false;
            case "<=", ">" -> true;
            default -> throw new FormulaException(pos, "years_until(retirement_date) 只能用 < <= > >= 比较");
        };
        boolean before = op.startsWith("<");
        String birthOp = before ? "<" : ">=";
        AsOfParam man = bound(RetirementLaw.Group.MAN, months, strictlyAfter);
        AsOfParam senior = bound(RetirementLaw.Group.WOMAN_SENIOR_CADRE, months, strictlyAfter);
        AsOfParam other = bound(RetirementLaw.Group.WOMAN_CADRE, months, strictlyAfter);
        AsOfParam earlier = new AsOfParam.WomenRetirementBound(months, strictlyAfter, false);
        AsOfParam later = new AsOfParam.WomenRetirementBound(months, strictlyAfter, true);
        params.add(earlier);
        params.add(later);
        // "<": born before both bounds is true for either group, from the later one false; ">=" the reverse
        AsOfParam settles = before ? earlier : later;
        AsOfParam possible = before ? later : earlier;
        String byGroup = "(p.birth_date " + birthOp + " :" + senior.name() + " and " + SENIOR_CADRE + ") or (p.birth_date "
                + birthOp + " :" + other.name() + " and not " + SENIOR_CADRE + ")";
        return "((p.birth_date " + birthOp + " :" + man.name() + " and p.gender = '男') or (p.gender = '女' and (p.birth_date "
                + birthOp + " :" + settles.name() + " or (p.birth_date " + birthOp + " :" + possible.name() + " and ("
                + byGroup + ")))))";
    }

    private AsOfParam bound(RetirementLaw.Group group, int months, boolean strictlyAfter) {
        AsOfParam p = new AsOfParam.RetirementBound(group, months, strictlyAfter);
        params.add(p);
        return p;
    }

    /** Whether a person is ranked 县处级 or above by post or rank (RetirementLaw's women's group), never null. */
    private static final String SENIOR_CADRE = "(coalesce(p.post_level, '') in (" + quoted(RetirementLaw.COUNTY_LEVEL_POSTS)
            + ") or coalesce(p.rank_level, '') in (" + quoted(RetirementLaw.COUNTY_LEVEL_RANKS) + "))";

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    private Field dateArgument(FactTable table, Call c) {
        Field d = field(table, c.argument());
        if (d.type() != Type.DATE) {
            throw new FormulaException(c.argument().pos(), c.function() + "() 的参数必须是日期字段，"
                    + c.argument().display() + " 是" + typeName(d.type()));
        }
        if (d.isVirtual() && !c.function().equals("years_until")) {
            throw new FormulaException(c.pos(), "retirement_date 只能用 years_until");
        }
        return d;
    }

    private static FactTable table(String name, Pos pos) {
        return FactTable.byFormulaName(name).orElseThrow(() -> new FormulaException(pos, "未知数据表 " + name
                + "（可用 person、assessment、training、record、unit、quota）"));
    }

    private static Field field(FactTable table, FieldRef f) {
        FactTable t = table;
        if (f.table() != null) {
            FactTable named = table(f.table(), f.pos());
            if (named != table && !(named == FactTable.PERSON && table.field(f.name()).isPresent())) {
                throw new FormulaException(f.pos(), "在 " + table.formulaName() + " 的聚合中不能引用 " + f.display());
            }
            t = named == FactTable.PERSON ? table : named;
        }
        return t.field(f.name()).orElseThrow(() -> new FormulaException(f.pos(), "未知字段 " + f.display()
                + "（" + table.formulaName() + " 可用：" + String.join("、", table.fieldNames()) + "）"));
    }

    private static String typeName(Type t) {
        return switch (t) {
            case STRING -> "文本";
            case NUMBER -> "数值";
            case DATE -> "日期";
        };
    }
}

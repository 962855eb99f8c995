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
 *     Java from the evaluation date (exact anniversaries: age(d) &gt;= 35 from the 35th birthday).</li>
 * </ul>
 */
public final class FormulaCompiler {

    /** Days per year for sums and averages of ages and years (days are what SQL subtracts portably). */
    public static final double DAYS_PER_YEAR = 365.25;

    /** Shorter generated SQL is a cheaper test: null checks, then comparisons, then in-lists and nesting. */
    private static final java.util.Comparator<String> CHEAPEST_FIRST = java.util.Comparator.comparingInt(String::length);

    private final Set<AsOfParam> params = new LinkedHashSet<>();

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
            return new Value(null, v.numerator.times(-1), null);
        }
        if (e instanceof Binary b) {
            return binary(b);
        }
        if (e instanceof Aggregate a) {
            return aggregate(a);
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
                return new Value(null, l.numerator.plus(r.numerator, b.op() == '+' ? 1 : -1), null);
            }
            case '*' -> {
                if (l.constant != null && r.additive()) {
                    return new Value(null, r.numerator.times(l.constant.doubleValue()), null);
                }
                if (r.constant != null && l.additive()) {
                    return new Value(null, l.numerator.times(r.constant.doubleValue()), null);
                }
                throw new FormulaException(b.pos(), "'*' 只能用常数乘 count 或 sum");
            }
            default -> {
                if (!r.additive() || !r.numerator.count()) {
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
        String cond = a.where() == null ? null : cond(table, a.where());
        if (a.kind() == AggKind.COUNT) {
            return new Value(null, Linear.of(AggregateSql.count(table, cond), 1, true), null);
        }
        RowValue v = rowValue(table, a.value());
        Linear numerator = Linear.of(AggregateSql.sum(table, v.sql, cond), v.scale, v.count);
        if (a.kind() == AggKind.SUM) {
            return new Value(null, numerator, null);
        }
        String present = v.notNull + (cond == null ? "" : " and " + cond);
        Linear denominator = Linear.of(AggregateSql.count(table, present), 1, true);
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
            Field d = dateArgument(table, c);
            String col = table.sql(d);
            params.add(new AsOfParam.AsOf());
            String days = c.function().equals("years_until") ? "cast(" + col + " - cast(:asof as date) as integer)"
                    : "cast(cast(:asof as date) - " + col + " as integer)";
            return new RowValue(days, 1 / DAYS_PER_YEAR, false, col + " is not null");
        }
        throw new FormulaException(o.pos(), "sum/avg 的对象必须是数值字段或 age/years_since/years_until");
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

    private String retirementCompare(String op, int months, Pos pos) {
        boolean strictlyAfter = switch (op) {
            case "<", ">=" -> false;
            case "<=", ">" -> true;
            default -> throw new FormulaException(pos, "years_until(retirement_date) 只能用 < <= > >= 比较");
        };
        String birthOp = op.startsWith("<") ? "<" : ">=";
        List<String> parts = new ArrayList<>();
        for (RetirementLaw.Group g : List.of(RetirementLaw.Group.MAN, RetirementLaw.Group.WOMAN_CADRE)) {
            AsOfParam p = new AsOfParam.RetirementBound(g, months, strictlyAfter);
            params.add(p);
            parts.add("(p.gender = '" + (g == RetirementLaw.Group.MAN ? "男" : "女") + "' and p.birth_date "
                    + birthOp + " :" + p.name() + ")");
        }
        return "(" + String.join(" or ", parts) + ")";
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

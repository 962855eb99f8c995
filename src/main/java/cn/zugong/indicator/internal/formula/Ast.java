package cn.zugong.indicator.internal.formula;

import java.math.BigDecimal;
import java.util.List;

/** The syntax tree of a formula: unit-level arithmetic over aggregates, row-level conditions inside them. */
public final class Ast {

    private Ast() {
    }

    /** An expression at unit level: numbers, aggregates, unit facts and arithmetic. */
    public sealed interface Expr permits Num, Binary, Negate, Aggregate, UnitFact, Positive {
        Pos pos();
    }

    public record Num(BigDecimal value, Pos pos) implements Expr {
    }

    public record Binary(char op, Expr left, Expr right, Pos pos) implements Expr {
    }

    public record Negate(Expr operand, Pos pos) implements Expr {
    }

    public enum AggKind { COUNT, SUM, AVG }

    /** count([table] [where c]), sum(value [where c]), avg(value [where c]); table null = from the value or person. */
    public record Aggregate(AggKind kind, String table, Operand value, Cond where, Pos pos) implements Expr {
    }

    /**
     * positive(x): max(0, x) taken per unit, before roll-ups add the units (so an overstaffed unit's overage
     * is never netted against another unit's vacancy).
     */
    public record Positive(Expr operand, Pos pos) implements Expr {
    }

    /** A unit fact outside any aggregate, e.g. {@code authorized_headcount}. */
    public record UnitFact(FieldRef field, Pos pos) implements Expr {
    }

    /** A value at row level. */
    public sealed interface Operand permits FieldRef, Call, Literal, Constant, ConstArith {
        Pos pos();
    }

    /** {@code table} is null when unqualified. */
    public record FieldRef(String table, String name, Pos pos) implements Operand {
        public String display() {
            return table == null ? name : table + "." + name;
        }
    }

    /** age(d), years_since(d), years_until(d), year(d). */
    public record Call(String function, FieldRef argument, Pos pos) implements Operand {
    }

    /** A number (BigDecimal) or a string. */
    public record Literal(Object value, Pos pos) implements Operand {
    }

    /** eval_year: a value known when the evaluation runs. */
    public record Constant(String name, Pos pos) implements Operand {
    }

    /** Arithmetic on constants only, e.g. {@code eval_year - 1}. */
    public record ConstArith(char op, Operand left, Operand right, Pos pos) implements Operand {
    }

    public sealed interface Cond permits And, Or, Not, Compare, In, IsNull, Has {
        Pos pos();
    }

    public record And(List<Cond> parts, Pos pos) implements Cond {
    }

    public record Or(List<Cond> parts, Pos pos) implements Cond {
    }

    public record Not(Cond operand, Pos pos) implements Cond {
    }

    public record Compare(String op, Operand left, Operand right, Pos pos) implements Cond {
    }

    public record In(Operand operand, List<Literal> values, boolean negated, Pos pos) implements Cond {
    }

    public record IsNull(Operand operand, boolean negated, Pos pos) implements Cond {
    }

    /** has(table [where c]): the person has at least one row of that fact table meeting c (an existence test). */
    public record Has(String table, Cond where, Pos pos) implements Cond {
    }
}

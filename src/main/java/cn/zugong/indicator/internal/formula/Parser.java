package cn.zugong.indicator.internal.formula;

import cn.zugong.indicator.internal.formula.Ast.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the formula language (ADR 007). Grammar:
 * <pre>
 * formula   = sum EOF
 * sum       = product (("+" | "-") product)*
 * product   = unary (("*" | "/") unary)*
 * unary     = "-" unary | NUMBER | "(" sum ")" | "positive" "(" sum ")" | aggregate | field
 * aggregate = "count" "(" [table] ["where" cond] ")" | ("sum" | "avg") "(" operand ["where" cond] ")"
 * cond      = and ("or" and)* ; and = not ("and" not)* ; not = "not" not | "(" cond ")" | has | comparison
 * has       = "has" "(" table ["where" cond] ")"
 * comparison= operand (op operand | ["not"] "in" "[" literal ("," literal)* "]" | "is" ["not"] "null")
 * operand   = term (("+" | "-") term)* ; term = NUMBER | STRING | "eval_year" | fn "(" field ")" | field
 * field     = IDENT ["." IDENT]
 * </pre>
 */
public final class Parser {

    static final Set<String> ROW_FUNCTIONS = Set.of("age", "years_since", "years_until", "year");
    static final Set<String> CONSTANTS = Set.of("eval_year");
    private static final Set<String> COMPARE = Set.of("=", "!=", "<", "<=", ">", ">=");
    private static final Set<String> KEYWORDS = Set.of("where", "and", "or", "not", "in", "is", "null");

    private final List<Token> tokens;
    private int at;

    private Parser(String source) {
        this.tokens = Lexer.tokens(source);
    }

    public static Expr parse(String source) {
        Parser p = new Parser(source);
        Expr e = p.sum();
        if (p.peek().kind() != Token.Kind.EOF) {
            throw p.error("多余的内容 '" + p.peek().text() + "'");
        }
        return e;
    }

    private Expr sum() {
        Expr left = product();
        while (peek().is("+") || peek().is("-")) {
            Token op = next();
            left = new Binary(op.text().charAt(0), left, product(), op.pos());
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/")) {
            Token op = next();
            left = new Binary(op.text().charAt(0), left, unary(), op.pos());
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.is("-")) {
            next();
            return new Negate(unary(), t.pos());
        }
        if (t.kind() == Token.Kind.NUMBER) {
            next();
            return new Num(new BigDecimal(t.text()), t.pos());
        }
        if (t.is("(")) {
            next();
            Expr e = sum();
            expect(")");
            return e;
        }
        if (t.is("positive") && peekAt(1).is("(")) {
            next();
            next();
            Expr e = sum();
            expect(")");
            return new Positive(e, t.pos());
        }
        if (t.kind() == Token.Kind.IDENT && peekAt(1).is("(")) {
            return aggregate();
        }
        if (t.kind() == Token.Kind.IDENT && !KEYWORDS.contains(t.text())) {
            FieldRef f = field();
            return new UnitFact(f, f.pos());
        }
        throw error(t.kind() == Token.Kind.EOF ? "公式不完整" : "此处不能出现 '" + t.text() + "'");
    }

    private Aggregate aggregate() {
        Token name = next();
        AggKind kind = switch (name.text()) {
            case "count" -> AggKind.COUNT;
            case "sum" -> AggKind.SUM;
            case "avg" -> AggKind.AVG;
            default -> throw new FormulaException(name.pos(), "未知函数 " + name.text()
                    + "（公式最外层只能用 count、sum、avg）");
        };
        expect("(");
        String table = null;
        Operand value = null;
        if (kind == AggKind.COUNT) {
            if (peek().kind() == Token.Kind.IDENT && !KEYWORDS.contains(peek().text())) {
                table = next().text();
            }
        } else {
            value = operand();
        }
        Cond where = null;
        if (peek().is("where")) {
            next();
            where = cond();
        }
        expect(")");
        return new Aggregate(kind, table, value, where, name.pos());
    }

    private Cond cond() {
        Pos pos = peek().pos();
        List<Cond> parts = new ArrayList<>(List.of(and()));
        while (peek().is("or")) {
            next();
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Or(parts, pos);
    }

    private Cond and() {
        Pos pos = peek().pos();
        List<Cond> parts = new ArrayList<>(List.of(not()));
        while (peek().is("and")) {
            next();
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new And(parts, pos);
    }

    private Cond not() {
        Token t = peek();
        if (t.is("not")) {
            next();
            return new Not(not(), t.pos());
        }
        if (t.is("(")) {
            next();
            Cond c = cond();
            expect(")");
            return c;
        }
        if (t.is("has") && peekAt(1).is("(")) {
            next();
            next();
            Token table = next();
            if (table.kind() != Token.Kind.IDENT) {
                throw new FormulaException(table.pos(), "has( 后应为数据表名，如 has(assessment where year = eval_year - 1)");
            }
            Cond where = null;
            if (peek().is("where")) {
                next();
                where = cond();
            }
            expect(")");
            return new Has(table.text(), where, t.pos());
        }
        return comparison();
    }

    private Cond comparison() {
        Operand left = operand();
        Token t = peek();
        if (t.kind() == Token.Kind.SYMBOL && COMPARE.contains(t.text())) {
            next();
            return new Compare(t.text(), left, operand(), t.pos());
        }
        boolean negated = false;
        if (t.is("not") && peekAt(1).is("in")) {
            next();
            negated = true;
        }
        if (peek().is("in")) {
            Pos pos = next().pos();
            expect("[");
            List<Literal> values = new ArrayList<>();
            do {
                Token v = next();
                if (v.kind() == Token.Kind.STRING) {
                    values.add(new Literal(v.text(), v.pos()));
                } else if (v.kind() == Token.Kind.NUMBER) {
                    values.add(new Literal(new BigDecimal(v.text()), v.pos()));
                } else {
                    throw new FormulaException(v.pos(), "in [...] 中只能写字符串或数字常量");
                }
            } while (peek().is(",") && next() != null);
            expect("]");
            return new In(left, values, negated, pos);
        }
        if (t.is("is")) {
            next();
            boolean not = false;
            if (peek().is("not")) {
                next();
                not = true;
            }
            expect("null");
            return new IsNull(left, not, t.pos());
        }
        throw error("缺少比较运算符（= != < <= > >= in is null）");
    }

    private Operand operand() {
        Operand left = term();
        while (peek().is("+") || peek().is("-")) {
            Token op = next();
            left = new ConstArith(op.text().charAt(0), left, term(), op.pos());
        }
        return left;
    }

    private Operand term() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                return new Literal(new BigDecimal(t.text()), t.pos());
            }
            case STRING -> {
                next();
                return new Literal(t.text(), t.pos());
            }
            case IDENT -> {
                if (KEYWORDS.contains(t.text())) {
                    throw error("此处不能出现 '" + t.text() + "'");
                }
                if (CONSTANTS.contains(t.text())) {
                    next();
                    return new Constant(t.text(), t.pos());
                }
                if (peekAt(1).is("(")) {
                    next();
                    if (!ROW_FUNCTIONS.contains(t.text())) {
                        throw new FormulaException(t.pos(), "未知函数 " + t.text() + "（条件中可用 age、years_since、years_until、year）");
                    }
                    expect("(");
                    FieldRef arg = field();
                    expect(")");
                    return new Call(t.text(), arg, t.pos());
                }
                return field();
            }
            default -> throw error(t.kind() == Token.Kind.EOF ? "公式不完整" : "此处不能出现 '" + t.text() + "'");
        }
    }

    private FieldRef field() {
        Token first = next();
        if (first.kind() != Token.Kind.IDENT) {
            throw new FormulaException(first.pos(), "应为字段名，而不是 '" + first.text() + "'");
        }
        if (peek().is(".")) {
            next();
            Token second = next();
            if (second.kind() != Token.Kind.IDENT) {
                throw new FormulaException(second.pos(), "'.' 后应为字段名");
            }
            return new FieldRef(first.text(), second.text(), first.pos());
        }
        return new FieldRef(null, first.text(), first.pos());
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Token.Kind.EOF) {
            at++;
        }
        return t;
    }

    private void expect(String symbol) {
        Token t = peek();
        if (!t.is(symbol)) {
            throw error("应为 '" + symbol + "'" + (t.kind() == Token.Kind.EOF ? "，公式不完整" : "，而不是 '" + t.text() + "'"));
        }
        next();
    }

    private FormulaException error(String reason) {
        return new FormulaException(peek().pos(), reason);
    }
}

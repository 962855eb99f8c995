package cn.zugong.indicator.internal.formula;

/** A formula that cannot be parsed or type-checked; the pack loader adds the indicator code. */
public class FormulaException extends RuntimeException {

    private final transient Pos pos;
    private final String reason;

    public FormulaException(Pos pos, String reason) {
        super(pos + "：" + reason);
        this.pos = pos;
        this.reason = reason;
    }

    public Pos pos() {
        return pos;
    }

    public String reason() {
        return reason;
    }
}

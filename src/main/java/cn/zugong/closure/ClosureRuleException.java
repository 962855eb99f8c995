package cn.zugong.closure;

/** A step the workflow does not allow now (wrong status, missing reason…), with a Chinese message saying why. */
public class ClosureRuleException extends RuntimeException {
    public ClosureRuleException(String message) {
        super(message);
    }
}

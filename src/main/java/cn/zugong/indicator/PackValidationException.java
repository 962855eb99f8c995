package cn.zugong.indicator;

import java.util.List;

/**
 * A pack that does not load: every problem found, each naming the indicator code and, for formulas,
 * the line and column inside the formula.
 */
public class PackValidationException extends RuntimeException {

    private final List<String> errors;

    public PackValidationException(String source, List<String> errors) {
        super("指标包 " + source + " 有 " + errors.size() + " 处错误：\n" + String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}

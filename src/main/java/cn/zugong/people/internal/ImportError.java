package cn.zugong.people.internal;

/** One problem in an imported file: Excel row (1-based, as the user sees it), column letter and header. */
public record ImportError(int row, String column, String header, String value, String message) {

    /** Values are echoed at most this long: a hostile cell must not come back in full. */
    static final int MAX_VALUE_CHARS = 50;

    public ImportError {
        value = shorten(value);
    }

    /** The first {@link #MAX_VALUE_CHARS} characters and "…" when longer. */
    static String shorten(String value) {
        return value == null || value.length() <= MAX_VALUE_CHARS ? value
                : value.substring(0, MAX_VALUE_CHARS) + "…";
    }

    /** "第 5 行 F 列（身份证号）：身份证号校验位错误" */
    public String text() {
        return "第 " + row + " 行 " + column + " 列（" + header + "）：" + message;
    }
}

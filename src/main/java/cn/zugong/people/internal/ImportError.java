package cn.zugong.people.internal;

/** One problem in an imported file: Excel row (1-based, as the user sees it), column letter and header. */
public record ImportError(int row, String column, String header, String value, String message) {

    /** "第 5 行 F 列（身份证号）：身份证号校验位错误" */
    public String text() {
        return "第 " + row + " 行 " + column + " 列（" + header + "）：" + message;
    }
}

package cn.zugong.prosperity.internal.workshops;

/** An enterprise as a form or file names it: name and 统一社会信用代码 (already checked, upper case). */
record EnterpriseLine(String name, String creditCode) {
}

package cn.zugong.shared;

/** Masked display of personal identifiers: lists and pages never show them in full. */
public final class Masking {

    private Masking() {
    }

    /** 330902199001011234 → 3309**********1234 */
    public static String idNumber(String value) {
        return keep(value, 4, 4);
    }

    /** 13812345678 → 138****5678 */
    public static String phone(String value) {
        return keep(value, 3, 4);
    }

    private static String keep(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}

package cn.zugong.shared;

/**
 * The one rule for free text a service receives from anywhere (forms, JSON, imports, other modules): surrounding
 * spaces are cut, blank is absent, and text over its limit is refused with a message naming the field (never cut
 * short silently). Forms check the same limits earlier with Bean Validation to show the error next to the field;
 * this is the guard for every other caller.
 */
public final class Text {

    private Text() {
    }

    /** The stripped text, or null when blank. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The stripped text; blank is refused with 「请填写…」, over {@code max} characters with 「…过长」. */
    public static String required(String text, String field, int max) {
        String s = blankToNull(text);
        if (s == null) {
            throw new ConflictException("请填写" + field);
        }
        return limit(s, field, max);
    }

    /** The stripped text or null when blank; over {@code max} characters is refused with 「…过长」. */
    public static String optional(String text, String field, int max) {
        String s = blankToNull(text);
        return s == null ? null : limit(s, field, max);
    }

    private static String limit(String s, String field, int max) {
        if (s.length() > max) {
            throw new ConflictException(field + "过长（不超过 " + max + " 个字）");
        }
        return s;
    }
}

package cn.zugong.shared;

/** LIKE patterns from user input; the wildcards in the input match themselves (use with ESCAPE '\'). */
public final class SqlLike {

    private SqlLike() {
    }

    public static String escape(String input) {
        return input.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static String contains(String input) {
        return "%" + escape(input) + "%";
    }
}

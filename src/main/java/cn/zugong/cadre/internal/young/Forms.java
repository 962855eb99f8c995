package cn.zugong.cadre.internal.young;

import cn.zugong.shared.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading form and JSON fields with the Chinese message naming the field (shared by the young and leaders parts). */
public final class Forms {

    private Forms() {
    }

    public static String text(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new BadRequestException("请填写「" + field + "」");
        }
        if (v.length() > max) {
            throw new BadRequestException("「" + field + "」不能超过" + max + "字");
        }
        return v;
    }

    public static String optional(String value, int max, String field) {
        return value == null || value.isBlank() ? null : text(value, field, max);
    }

    public static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(text(value, field, 10));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("「" + field + "」不是日期（应为 yyyy-MM-dd）：" + value);
        }
    }

    public static long id(String value, String field) {
        try {
            return Long.parseLong(text(value, field, 20));
        } catch (NumberFormatException e) {
            throw new BadRequestException("「" + field + "」无效：" + value);
        }
    }

    /** An id that may be left out: null when blank. */
    public static Long optionalId(String value, String field) {
        return value == null || value.isBlank() ? null : id(value, field);
    }

    public static int number(String value, String field, int min, int max) {
        try {
            int n = Integer.parseInt(text(value, field, 10));
            if (n < min || n > max) {
                throw new BadRequestException("「" + field + "」应在" + min + "–" + max + "之间");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("「" + field + "」不是整数：" + value);
        }
    }

    public static String choice(String value, List<String> allowed, String field) {
        String v = text(value, field, 20);
        if (!allowed.contains(v)) {
            throw new BadRequestException("「" + field + "」应为" + String.join("、", allowed) + "之一：" + v);
        }
        return v;
    }
}

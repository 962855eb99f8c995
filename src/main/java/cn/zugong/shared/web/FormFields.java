package cn.zugong.shared.web;

import cn.zugong.shared.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reading a form's fields kept as strings (the same record for a page's form and a JSON body), one rule for every
 * module: surrounding spaces cut, a blank field absent, and every refusal a Chinese message naming the field.
 */
public final class FormFields {

    private FormFields() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A required text of at most {@code max} characters. */
    public static String text(String value, String label, int max) {
        return text(value, label, max, true);
    }

    public static String text(String value, String label, int max, boolean required) {
        String s = blankToNull(value);
        if (s == null) {
            if (required) {
                throw new BadRequestException("请填写「" + label + "」");
            }
            return null;
        }
        if (s.length() > max) {
            throw new BadRequestException("「" + label + "」不超过 " + max + " 个字（现有 " + s.length() + " 个）");
        }
        return s;
    }

    /** A required date written 2026-05-01. */
    public static LocalDate date(String value, String label) {
        return date(value, label, true);
    }

    public static LocalDate date(String value, String label, boolean required) {
        String s = text(value, label, 10, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("「" + label + "」不是有效日期（格式 2026-05-01）：" + s);
        }
    }

    /** A required record id (a choice in a list: "请选择"). */
    public static long id(String value, String label) {
        if (blankToNull(value) == null) {
            throw new BadRequestException("请选择「" + label + "」");
        }
        return id(value, label, true);
    }

    public static Long id(String value, String label, boolean required) {
        String s = text(value, label, 19, required);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadRequestException("「" + label + "」无效：" + s);
        }
    }

    /** A ticked box or a yes in a sheet: true, on, 1 or 是. */
    public static boolean flag(String value) {
        String s = blankToNull(value);
        return s != null && (s.equalsIgnoreCase("true") || s.equals("on") || s.equals("1") || s.equals("是"));
    }
}

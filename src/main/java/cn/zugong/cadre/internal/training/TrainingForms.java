package cn.zugong.cadre.internal.training;

import cn.zugong.shared.BadRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The forms of 干部培训 as strings (pages and JSON alike) and their parsing, each message naming its field. */
public final class TrainingForms {

    private TrainingForms() {
    }

    public record ClassForm(String nodeId, String kind, String name, String startsOn, String endsOn,
                            String plannedHours, String capacity) {
    }

    public record SessionForm(String heldOn, String title, String hours) {
    }

    public record EnrolForm(String personId) {
    }

    public record AttendanceForm(String personId, String status) {
    }

    public record CompletionForm(String hours, String completedOn) {
    }

    static String text(String value, String label, int max) {
        String s = value == null ? null : value.strip();
        if (s == null || s.isEmpty()) {
            throw new BadRequestException("请填写「" + label + "」");
        }
        if (s.length() > max) {
            throw new BadRequestException("「" + label + "」不能超过 " + max + " 个字");
        }
        return s;
    }

    static long id(String value, String label) {
        try {
            return Long.parseLong(text(value, label, 20));
        } catch (NumberFormatException e) {
            throw new BadRequestException("「" + label + "」无效：" + value);
        }
    }

    static LocalDate date(String value, String label) {
        try {
            return LocalDate.parse(text(value, label, 10));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("「" + label + "」应为日期（如 2026-03-01）：" + value);
        }
    }

    static int positiveInt(String value, String label, int max) {
        try {
            int n = Integer.parseInt(text(value, label, 9));
            if (n <= 0 || n > max) {
                throw new BadRequestException("「" + label + "」应在 1 到 " + max + " 之间：" + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("「" + label + "」应为整数：" + value);
        }
    }

    /** Hours with at most one decimal, {@code 0 < h <= max} ({@code allowZero}: {@code 0 <= h}). */
    static BigDecimal hours(String value, String label, int max, boolean allowZero) {
        BigDecimal h;
        try {
            h = new BigDecimal(text(value, label, 10));
        } catch (NumberFormatException e) {
            throw new BadRequestException("「" + label + "」应为数字：" + value);
        }
        if (h.scale() > 1 || (allowZero ? h.signum() < 0 : h.signum() <= 0) || h.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new BadRequestException("「" + label + "」应为" + (allowZero ? "0" : "大于 0") + "到 " + max
                    + " 之间、最多一位小数的学时：" + value);
        }
        return h.setScale(1);
    }
}

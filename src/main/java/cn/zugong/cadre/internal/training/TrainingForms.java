package cn.zugong.cadre.internal.training;

import static cn.zugong.shared.web.FormFields.text;

import cn.zugong.shared.BadRequestException;
import java.math.BigDecimal;

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

package cn.zugong.cadre.internal.appointments;

import cn.zugong.shared.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The forms of 选拔任用纪实 as strings (pages and JSON alike) and their parsing, each message naming its field. */
public final class AppointmentForms {

    private AppointmentForms() {
    }

    /** A new record: who, what kind, where to, on what basis, and the day of 动议. */
    public record NewForm(String personId, String kind, String unitId, String targetPost, String targetPostLevel,
                          String targetRank, String leavePost, String reason, String frontline, String campaignId,
                          String basis, String proposedOn, String note) {
    }

    /** The next step: which, on what day (任前公示: its first and last day), a note. */
    public record StepForm(String step, String doneOn, String endsOn, String note) {
    }

    public record StopForm(String reason) {
    }

    /** The 任免审批表's own fields (what the roster lacks). */
    public record ProfileForm(String nativePlace, String birthplace, String health, String joinedPartyOn,
                              String techTitle, String speciality, String ftSchool, String isSchool,
                              String currentPost, String family) {
    }

    static String text(String value, String label, int max, boolean required) {
        String s = value == null || value.isBlank() ? null : value.strip();
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

    static LocalDate date(String value, String label, boolean required) {
        String s = text(value, label, 10, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("「" + label + "」不是有效日期（格式 2026-01-31）：" + s);
        }
    }

    static Long id(String value, String label, boolean required) {
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

    static boolean flag(String value) {
        return value != null && (value.equals("true") || value.equals("on") || value.equals("1") || value.equals("是"));
    }
}

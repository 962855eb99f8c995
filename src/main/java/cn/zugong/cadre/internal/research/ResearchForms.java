package cn.zugong.cadre.internal.research;

import cn.zugong.shared.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The forms of 调研课题 as strings (pages and JSON alike) and their parsing, each message naming its field. */
public final class ResearchForms {

    private ResearchForms() {
    }

    public record TopicForm(String nodeId, String title, String leaderId, String keyTopic, String startsOn) {
    }

    public record ProgressForm(String notedOn, String note) {
    }

    public record ProblemForm(String description, String foundOn) {
    }

    public record SolveForm(String solvedOn, String solution) {
    }

    public record ConcludeForm(String concludedOn, String findings) {
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

    static boolean flag(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equals("on") || value.equals("1")
                || value.equals("是"));
    }
}

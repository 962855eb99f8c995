package cn.zugong.cadre.internal.young;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** What the 年轻干部 pages and API show: records read by {@link YoungStore}. */
public final class YoungViews {

    private YoungViews() {
    }

    public static String statusLabel(String status) {
        return switch (status) {
            case "REVIEW" -> "预审中";
            case "IN_POOL" -> "在库";
            case "REFUSED" -> "预审未通过";
            case "EXITED" -> "已退出";
            default -> status;
        };
    }

    public static String kindLabel(String kind) {
        return "TRIAL".equals(kind) ? "试岗" : "ATTACHED".equals(kind) ? "实挂" : kind;
    }

    /** One entry of the pool with its person, unit (its tree path is the scope) and mentor. */
    public record Cadre(long id, long personId, String name, long unitId, String unitName, String unitPath,
                        String level, Integer cohort, String status, String reviewResult, String reviewReason,
                        LocalDateTime reviewedAt, String reviewedBy, LocalDate enteredOn, Long mentorId,
                        String mentorName, LocalDate mentorSince, LocalDate exitedOn, String exitReason,
                        LocalDateTime createdAt, String createdBy) {
        public String statusLabel() {
            return YoungViews.statusLabel(status);
        }
    }

    /** A 试岗 / 实挂 posting; grade and comment are the assessment at its end. */
    public record Posting(long id, long cadreId, String kind, String hostUnit, String post, LocalDate startsOn,
                          LocalDate endsOn, String status, String grade, String comment, LocalDateTime endedAt,
                          String endedBy) {
        public String kindLabel() {
            return YoungViews.kindLabel(kind);
        }
    }

    /** A meeting of the mentor with the young cadre. */
    public record Note(long id, long cadreId, String mentorName, LocalDate metOn, String content, String createdBy) {
    }

    /** A place in a year's 比选 ranking. */
    public record Ranking(long cadreId, String name, String unitName, int year, BigDecimal score, int place,
                          String basis, String status) {
    }

    /** A 选调生 cohort: the year and its members with their postings counted. */
    public record CohortMember(long cadreId, String name, String unitName, int cohort, String status, int postings,
                               int openPostings) {
    }
}

package cn.zugong.cadre.internal.care;

import java.time.LocalDate;
import java.util.List;

/** What the pages and the API show (ADR 077): personal text in clear, only after the read was audited. */
public final class CareViews {

    private CareViews() {
    }

    public record CaseLine(long id, long personId, String name, String unitName, LocalDate appliedOn, String status,
                           String statusLabel, String result, String resultLabel, LocalDate decidedOn) {
    }

    public record CheckView(long criterionId, String criterion, boolean met, String note) {
    }

    public record CaseDetail(CaseLine line, String matter, String finding, LocalDate verifiedOn, String verifiedBy,
                             String resultNote, String decidedBy, List<CheckView> checks) {
    }

    public record Criterion(long id, int position, String text) {
    }

    public record ClearanceLine(long id, long personId, String name, String unitName, String report,
                                LocalDate clearedOn, String published, String reach) {
    }

    public record DisciplineLine(long id, long personId, String name, String unitName, String kind,
                                 LocalDate decidedOn, LocalDate influenceUntil, int visitMonths,
                                 LocalDate nextVisitDue, long visits, LocalDate lastVisit) {
    }

    public record VisitLine(long id, LocalDate visitedOn, String visitors, String content) {
    }

    /** An appointment record a discipline's re-use may name: the person's, in force, of a re-use kind. */
    public record ReuseCandidate(long id, String kind, LocalDate effectiveOn, String unitName, String targetPost,
                                 boolean afterInfluence) {
    }

    public record ReuseLine(long id, long disciplineId, long personId, String name, String unitName,
                            long appointmentId, String appointmentKind, LocalDate effectiveOn,
                            LocalDate influenceUntil) {
    }

    public record DisciplineDetail(DisciplineLine line, String summary, List<VisitLine> visits, List<ReuseLine> reuses,
                                   List<Dunning> dunnings, Overdue overdue) {
    }

    public record Dunning(String level, LocalDate dueOn, java.time.LocalDateTime pressedAt, String pressedBy) {
    }

    /** A missed visit: due that day, overdue by working days, at that 督办 level. */
    public record Overdue(long disciplineId, long personId, String name, String unitName, LocalDate due, int workdays,
                          String level, String levelLabel) {
    }

    public record BatchLine(long id, String name, LocalDate awardedOn, String basis, long people, long units) {
    }

    public record ItemLine(long id, Long personId, Long unitId, String name, String unitName, String reason) {
    }

    public record BatchDetail(BatchLine line, List<ItemLine> items) {
    }

    public record ExemplarLine(long id, long personId, String name, String unitName, String round, String deeds,
                               String status, String statusLabel, String reviewNote, LocalDate publicityFrom,
                               LocalDate publicityUntil, LocalDate publishedOn) {
    }
}

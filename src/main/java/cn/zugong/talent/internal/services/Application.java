package cn.zugong.talent.internal.services;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.Escalation;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A 码上办 application as pages read it: its own row joined with its closure item's state (read, never copied:
 * ADR 044). {@code needed}/{@code reused}: materials the item asked for and how many the platform already held.
 * {@code proxy}: filed by a 专窗专员 on the talent's behalf (代办帮办), {@code proxyBy} who; {@code submittedAt} when.
 */
public record Application(long id, String applicationNo, long talentId, String itemCode, String areaCode, long unitId,
                          long itemId, int needed, int reused, boolean proxy, String proxyBy, String proxyByName,
                          String submittedBy, LocalDateTime submittedAt, String note, ClosureStatus status,
                          LocalDate deadline, Escalation escalation, long ownerNodeId, LocalDateTime resolvedAt,
                          LocalDateTime closedAt) {

    /** Finished: 办结 (resolved) or beyond. */
    public boolean finished() {
        return resolvedAt != null || closedAt != null;
    }

    public LocalDate finishedOn() {
        LocalDateTime at = resolvedAt != null ? resolvedAt : closedAt;
        return at == null ? null : at.toLocalDate();
    }

    /** Finished on or before the deadline. */
    public boolean onTime() {
        return finished() && !finishedOn().isAfter(deadline);
    }

    public boolean overdue(LocalDate today) {
        return status.working() && today.isAfter(deadline);
    }

    /** The status in the words of a service application. */
    public String statusLabel() {
        return label(status);
    }

    public static String label(ClosureStatus s) {
        return switch (s) {
            case REGISTERED -> "已提交";
            case ASSIGNED -> "已受理";
            case IN_PROGRESS -> "办理中";
            case RESOLVED -> "已办结待核验";
            case VERIFIED -> "已核验";
            case CLOSED -> "已办结";
        };
    }

    /** Share of materials reused, in per cent (0 when none were needed). */
    public int reusedPercent() {
        return needed == 0 ? 0 : Math.round(100f * reused / needed);
    }
}

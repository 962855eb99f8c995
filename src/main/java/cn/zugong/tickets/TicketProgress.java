package cn.zugong.tickets;

import cn.zugong.closure.ClosureStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Where a ticket stands, as the one who raised it outside the office may see it (a talent's 人才诉求): number,
 * status, responsible unit, deadline and the answer (the last 办结's resolution); nothing of the ticket's workers.
 */
public record TicketProgress(long itemId, String ticketNo, ClosureStatus status, String ownerName, LocalDate deadline,
                             String answer, LocalDateTime resolvedAt, LocalDateTime closedAt) {

    /** 已办结 (resolved, verified or closed). */
    public boolean done() {
        return ClosureStatus.DONE.contains(status);
    }
}

package cn.zugong.tickets.internal;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.Escalation;
import cn.zugong.tickets.TicketSource;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A problem ticket: its own details with the closure state of its item (status, responsible unit, deadline,
 * escalation, 办结 and 销号 times, read from closure_item, ADR 044). {@code requesterPhone} is always masked here.
 */
public record Ticket(long itemId, String ticketNo, String categoryCode, String categoryName, TicketSource source,
                     String sourceRef, String title, String description, String requesterName, String requesterPhone,
                     long raisedNodeId, String raisedBy, String raisedByName, LocalDateTime raisedAt,
                     String cadreUsername, String cadreName, long ownerNodeId, String ownerName, String ownerPath,
                     ClosureStatus status, LocalDate deadline, LocalDateTime triagedAt, Escalation escalation,
                     LocalDateTime resolvedAt, LocalDateTime callbackAt, Satisfaction satisfaction,
                     LocalDateTime closedAt, Integer daysToClose, boolean closedLate, int reopenCount) {

    /** The visit the ticket was raised from, if any (the service module checked it when the ticket was raised). */
    public Long visitId() {
        return source == TicketSource.VISIT && sourceRef != null && sourceRef.chars().allMatch(Character::isDigit)
                && !sourceRef.isEmpty() ? Long.valueOf(sourceRef) : null;
    }

    /** Still being worked and past its deadline on {@code today}. */
    public boolean overdue(LocalDate today) {
        return status.working() && today.isAfter(deadline);
    }

    /** A callback was recorded after the last resolution. */
    public boolean calledBackSinceResolved() {
        return callbackAt != null && resolvedAt != null && !callbackAt.isBefore(resolvedAt);
    }

    /** Ready for 核验: resolved and the requester was (basically) satisfied at the callback after it. */
    public boolean readyForVerification() {
        return status == ClosureStatus.RESOLVED && calledBackSinceResolved() && satisfaction != null
                && satisfaction.satisfied();
    }
}

package cn.zugong.tickets;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.HistoricalItem;
import cn.zugong.tickets.internal.Satisfaction;
import cn.zugong.tickets.internal.TicketBatch;
import cn.zugong.tickets.internal.TicketCategories;
import cn.zugong.tickets.internal.TicketCategory;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Tickets whose whole history is already known — the demo's year of tickets — written in one batch by the
 * module's own batch writer, so that callers outside {@code tickets} never touch its tables. Used by the demo.
 */
@Service
public class TicketHistory {

    /** A callback (回访); {@code satisfaction} is one of {@code SATISFIED}, {@code BASIC}, {@code UNSATISFIED}. */
    public record Callback(LocalDateTime at, String by, String byName, String satisfaction, String note) {
    }

    /**
     * A ticket with its final state; {@code sourceRef} keys the closure item, {@code ticketSourceRef} is the
     * ticket's own 来源编号 (the visit's number for a ticket from a visit); {@code steps} start with REGISTER; reopens are counted from its REOPEN steps.
     */
    public record Ticket(String sourceRef, String category, TicketSource source, String title, String description,
                         String requesterName, String requesterPhone, long raisedNodeId, long ownerNodeId,
                         String raisedBy, String raisedByName, LocalDateTime raisedAt, String cadreUsername,
                         String cadreName, ClosureStatus status, LocalDate deadline, LocalDateTime triagedAt,
                         int escalation, Long escalatedToNodeId, String measures, String resolution,
                         LocalDateTime resolvedAt, LocalDateTime closedAt, List<HistoricalItem.Step> steps,
                         List<Callback> callbacks, String ticketSourceRef) {
    }

    private final TicketBatch batch;
    private final TicketCategories categories;

    TicketHistory(TicketBatch batch, TicketCategories categories) {
        this.batch = batch;
        this.categories = categories;
    }

    /** Whether a ticket with this closure source ref exists. */
    public boolean exists(String sourceRef) {
        return batch.exists(sourceRef);
    }

    /** The SLA in days of every category, by category code. */
    public Map<String, Integer> slaDays() {
        return categories.all().stream().collect(Collectors.toMap(TicketCategory::code, TicketCategory::slaDays));
    }

    /** The label of a satisfaction code, e.g. 基本满意. */
    public static String satisfactionLabel(String satisfaction) {
        return Satisfaction.valueOf(satisfaction).label();
    }

    /** Writes the tickets (one audit entry); returns their closure item ids by source ref. */
    public Map<String, Long> write(List<Ticket> tickets, String actor, String summary) {
        return batch.write(tickets, actor, summary);
    }
}

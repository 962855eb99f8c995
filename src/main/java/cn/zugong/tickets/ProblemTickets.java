package cn.zugong.tickets;

import cn.zugong.shared.CurrentUser;
import cn.zugong.tickets.internal.TicketService;
import org.springframework.stereotype.Service;

/** Raising problem tickets from other modules (a visit log's "raise a problem"). */
@Service
public class ProblemTickets {

    /** The closure workflow kind of problem tickets. */
    public static final String KIND = "PROBLEM_TICKET";

    private final TicketService tickets;
    private final cn.zugong.tickets.internal.TicketFigures figures;

    ProblemTickets(TicketService tickets, cn.zugong.tickets.internal.TicketFigures figures) {
        this.tickets = tickets;
        this.figures = figures;
    }

    /**
     * Tickets raised in {@code year} at each area node or anywhere below it (by the node the problem was found at),
     * with how many are closed (销号, what the figures count as solved): area node id → counts, areas without a
     * ticket left out. One aggregate query for all areas (the ratings' 问题化解率 of a whole round).
     */
    public java.util.Map<Long, AreaCount> countsByArea(java.util.Collection<cn.zugong.org.OrgNode> areas, int year) {
        return figures.countsByArea(areas.stream().map(cn.zugong.org.OrgNode::id).distinct().toList(), year).entrySet()
                .stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                        e -> new AreaCount(e.getValue()[0], e.getValue()[1])));
    }

    /** Tickets found in an area and how many of them are closed (销号). */
    public record AreaCount(long found, long solved) {
    }

    /** Registers the ticket on the closure workflow and returns its number, e.g. WT2026-000123. */
    public Raised raise(NewTicket ticket, CurrentUser by) {
        var t = tickets.raise(ticket, java.util.List.of(), by);
        return new Raised(t.itemId(), t.ticketNo());
    }

    /**
     * The progress of tickets by closure item id (unknown ids are left out). It trusts its caller: a module that
     * shows a ticket to its raiser outside the office (the talent module's 人才诉求) checks who asks first.
     */
    public java.util.Map<Long, TicketProgress> progress(java.util.Collection<Long> itemIds) {
        return tickets.progress(itemIds);
    }

    public record Raised(long itemId, String ticketNo) {
    }
}

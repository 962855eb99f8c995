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

    ProblemTickets(TicketService tickets) {
        this.tickets = tickets;
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

package cn.zugong.tickets.internal;

import cn.zugong.closure.ClosureEvents;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.tickets.ProblemTickets;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps problem_ticket in step with its closure item, in the transaction of the step (the workflow publishes
 * its events synchronously): status, resolved_at, closed_at and the days to close, the responsible unit after a
 * transfer, the escalation level from the 督办 job, and a reopen. The deadline is set by {@link TicketService}
 * from the item each step returns (no event carries it).
 */
@Component
class TicketSync {

    private final TicketRepository repository;
    private final Clock clock;

    TicketSync(TicketRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener
    void on(ClosureEvents.StatusChanged e) {
        if (!ProblemTickets.KIND.equals(e.kind())) {
            return;
        }
        repository.status(e.itemId(), e.to());
        if (e.to() == ClosureStatus.RESOLVED) {
            repository.resolved(e.itemId(), LocalDateTime.now(clock));
        }
    }

    @EventListener
    void on(ClosureEvents.ItemClosed e) {
        if (ProblemTickets.KIND.equals(e.kind())) {
            repository.closed(e.itemId(), e.at());
        }
    }

    @EventListener
    void on(ClosureEvents.ItemReopened e) {
        if (ProblemTickets.KIND.equals(e.kind())) {
            repository.reopened(e.itemId());
        }
    }

    @EventListener
    void on(ClosureEvents.ItemTransferred e) {
        if (ProblemTickets.KIND.equals(e.kind())) {
            repository.owner(e.itemId(), e.toNodeId());
        }
    }

    @EventListener
    void on(ClosureEvents.ItemEscalated e) {
        if (ProblemTickets.KIND.equals(e.kind())) {
            repository.escalation(e.itemId(), e.level());
        }
    }
}

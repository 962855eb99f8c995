package cn.zugong.closure;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An item whose whole history is already known (the demo's year of tickets, a load run, an import from the old
 * ledger): its final state and every step that led there, oldest first, starting with REGISTER. Imported as it
 * is by {@link ClosureItems#importHistorical}: the workflow's rules are not replayed, so the caller answers for
 * the steps agreeing with the final state. {@code resolvedAt} is the last 办结 (what on-time figures compare with
 * the deadline), {@code closedAt} the 销号 of a closed item.
 */
public record HistoricalItem(String sourceRef, long ownerNodeId, String category, String title, String description,
                             ClosureStatus status, String assignee, String measures, String resolution,
                             LocalDate deadline, Escalation escalation, Long escalatedToNodeId, String registeredBy,
                             LocalDateTime registeredAt, LocalDateTime resolvedAt, LocalDateTime closedAt,
                             List<Step> history) {

    public HistoricalItem {
        if (history == null || history.isEmpty() || history.get(0).action() != ClosureAction.REGISTER) {
            throw new IllegalArgumentException("the history of " + sourceRef + " must start with REGISTER");
        }
        history = List.copyOf(history);
        escalation = escalation == null ? Escalation.NONE : escalation;
    }

    /** One step of the history, as {@link ClosureEvent} shows it ({@code from}/{@code to} null: no status change). */
    public record Step(LocalDateTime at, String actor, String actorName, ClosureAction action, ClosureStatus from,
                       ClosureStatus to, String note) {
    }

    /** The time of the last step. */
    public LocalDateTime updatedAt() {
        return history.get(history.size() - 1).at();
    }
}

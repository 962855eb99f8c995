package cn.zugong.closure;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One item on the closure workflow, with its owner unit's name and path (for scope checks and pages). */
public record ClosureItem(long id, String kind, String sourceRef, long ownerNodeId, String ownerName,
                          String ownerPath, String category, String title, String description, ClosureStatus status,
                          String assignee, String measures, String resolution, LocalDate deadline,
                          Escalation escalation, Long escalatedToNodeId, boolean instructionOpen, String registeredBy,
                          LocalDateTime registeredAt, LocalDateTime updatedAt, LocalDateTime closedAt) {

    /** Still being worked and past its deadline on {@code today}. */
    public boolean overdue(LocalDate today) {
        return status.working() && today.isAfter(deadline);
    }
}

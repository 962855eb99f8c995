package cn.zugong.indicator;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One run of a pack for a scope on an as-of date, reading the roster as it was known at {@code knownAt}
 * (ADR 050; null on evaluations stored before roster history: read as of {@code createdAt}).
 * {@code status}: RUNNING, DONE or FAILED.
 */
public record Evaluation(long id, LocalDate asOf, PackId pack, long scopeNodeId, String createdBy,
                         LocalDateTime createdAt, String status, int unitCount, int resultCount,
                         LocalDateTime knownAt) {

    /** The knowledge the evaluation read: its known_at, or when it ran for evaluations stored before. */
    public LocalDateTime knowledge() {
        return knownAt != null ? knownAt : createdAt;
    }

    /**
     * Whether the run read the latest knowledge (no 按某日已知 given): its known_at is the moment it started. A
     * unit re-check of such an evaluation reads the latest knowledge again; one with a given day keeps that day.
     */
    public boolean knowsLatest() {
        return knownAt == null || knownAt.equals(createdAt);
    }
}

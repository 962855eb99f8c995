package cn.zugong.closure;

import java.time.LocalDateTime;

/** One row of an item's history: who, when, what, the status before and after, and the note. */
public record ClosureEvent(long id, long itemId, LocalDateTime at, String actor, String actorName,
                           ClosureAction action, ClosureStatus from, ClosureStatus to, String note) {
}

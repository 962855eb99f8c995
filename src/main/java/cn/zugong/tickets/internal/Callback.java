package cn.zugong.tickets.internal;

import java.time.LocalDateTime;

/** One callback (回访) of a ticket. */
public record Callback(long id, long itemId, LocalDateTime at, String by, String byName, Satisfaction satisfaction,
                       String note) {
}

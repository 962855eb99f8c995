package cn.zugong.tickets.internal;

/** A ticket category and its SLA (处理时限) in calendar days. */
public record TicketCategory(String code, String name, int slaDays, int sortOrder, boolean active) {
}

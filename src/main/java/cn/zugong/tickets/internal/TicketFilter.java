package cn.zugong.tickets.internal;

/**
 * The list's filters: status, category, only overdue, one unit (with what is under it), escalation level (1 提醒,
 * 2 黄牌, 3 红牌), a keyword (number, title, description, requester), and the page.
 */
public record TicketFilter(String status, String category, Boolean overdue, Long unitId, Integer escalation,
                           String q, Integer page, Integer size) {
}

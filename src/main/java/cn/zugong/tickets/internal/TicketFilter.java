package cn.zugong.tickets.internal;

import jakarta.validation.constraints.Size;

/**
 * The list's filters: status, category, only overdue, one unit (with what is under it), escalation level (1 提醒,
 * 2 黄牌, 3 红牌), a keyword (number, title, description, requester), and the page. The same record binds the list
 * page and {@code GET /api/tickets}.
 */
public record TicketFilter(String status, String category, Boolean overdue, Long unitId, Integer escalation,
                           @Size(max = 100, message = "关键词过长（不超过 100 个字）") String q,
                           Integer page, Integer size) {

    /** The same filter with the page size the screen shows. */
    TicketFilter sized(int rows) {
        return new TicketFilter(status, category, overdue, unitId, escalation, q, page, rows);
    }
}

/**
 * 问题清单销号督办: problem tickets raised by service cadres and the office (from a visit, the 12345 hotline, a
 * meeting, letters and visits…), on the shared closure workflow (kind {@link cn.zugong.tickets.ProblemTickets#KIND}):
 * categories with an SLA, triage and assignment to a responsible unit, transfer, escalation (督办), resolution,
 * callback (回访) with the requester's satisfaction, verification and 销号, reopen; and the figures
 * ("发现问题 N 个，解决 M 个，化解率 R%") by unit, cadre, category and period. See docs/adr/031-problem-tickets.md.
 * Public API: {@link cn.zugong.tickets.ProblemTickets} (raise a ticket, e.g. from a visit; read the progress of
 * tickets for a raiser outside the office, {@link cn.zugong.tickets.TicketProgress}: the talent module's 人才诉求),
 * {@link cn.zugong.tickets.NewTicket}, {@link cn.zugong.tickets.TicketSource}; and, used by the demo,
 * {@link cn.zugong.tickets.TicketHistory} (tickets whose whole history is known, written in one batch).
 */
package cn.zugong.tickets;

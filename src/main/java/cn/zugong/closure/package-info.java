/**
 * The shared closure workflow (销号): registered → assigned → in progress → resolved → verified → closed,
 * with reject, reopen, transfer between units, deadlines, escalation (督办: 提醒 / 黄牌 / 红牌) on the
 * working-day calendar, leader instructions (领导批示), evidence attachments and a history of events.
 * Health-check rectifications (整改) are its first kind; problem tickets and 三事分流 matters reuse it.
 * Public API: {@link cn.zugong.closure.ClosureItems} (register, read, import items with a known history as
 * {@link cn.zugong.closure.HistoricalItem}s), {@link cn.zugong.closure.ClosureWorkflow} (the steps: {@code apply}
 * by name for pages and APIs), {@link cn.zugong.closure.ClosurePages} (the view for the shared fragment
 * {@code templates/fragments/closure.html} and a page's step), {@link cn.zugong.closure.Escalations} (the scheduled
 * 督办 job), {@link cn.zugong.closure.ClosureKind} (a bean per kind, declared by its module, with its
 * {@link cn.zugong.closure.ExtraSteps}) and the records and events of this package. Other modules read an item's
 * state by joining {@code closure_item} on its id, never by keeping a copy; only this module writes the closure
 * tables (ADR 044).
 */
package cn.zugong.closure;

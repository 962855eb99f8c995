/**
 * 三事分流: a community (村/社区) registers residents' matters, classifies each as 大事 / 小事 / 私事 on the
 * 三事归类单 and routes it to its deliberation level — 多方联席会议 (quarterly), 家园理事会 (monthly), 网格议事会
 * (weekly) — whose next sitting's agenda collects it; the sitting records the outcome, and a decided matter is
 * resolved and closed (销号) on the shared closure workflow (kind {@value cn.zugong.deliberation.Matters#KIND}).
 * Public API: {@link cn.zugong.deliberation.Matters} (register, classify, read),
 * {@link cn.zugong.deliberation.Meetings} (schedule, agenda, holding a sitting),
 * {@link cn.zugong.deliberation.DeliberationFigures} and the records and enums of this package; and, used by the
 * demo, {@link cn.zugong.deliberation.DeliberationHistory} (matters and sittings on the dates they had).
 */
package cn.zugong.deliberation;

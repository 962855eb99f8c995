/**
 * 党员报到 and 流动党员 (issue 18, ADR 068): party members on the ground. 党员报到 (双找双回, 小岛你好): members
 * register with a village's party organisation for a reason checked against their data, claim the village's service
 * posts within their capacity and log their service on a phone page; figures by county, island and period.
 * 流动党员: the five-step method (源头查找, 建档建库, 走亲连心, 动态管理, 用其所长) and the 三个一批 rule that gives
 * every mobile member exactly one managing organisation. Islands are the org module's data
 * ({@link cn.zugong.org.Islands}). Pages under {@code /party} (the member's own under {@code /party/my}, role
 * PARTY_MEMBER), API under {@code /api/party}.
 */
package cn.zugong.party;

/**
 * 共同富裕 (issue 18, ADR 068): 共富工坊 with their monthly ledger, 百企联百村 enterprise–village pairs and 强村公司;
 * 聚力共富 — the 借力 (needs) and 给力 (offers) lists with a matcher whose score is declared as data; 党建联建 —
 * joint party committees across organisations with rotating chairs and shared projects. Pages under
 * {@code /prosperity}, API under {@code /api/prosperity}.
 */
package cn.zugong.prosperity;

/**
 * 星级评定, 千分制 and 双述双评双比 (issue 17, ADR 062). Rating schemes are data — versioned files under
 * {@code ratings/schemes/} ({@link cn.zugong.rating.RatingScheme}: sectors, dimensions, criteria with caps, bonuses
 * and deductions, computed criteria over other modules' figures, 一票否决 items, the star rule and the 双强
 * conditions), checked when loaded. A yearly round takes every organisation of the scheme's sectors in a scope
 * through self-assessment → township → county → city 审定 → 公示 → published, keeping every score change; stars
 * can be withdrawn (摘星) during the year. The public evaluation of village leaders (双述双评双比) keeps ballots
 * that never name their rater. Pages under {@code /ratings}, API under {@code /api/ratings}; the phone voting page
 * {@code /ratings/vote} is reached with a one-time code, without an account.
 */
package cn.zugong.rating;

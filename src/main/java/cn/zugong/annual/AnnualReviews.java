package cn.zugong.annual;

import cn.zugong.org.OrgNode;
import java.time.LocalDate;

/** What other modules (the demo) ask of 这一年: a draft review of a node and a period. */
public interface AnnualReviews {

    /** Whether a review of the node and exactly this period exists (draft or published). */
    boolean exists(long nodeId, LocalDate from, LocalDate to);

    /** Generates a draft review of the node for the period as {@code by} (no access check: the caller's); its id. */
    long generateDraft(OrgNode node, LocalDate from, LocalDate to, String by);
}

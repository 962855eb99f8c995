package cn.zugong.rating;

import cn.zugong.org.OrgNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * A figure of the platform a computed criterion scores (问题化解率, 亮灯台 score, 数字体检 red share …), computed
 * for many organisations at once (SQL first: one query for all, never one per organisation). Implementations live
 * in the rating module and read other modules through their public APIs; the scheme loader refuses a criterion
 * whose metric no implementation provides.
 */
public interface RatingMetric {

    /** The code schemes name, e.g. {@code tickets.resolution_rate}. */
    String code();

    /** How pages show it, e.g. 问题化解率（%）. */
    String label();

    /** Its 口径: what is counted, over which rows and period, how missing data is treated (the scheme pages). */
    default String definition() {
        return "";
    }

    /** Where the figure comes from (the module and its records), e.g. 问题清单销号督办. */
    default String source() {
        return "";
    }

    /** The value per organisation (party_org node id) for the year; an organisation without data is left out. */
    Map<Long, BigDecimal> values(Collection<OrgNode> organisations, int year);
}

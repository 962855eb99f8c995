package cn.zugong.rating.internal.scheme.metrics;

import cn.zugong.org.OrgNode;
import cn.zugong.rating.RatingMetric;
import cn.zugong.tickets.ProblemTickets;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 问题化解率: of the tickets raised in the organisation's area in the year, the share closed (销号). */
@Component
class TicketResolutionRate implements RatingMetric {

    private final ProblemTickets tickets;
    private final Areas areas;

    TicketResolutionRate(ProblemTickets tickets, Areas areas) {
        this.tickets = tickets;
        this.areas = areas;
    }

    @Override
    public String code() {
        return "tickets.resolution_rate";
    }

    @Override
    public String label() {
        return "问题化解率（%）";
    }

    @Override
    public String definition() {
        return "当年在本党组织所在区域（其上级单位、村社或乡镇及以下各节点）发现并登记的问题中，已销号的件数 ÷ 发现件数 × 100，"
                + "保留 2 位小数；当年无问题登记的为无数据";
    }

    @Override
    public String source() {
        return "问题清单销号督办（发现节点、登记年份、销号状态）";
    }

    @Override
    public Map<Long, BigDecimal> values(Collection<OrgNode> organisations, int year) {
        Map<Long, OrgNode> area = areas.of(organisations);
        Map<Long, BigDecimal> byArea = new HashMap<>();
        tickets.countsByArea(area.values(), year).forEach((id, c) -> {
            BigDecimal rate = Percent.of(c.solved(), c.found());
            if (rate != null) {
                byArea.put(id, rate);
            }
        });
        return Areas.perOrganisation(area, byArea);
    }
}

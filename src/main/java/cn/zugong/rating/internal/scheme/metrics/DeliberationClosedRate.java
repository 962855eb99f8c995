package cn.zugong.rating.internal.scheme.metrics;

import cn.zugong.deliberation.DeliberationFigures;
import cn.zugong.org.OrgNode;
import cn.zugong.rating.RatingMetric;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 三事分流事项销号率: of the matters the area's communities registered in the year, the share closed (销号). */
@Component
class DeliberationClosedRate implements RatingMetric {

    private final DeliberationFigures figures;
    private final Areas areas;

    DeliberationClosedRate(DeliberationFigures figures, Areas areas) {
        this.figures = figures;
        this.areas = areas;
    }

    @Override
    public String code() {
        return "deliberation.closed_rate";
    }

    @Override
    public String label() {
        return "三事分流事项销号率（%）";
    }

    @Override
    public String definition() {
        return "当年在本村（社区）或所辖村社登记的三事分流事项（大事、小事、私事及待归类）中，办理流程已销号的件数 ÷ 登记件数 × 100，"
                + "保留 2 位小数；当年无登记事项的为无数据";
    }

    @Override
    public String source() {
        return "三事分流（事项登记日期、所属村社、销号状态）";
    }

    @Override
    public Map<Long, BigDecimal> values(Collection<OrgNode> organisations, int year) {
        Map<Long, OrgNode> area = areas.of(organisations);
        Map<Long, BigDecimal> byArea = new HashMap<>();
        figures.closedByArea(area.values(), year).forEach((id, c) -> {
            BigDecimal rate = Percent.of(c.closed(), c.raised());
            if (rate != null) {
                byArea.put(id, rate);
            }
        });
        return Areas.perOrganisation(area, byArea);
    }
}

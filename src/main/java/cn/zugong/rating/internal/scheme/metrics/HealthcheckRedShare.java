package cn.zugong.rating.internal.scheme.metrics;

import cn.zugong.healthcheck.HealthCheckPack;
import cn.zugong.indicator.EvaluationViews;
import cn.zugong.org.OrgNode;
import cn.zugong.rating.RatingMetric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 数字体检红灯占比: of the unit's (or township's) coloured indicators in the year's latest 体检, the share red. */
@Component
class HealthcheckRedShare implements RatingMetric {

    private final EvaluationViews views;
    private final Areas areas;

    HealthcheckRedShare(EvaluationViews views, Areas areas) {
        this.views = views;
        this.areas = areas;
    }

    @Override
    public String code() {
        return "healthcheck.red_share";
    }

    @Override
    public String label() {
        return "数字体检红灯占比（%）";
    }

    @Override
    public String definition() {
        return "本党组织所在单位或乡镇在当年（体检基准日在当年内）最近一次有其结果的已完成数字体检中，亮红灯的指标数 ÷ 有颜色的指标数 × 100，"
                + "保留 2 位小数（乡镇取汇总结果）；当年未体检的为无数据。越低越好";
    }

    @Override
    public String source() {
        return "数字体检（指标结果的颜色）";
    }

    @Override
    public Map<Long, BigDecimal> values(Collection<OrgNode> organisations, int year) {
        Map<Long, OrgNode> area = areas.of(organisations);
        Map<Long, BigDecimal> byArea = new HashMap<>();
        views.redCounts(HealthCheckPack.CODE, area.values().stream().map(OrgNode::id).distinct().toList(),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).forEach((id, c) -> {
                    BigDecimal share = Percent.of(c.red(), c.coloured());
                    if (share != null) {
                        byArea.put(id, share);
                    }
                });
        return Areas.perOrganisation(area, byArea);
    }
}

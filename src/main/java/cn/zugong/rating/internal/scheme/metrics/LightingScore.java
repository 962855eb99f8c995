package cn.zugong.rating.internal.scheme.metrics;

import cn.zugong.lighting.LightingScores;
import cn.zugong.org.OrgNode;
import cn.zugong.rating.RatingMetric;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 亮灯台年度得分: the year's score of the tasks led by the organisation's unit or township. */
@Component
class LightingScore implements RatingMetric {

    private final LightingScores scores;
    private final Areas areas;

    LightingScore(LightingScores scores, Areas areas) {
        this.scores = scores;
        this.areas = areas;
    }

    @Override
    public String code() {
        return "lighting.score";
    }

    @Override
    public String label() {
        return "亮灯台年度得分（分）";
    }

    @Override
    public String definition() {
        return "本党组织所在单位或乡镇（及其下属单位）牵头的亮灯台任务，当年已关账月份的全部灯色：Σ(灯色分值 × 任务权重) ÷ Σ任务权重，"
                + "满分 100，保留 1 位小数；当年无已关账灯色的为无数据";
    }

    @Override
    public String source() {
        return "亮灯台（已关账月份的灯色、分值和权重）";
    }

    @Override
    public Map<Long, BigDecimal> values(Collection<OrgNode> organisations, int year) {
        Map<Long, OrgNode> area = areas.of(organisations);
        return Areas.perOrganisation(area, scores.yearScores(area.values(), year));
    }
}

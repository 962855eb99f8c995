package cn.zugong.rating.internal.scheme.metrics;

import cn.zugong.org.OrgNode;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.rating.RatingMetric;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 35 岁及以下党员占比: of the organisation's party members at the year's end, the share aged 35 or under. */
@Component
class PartyYoungShare implements RatingMetric {

    private final PeopleDirectory people;

    PartyYoungShare(PeopleDirectory people) {
        this.people = people;
    }

    @Override
    public String code() {
        return "party.young_share";
    }

    @Override
    public String label() {
        return "35 岁及以下党员占比（%）";
    }

    @Override
    public String definition() {
        return "本党组织及其下属党组织在党员名册中、当年年末前入党的党员里，当年年末年龄 35 岁及以下（出生年份 ≥ 当年 − 35）的人数 ÷ "
                + "党员总数 × 100，保留 2 位小数；无党员的为无数据";
    }

    @Override
    public String source() {
        return "党员名册（所在党组织、出生日期、入党日期）";
    }

    @Override
    public Map<Long, BigDecimal> values(Collection<OrgNode> organisations, int year) {
        Map<Long, BigDecimal> out = new HashMap<>();
        people.memberCounts(organisations.stream().map(OrgNode::id).distinct().toList(), year).forEach((id, c) -> {
            BigDecimal share = Percent.of(c.young(), c.members());
            if (share != null) {
                out.put(id, share);
            }
        });
        return out;
    }
}

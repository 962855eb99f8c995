package cn.zugong.rating.internal.scheme.metrics;

import cn.zugong.org.OrgNode;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.rating.RatingMetric;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 年度发展党员: members of the organisation (or below it) who joined the party in the year. */
@Component
class PartyNewMembers implements RatingMetric {

    private final PeopleDirectory people;

    PartyNewMembers(PeopleDirectory people) {
        this.people = people;
    }

    @Override
    public String code() {
        return "party.new_members";
    }

    @Override
    public String label() {
        return "年度发展党员（人）";
    }

    @Override
    public String definition() {
        return "本党组织及其下属党组织的党员名册中，入党日期在当年内的人数（含预备党员）；有党员而当年未发展的为 0，无党员的为无数据";
    }

    @Override
    public String source() {
        return "党员名册（所在党组织、入党日期）";
    }

    @Override
    public Map<Long, BigDecimal> values(Collection<OrgNode> organisations, int year) {
        Map<Long, BigDecimal> out = new HashMap<>();
        people.memberCounts(organisations.stream().map(OrgNode::id).distinct().toList(), year)
                .forEach((id, c) -> out.put(id, BigDecimal.valueOf(c.joined())));
        return out;
    }
}

package cn.zugong.rating.internal.ballots;

import cn.zugong.rating.internal.evaluation.RaterCodes;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Own fixtures of the ballot tests: a 双述双评 campaign on a node with subjects and raters in given villages, made
 * straight in the tables (the campaign pages are another part's). Each campaign gets a year of its own, so the
 * fixtures never collide with each other or the demo.
 */
final class BallotFixtures {

    record Fixture(long campaignId, List<Village> villages) {
    }

    /** A village with its subjects and raters (ids) and the raters' numbers and codes. */
    record Village(long nodeId, List<Long> subjects, List<Long> raters, List<String> raterNos, Map<Long, String> codes) {
    }

    private final JdbcClient jdbc;
    private final RaterCodes codes;

    BallotFixtures(JdbcClient jdbc, RaterCodes codes) {
        this.jdbc = jdbc;
        this.codes = codes;
    }

    /** The first {@code n} villages under the division with this code, in tree order. */
    List<Long> villages(String divisionCode, int n) {
        String path = jdbc.sql("select path from org_node where code = :code").param("code", divisionCode)
                .query(String.class).single();
        return jdbc.sql("select id from org_node where kind = 'VILLAGE' and path like :p order by path")
                .param("p", path + "%").query(Long.class).list().subList(0, n);
    }

    Fixture campaign(String nodeCode, List<Long> villageIds, int subjectsEach, int ratersEach, LocalDateTime opens,
                     LocalDateTime closes, String status) {
        long node = jdbc.sql("select id from org_node where code = :code").param("code", nodeCode)
                .query(Long.class).single();
        int year = jdbc.sql("select coalesce(max(campaign_year), 2100) + 1 from pe_campaign where campaign_year > 2100")
                .query(Integer.class).single();
        jdbc.sql("""
                insert into pe_campaign (node_id, scheme_code, scheme_version, campaign_year, name, opens_at, closes_at,
                                         status, created_by, created_at)
                values (:node, 'shuangshu', '2026.1', :year, :name, :opens, :closes, :status, 'test', :opens)""")
                .param("node", node).param("year", year).param("name", "测试评议" + year)
                .param("opens", Timestamp.valueOf(opens)).param("closes", Timestamp.valueOf(closes))
                .param("status", status).update();
        long campaign = jdbc.sql("select id from pe_campaign where node_id = :node and campaign_year = :year")
                .param("node", node).param("year", year).query(Long.class).single();
        List<Village> villages = new ArrayList<>();
        int v = 0;
        for (long village : villageIds) {
            v++;
            List<Long> subjects = new ArrayList<>();
            for (int s = 0; s < subjectsEach; s++) {
                jdbc.sql("insert into pe_subject (campaign_id, org_node_id, kind, name, post, sort_order) "
                                + "values (:c, :v, :kind, :name, :post, :s)")
                        .param("c", campaign).param("v", village).param("kind", s == 0 ? "ORGANISATION" : "MEMBER")
                        .param("name", s == 0 ? "村班子" + v : "成员" + v + "-" + s).param("post", s == 0 ? null : "委员")
                        .param("s", s).update();
                subjects.add(jdbc.sql("select max(id) from pe_subject where campaign_id = :c").param("c", campaign)
                        .query(Long.class).single());
            }
            List<Long> raters = new ArrayList<>();
            List<String> nos = new ArrayList<>();
            for (int r = 0; r < ratersEach; r++) {
                String no = String.format("%02d%03d", v, r + 1);
                jdbc.sql("insert into pe_rater (campaign_id, org_node_id, rater_group, rater_no, name) "
                                + "values (:c, :v, :g, :no, :name)")
                        .param("c", campaign).param("v", village)
                        .param("g", r % 2 == 0 ? "PARTY_MEMBER" : "VILLAGER_REP").param("no", no)
                        .param("name", "评议人" + no).update();
                raters.add(jdbc.sql("select id from pe_rater where campaign_id = :c and rater_no = :no")
                        .param("c", campaign).param("no", no).query(Long.class).single());
                nos.add(no);
            }
            villages.add(new Village(village, subjects, raters, nos, codes.issue(campaign, raters)));
        }
        return new Fixture(campaign, villages);
    }

    long ballots(long campaign) {
        return jdbc.sql("select count(*) from pe_ballot where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
    }

    long voted(long campaign) {
        return jdbc.sql("select count(*) from pe_rater where campaign_id = :c and channel is not null")
                .param("c", campaign).query(Long.class).single();
    }

    long batches(long campaign) {
        return jdbc.sql("select count(*) from pe_paper_batch where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
    }
}

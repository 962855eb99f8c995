package cn.zugong.rating.internal.evaluation;

import cn.zugong.rating.EvaluationScheme.GroupVotes;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The votes of a campaign, counted in one aggregate query over its ballots (subject × rater group × grade); the
 * results are {@link cn.zugong.rating.EvaluationScheme#result} of these counts and the township's 评价.
 */
@Component
public class Tally {

    private final JdbcClient jdbc;

    Tally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** subject id → rater group → votes. */
    public Map<Long, Map<String, GroupVotes>> votes(long campaignId) {
        Map<Long, Map<String, Acc>> acc = new HashMap<>();
        jdbc.sql("""
                select subject_id, rater_group, grade, count(*) as n, sum(score) as score_sum, count(score) as scored
                from pe_ballot where campaign_id = :campaign
                group by subject_id, rater_group, grade
                """).param("campaign", campaignId).query(rs -> {
            Acc a = acc.computeIfAbsent(rs.getLong("subject_id"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(rs.getString("rater_group"), k -> new Acc());
            String grade = rs.getString("grade");
            if (grade != null) {
                a.byGrade.merge(grade, rs.getLong("n"), Long::sum);
            }
            BigDecimal sum = rs.getBigDecimal("score_sum");
            if (sum != null) {
                a.scoreSum = a.scoreSum.add(sum);
                a.scoreCount += rs.getLong("scored");
            }
        });
        Map<Long, Map<String, GroupVotes>> votes = new HashMap<>();
        acc.forEach((subject, groups) -> {
            Map<String, GroupVotes> byGroup = new LinkedHashMap<>();
            groups.forEach((group, a) -> byGroup.put(group, new GroupVotes(Map.copyOf(a.byGrade), a.scoreSum, a.scoreCount)));
            votes.put(subject, byGroup);
        });
        return votes;
    }

    private static final class Acc {
        private final Map<String, Long> byGrade = new HashMap<>();
        private BigDecimal scoreSum = BigDecimal.ZERO;
        private long scoreCount;
    }
}

package cn.zugong.cadre;

import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The 一把手 / 离任交接 / 揭榜出征 figures of a year inside a scope (ADR 078), for the part's figures page and the
 * annual review (issue 20). 口径: <b>tracking</b> — 履职跟踪 notes dated in the year and the leaders they concern;
 * <b>handovers</b> — 离任交接 completed in the year: leaders (distinct leaving persons), townships and counties;
 * <b>揭榜出征</b> — tasks starting in the year, places offered, cadres who claimed one in the year (distinct persons),
 * claims finished with a result. Aggregate statements over whole tables, the scope by the node's path.
 */
@Service
public class LeadershipFigures {

    public record CountyLine(String name, long leadersTracked, long notes, long handoverLeaders, long handoverTownships,
                             long tasks, long claimants) {
    }

    public record Figures(int year, long notes, long leadersTracked, long handoverLeaders, long handoverTownships,
                          long handoverCounties, long tasks, long places, long claimants, long claimsDone,
                          List<CountyLine> byCounty) {
        public String sentence() {
            return year + "年，" + handoverCounties + "个区（县、市）" + handoverTownships + "个镇乡（街道）" + handoverLeaders
                    + "名领导完成离任交接；“一把手”履职跟踪" + leadersTracked + "人、记录" + notes + "条；“揭榜出征”发布任务"
                    + tasks + "项，发动" + claimants + "名退出领导岗位干部返一线再攻坚";
        }
    }

    /** The county of a node (the city's own: 市直): a join on the few county nodes, read once per statement. */
    private static final String COUNTY = "coalesce(k.county_name, '市直')";
    private static final String COUNTIES = " left join (select name as county_name, path as county_path from org_node "
            + "where kind = 'COUNTY') k on %s.path like k.county_path || '%%'";

    private final JdbcClient jdbc;

    LeadershipFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Figures of(OrgScope scope, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDateTime from = first.atStartOfDay();
        LocalDateTime until = first.plusYears(1).atStartOfDay();
        String sql = "with n as (select county, count(*) as notes, count(distinct person_id) as leaders from "
                + "(select " + COUNTY + " as county, l.person_id from leader_note l join org_node u "
                + "on u.id = l.unit_id" + COUNTIES.formatted("u") + " where l.noted_on between :first and :last and u.path like :scopePath) x "
                + "group by county), "
                + "h as (select county, count(distinct person_id) as leaders, count(distinct township_id) as towns from "
                + "(select " + COUNTY + " as county, h.leaving_person_id as person_id, h.township_id "
                + "from leader_handover h join org_node t on t.id = h.township_id" + COUNTIES.formatted("t")
                + " where h.status = 'DONE' "
                + "and h.completed_at >= :from and h.completed_at < :until and t.path like :scopePath) x group by county), "
                + "tk as (select county, count(*) as tasks, sum(capacity) as places from (select "
                + COUNTY + " as county, t.capacity from frontline_task t join org_node u on u.id = t.node_id"
                + COUNTIES.formatted("u") + " where t.starts_on between :first and :last and u.path like :scopePath) x group by county), "
                + "c as (select county, count(distinct person_id) as claimants, sum(done) as done from (select "
                + COUNTY + " as county, c.person_id, case when c.status = 'DONE' then 1 else 0 end as done "
                + "from frontline_claim c join frontline_task t on t.id = c.task_id join org_node u on u.id = t.node_id"
                + COUNTIES.formatted("u") + " where c.claimed_at >= :from and c.claimed_at < :until and u.path like :scopePath) x group by county), "
                + "names as (select county from n union select county from h union select county from tk "
                + "union select county from c) "
                + "select names.county, coalesce(n.leaders, 0), coalesce(n.notes, 0), coalesce(h.leaders, 0), "
                + "coalesce(h.towns, 0), coalesce(tk.tasks, 0), coalesce(tk.places, 0), coalesce(c.claimants, 0), "
                + "coalesce(c.done, 0) from names left join n on n.county = names.county "
                + "left join h on h.county = names.county left join tk on tk.county = names.county "
                + "left join c on c.county = names.county order by names.county";
        long[] t = new long[9];
        List<CountyLine> lines = jdbc.sql(sql).param("first", first).param("last", last).param("from", from)
                .param("until", until).param("scopePath", scope.pathPattern()).query((rs, i) -> {
                    for (int j = 2; j <= 9; j++) {
                        t[j - 1] += rs.getLong(j);
                    }
                    if (rs.getLong(4) > 0) {
                        t[0]++;
                    }
                    return new CountyLine(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(8));
                }).list();
        // distinct people across counties: a person is counted once city-wide (one more statement each)
        long leaders = jdbc.sql("select count(distinct l.person_id) from leader_note l join org_node u on u.id = l.unit_id "
                        + "where l.noted_on between :first and :last and u.path like :scopePath").param("first", first)
                .param("last", last).param("scopePath", scope.pathPattern()).query(Long.class).single();
        long handoverLeaders = jdbc.sql("select count(distinct h.leaving_person_id) from leader_handover h join org_node t "
                        + "on t.id = h.township_id where h.status = 'DONE' and h.completed_at >= :from "
                        + "and h.completed_at < :until and t.path like :scopePath").param("from", from)
                .param("until", until).param("scopePath", scope.pathPattern()).query(Long.class).single();
        long claimants = jdbc.sql("select count(distinct c.person_id) from frontline_claim c join frontline_task t "
                        + "on t.id = c.task_id join org_node u on u.id = t.node_id where c.claimed_at >= :from "
                        + "and c.claimed_at < :until and u.path like :scopePath").param("from", from)
                .param("until", until).param("scopePath", scope.pathPattern()).query(Long.class).single();
        return new Figures(year, t[2], leaders, handoverLeaders, t[4], t[0], t[5], t[6], claimants, t[8], lines);
    }
}

package cn.zugong.cadre;

import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The 年轻干部 figures of a year inside a scope (ADR 078), read by the part's figures page and the annual review
 * (issue 20). 口径: <b>in pool</b> — entries that passed 预审 by the year's end and had not exited by then;
 * <b>posted</b> — entries with a 试岗 or 实挂 posting overlapping the year; <b>promoted</b> — entries whose person
 * has a 提拔 or 进一步使用 (cadre_appointment, DONE) effective in the year, on or after entering the pool;
 * <b>exited</b> — entries that exited in the year. By county (the county above the person's unit then; the city's
 * own units as 市直) and by 选调生 cohort. One aggregate statement.
 */
@Service
public class YoungCadreFigures {

    public record Line(String name, long inPool, long posted, long promoted, long exited) {
        Line plus(long a, long b, long c, long d) {
            return new Line(name, inPool + a, posted + b, promoted + c, exited + d);
        }
    }

    public record Figures(int year, Line total, List<Line> byCounty, List<Line> byCohort) {
        /** The seed's sentence printed from the data. */
        public String sentence() {
            return year + "年，年轻干部库在库" + total.inPool() + "人，选派" + total.posted()
                    + "名优秀年轻干部到重要岗位压担历练（试岗、实挂），" + total.promoted() + "人提拔或进一步使用，"
                    + total.exited() + "人比选淘汰退出";
        }
    }

    static final String SQL = """
            with f as (
              select coalesce(k.county_name, '市直') as county,
                     c.cohort,
                     case when c.entered_on <= :last and (c.exited_on is null or c.exited_on > :last) then 1 else 0 end
                         as in_pool,
                     case when exists (select 1 from young_posting p where p.cadre_id = c.id and p.starts_on <= :last
                                       and p.ends_on >= :first) then 1 else 0 end as posted,
                     case when exists (select 1 from cadre_appointment a where a.person_id = c.person_id
                                       and a.status = 'DONE' and a.kind in ('PROMOTION', 'FURTHER_USE')
                                       and a.effective_on between :first and :last and a.effective_on >= c.entered_on)
                          then 1 else 0 end as promoted,
                     case when c.exited_on between :first and :last then 1 else 0 end as exited
                from young_cadre c join org_node u on u.id = c.unit_id
                left join (select name as county_name, path as county_path from org_node where kind = 'COUNTY') k
                       on u.path like k.county_path || '%'
               where c.entered_on is not null and c.entered_on <= :last and u.path like :scopePath)
            select county, cohort, sum(in_pool), sum(posted), sum(promoted), sum(exited) from f
             group by county, cohort
            """;

    private final JdbcClient jdbc;

    YoungCadreFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Figures of(OrgScope scope, int year) {
        Map<String, Line> counties = new TreeMap<>();
        Map<Integer, Line> cohorts = new TreeMap<>(java.util.Comparator.reverseOrder());
        Line[] total = {new Line("合计", 0, 0, 0, 0)};
        jdbc.sql(SQL).param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .param("scopePath", scope.pathPattern()).query((rs, i) -> {
                    String county = rs.getString(1);
                    int cohort = rs.getInt(2);
                    boolean noCohort = rs.wasNull();
                    long a = rs.getLong(3), b = rs.getLong(4), c = rs.getLong(5), d = rs.getLong(6);
                    counties.merge(county, new Line(county, a, b, c, d), (x, y) -> x.plus(a, b, c, d));
                    if (!noCohort) {
                        cohorts.merge(cohort, new Line(cohort + "届选调生", a, b, c, d), (x, y) -> x.plus(a, b, c, d));
                    }
                    total[0] = total[0].plus(a, b, c, d);
                    return 0;
                }).list();
        return new Figures(year, total[0], new ArrayList<>(counties.values()), new ArrayList<>(cohorts.values()));
    }
}

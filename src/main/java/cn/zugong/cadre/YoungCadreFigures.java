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
 * own units as 市直, by a CASE over the counties' paths) and by 选调生 cohort. One aggregate statement after reading the
 * counties.
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

    /**
     * The aggregate ({@code %s}: the county CASE): postings and promotions each aggregated once over the year (no
     * per-entry subquery); an entry is promoted when its person's latest 提拔 / 进一步使用 of the year is on or after its entry
     * (the same as "one such appointment on or after the entry").
     */
    static final String SQL = """
            with f as (
              select %s as county,
                     c.cohort,
                     case when c.entered_on <= :last and (c.exited_on is null or c.exited_on > :last) then 1 else 0 end
                         as in_pool,
                     case when ps.cadre_id is not null then 1 else 0 end as posted,
                     case when pr.last_on >= c.entered_on then 1 else 0 end as promoted,
                     case when c.exited_on between :first and :last then 1 else 0 end as exited
                from young_cadre c join org_node u on u.id = c.unit_id
                left join (select distinct p.cadre_id from young_posting p
                            where p.starts_on <= :last and p.ends_on >= :first) ps on ps.cadre_id = c.id
                left join (select a.person_id, max(a.effective_on) as last_on from cadre_appointment a
                            where a.status = 'DONE' and a.kind in ('PROMOTION', 'FURTHER_USE')
                              and a.effective_on between :first and :last group by a.person_id) pr
                       on pr.person_id = c.person_id
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
        // the county of an entry's unit: a CASE over the (few) counties' paths, bound once, not a join on like
        List<String> names = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("first", LocalDate.of(year, 1, 1));
        params.put("last", LocalDate.of(year, 12, 31));
        params.put("scopePath", scope.pathPattern());
        StringBuilder key = new StringBuilder("case");
        jdbc.sql("select name, path from org_node where kind = 'COUNTY' and (path like :scopePath "
                        + "or :path like concat(path, '%')) order by code")
                .param("scopePath", scope.pathPattern()).param("path", scope.path()).query(rs -> {
                    int i = params.size();
                    key.append(" when u.path like :c").append(i).append(" then ").append(names.size());
                    params.put("c" + i, rs.getString(2) + "%");
                    names.add(rs.getString(1));
                });
        String countyCase = names.isEmpty() ? "-1" : key.append(" else -1 end").toString();
        jdbc.sql(SQL.formatted(countyCase)).params(params).query((rs, i) -> {
                    int index = rs.getInt(1);
                    String county = index < 0 ? "市直" : names.get(index);
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

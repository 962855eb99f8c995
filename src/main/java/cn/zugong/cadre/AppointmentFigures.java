package cn.zugong.cadre;

import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 选拔任用 figures of a scope and period (ADR 076), for the figures page and the annual review (issue 20): the
 * appointments made (任职 in the period, status DONE, the target unit in the scope) by kind, by year and by county,
 * and the share from the frontline (the county of a unit found by a CASE over the counties' paths). 口径 of the seed's sentence 「从重大项目和急难险重一线提拔使用或职级晋升干部 86 人，
 * 超过总数的 40%」: people (distinct) with a 提拔, 进一步使用 or 职级晋升 in the period, those of them with at least one
 * such appointment marked 一线, and the second over the first. Whole-table SQL aggregates, three queries and one of the counties.
 */
@Service
public class AppointmentFigures {

    /** One kind: appointments made, of them from the frontline. */
    public record KindLine(AppointmentKind kind, String label, long total, long frontline) {
    }

    /** One year: appointments made by kind, all and from the frontline. */
    public record YearLine(int year, long promotion, long furtherUse, long rankPromotion, long exchange, long total,
                           long frontline) {
    }

    /** One county (市直 for the city's own units): appointments, from the frontline, people and the frontline share. */
    public record CountyLine(String name, long total, long frontline, long people, long frontlinePeople,
                             BigDecimal sharePercent) {
    }

    public record Figures(LocalDate from, LocalDate to, long appointments, long frontlineAppointments, long people,
                          long frontlinePeople, BigDecimal sharePercent, List<KindLine> byKind, List<YearLine> byYear,
                          List<CountyLine> byCounty, String sentence) {
    }

    private static final String BASE = """
            from cadre_appointment a join org_node u on u.id = a.unit_id
            where a.status = 'DONE' and a.effective_on >= :from and a.effective_on <= :to and u.path like :scopePath
            """;
    private static final String USED = "a.kind <> 'EXCHANGE'";

    private final JdbcClient jdbc;

    AppointmentFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Figures of(OrgScope scope, LocalDate from, LocalDate to) {
        Map<String, Object> params = Map.of("from", from, "to", to, "scopePath", scope.pathPattern());
        Map<AppointmentKind, long[]> kinds = new LinkedHashMap<>();
        for (AppointmentKind k : AppointmentKind.values()) {
            kinds.put(k, new long[2]);
        }
        // by year and kind in one pass; the kinds' lines are its sums
        Map<Integer, long[]> years = new java.util.TreeMap<>();
        jdbc.sql("select extract(year from a.effective_on) as y, a.kind, count(*), sum(case when a.frontline then 1 else 0 end) "
                        + BASE + " group by extract(year from a.effective_on), a.kind")
                .params(params).query(rs -> {
                    AppointmentKind k = AppointmentKind.valueOf(rs.getString(2));
                    long[] v = years.computeIfAbsent(rs.getInt(1), y -> new long[6]);
                    v[k.ordinal()] += rs.getLong(3);
                    v[4] += rs.getLong(3);
                    v[5] += rs.getLong(4);
                    kinds.get(k)[0] += rs.getLong(3);
                    kinds.get(k)[1] += rs.getLong(4);
                });
        List<KindLine> byKind = new ArrayList<>();
        long total = 0;
        long frontline = 0;
        for (var e : kinds.entrySet()) {
            byKind.add(new KindLine(e.getKey(), e.getKey().label, e.getValue()[0], e.getValue()[1]));
            total += e.getValue()[0];
            frontline += e.getValue()[1];
        }
        List<YearLine> byYear = new ArrayList<>();
        years.forEach((y, v) -> byYear.add(new YearLine(y, v[0], v[1], v[2], v[3], v[4], v[5])));
        long[] people = jdbc.sql("select count(distinct a.person_id), count(distinct case when a.frontline then a.person_id end) "
                        + BASE + " and " + USED)
                .params(params).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<CountyLine> byCounty = byCounty(scope, params);
        BigDecimal share = percent(people[1], people[0]);
        String sentence = "从重大项目和急难险重一线提拔使用或职级晋升干部 " + people[1] + " 人，占提拔使用或职级晋升干部总数（"
                + people[0] + " 人）的 " + (share == null ? "—" : share.toPlainString() + "%");
        return new Figures(from, to, total, frontline, people[0], people[1], share, byKind, byYear, byCounty, sentence);
    }

    /** A county's name and its smallest code (the order of the lines), its paths' parameters. */
    private record County(String name, String code) {
    }

    /**
     * The lines by county (市直 for the units outside every county), ordered by the county's code. The county of an
     * appointment is picked by a CASE over the (few) counties' paths, bound once, rather than a join on {@code like}
     * to org_node, which made PostgreSQL loop over the tree for every appointment (as CareFigures does).
     */
    private List<CountyLine> byCounty(OrgScope scope, Map<String, Object> base) {
        List<County> counties = new ArrayList<>();
        Map<String, Integer> byName = new LinkedHashMap<>();
        Map<String, Object> params = new java.util.HashMap<>(base);
        StringBuilder key = new StringBuilder("case");
        jdbc.sql("select name, code, path from org_node where kind = 'COUNTY' and (path like :scopePath "
                        + "or :path like concat(path, '%')) order by code")
                .param("scopePath", scope.pathPattern()).param("path", scope.path()).query(rs -> {
                    String name = rs.getString(1);
                    Integer index = byName.get(name);
                    if (index == null) { // counties of one name are one line, as the group by name made them
                        index = counties.size();
                        byName.put(name, index);
                        counties.add(new County(name, rs.getString(2) == null ? "" : rs.getString(2)));
                    }
                    int i = params.size();
                    key.append(" when u.path like :c").append(i).append(" then ").append(index);
                    params.put("c" + i, rs.getString(3) + "%");
                });
        String county = counties.isEmpty() ? "-1" : key.append(" else -1 end").toString();
        List<Object[]> lines = new ArrayList<>();
        // the CASE in a subquery: bound twice (select and group by) PostgreSQL would not see the same expression
        jdbc.sql("select county, count(*), sum(case when frontline then 1 else 0 end), "
                        + "count(distinct case when kind <> 'EXCHANGE' then person_id end), "
                        + "count(distinct case when kind <> 'EXCHANGE' and frontline then person_id end) "
                        + "from (select " + county + " as county, a.kind, a.frontline, a.person_id " + BASE + ") t "
                        + "group by county").params(params)
                .query(rs -> {
                    int c = rs.getInt(1);
                    County k = c < 0 ? new County("市直", "") : counties.get(c);
                    lines.add(new Object[] {k.code(), new CountyLine(k.name(), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), percent(rs.getLong(5), rs.getLong(4)))});
                });
        lines.sort(java.util.Comparator.comparing(l -> (String) l[0]));
        return lines.stream().map(l -> (CountyLine) l[1]).toList();
    }

    /** part / whole in percent with one decimal, null when the whole is 0 (the annual review's source rounds alike). */
    public static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}

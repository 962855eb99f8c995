package cn.zugong.prosperity.internal.joint;

import cn.zugong.prosperity.JointFigures;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@link JointFigures} in five aggregate queries over the committees of the scope founded by the period's end, each
 * placed in the county whose path prefixes its node's (none: 市级). The page, its API and its Excel all read this.
 */
@Service
class JointFiguresService implements JointFigures {

    /**
     * The committees counted, with their county: the one definition every figure below shares. A county's path is
     * the first 16 characters of its nodes' paths (GB/T 2260 codes are fixed-width: /33/3309/330903/), an equality
     * the database can hash — a join by {@code like c.path || '%'} cost 20 times more on PostgreSQL.
     */
    static final int COUNTY_PATH_LENGTH = "/33/3309/330903/".length();
    private static final String COMMITTEES = """
            with jc as (
              select j.id, c.id as county_id from joint_committee j join org_node n on n.id = j.node_id
              left join org_node c on c.kind = 'COUNTY' and c.path = substring(n.path, 1, %d)
              where n.path like :scopePath and j.founded_on <= :to)
            """.formatted(COUNTY_PATH_LENGTH);

    private final JdbcClient jdbc;

    JointFiguresService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A mutable row while the five queries fill it. */
    private static final class Acc {
        long committees;
        long members;
        long pairs;
        long projects;
        long results;
        BigDecimal funds = BigDecimal.ZERO;
        long people;
        BigDecimal income = BigDecimal.ZERO;
    }

    @Override
    public Figures of(OrgScope scope, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new BadRequestException("统计期间：起止日期不正确");
        }
        Map<Long, String> counties = new LinkedHashMap<>();
        jdbc.sql("""
                select c.id, c.name from org_node c where c.kind = 'COUNTY' and (c.path like :scopePath
                  or :path like c.path || '%') order by c.path""")
                .param("scopePath", scope.pathPattern()).param("path", scope.path())
                .query((rs, i) -> counties.put(rs.getLong(1), rs.getString(2))).list();
        Map<Long, Acc> acc = new LinkedHashMap<>();
        counties.keySet().forEach(id -> acc.put(id, new Acc()));
        count(scope, from, to, "select jc.county_id, count(*) from jc group by jc.county_id",
                (a, v) -> a.committees = v, acc);
        count(scope, from, to, "select jc.county_id, count(*) from jc join joint_member m on m.committee_id = jc.id "
                + "group by jc.county_id", (a, v) -> a.members = v, acc);
        count(scope, from, to, "select jc.county_id, count(*) from jc join joint_pair p on p.committee_id = jc.id "
                + "group by jc.county_id", (a, v) -> a.pairs = v, acc);
        count(scope, from, to, "select jc.county_id, count(*) from jc join joint_project p on p.committee_id = jc.id "
                + "where p.starts_on <= :to and (p.ends_on is null or p.ends_on >= :from) group by jc.county_id",
                (a, v) -> a.projects = v, acc);
        jdbc.sql(COMMITTEES + """
                select jc.county_id, count(*), coalesce(sum(r.funds_yuan), 0), coalesce(sum(r.people_served), 0),
                  coalesce(sum(r.income_yuan), 0)
                from jc join joint_project p on p.committee_id = jc.id join joint_result r on r.project_id = p.id
                where r.result_date >= :from and r.result_date <= :to group by jc.county_id""")
                .param("scopePath", scope.pathPattern()).param("from", from).param("to", to)
                .query((rs, i) -> {
                    Acc a = acc.computeIfAbsent(county(rs.getObject(1)), k -> new Acc());
                    a.results = rs.getLong(2);
                    a.funds = rs.getBigDecimal(3);
                    a.people = rs.getLong(4);
                    a.income = rs.getBigDecimal(5);
                    return a;
                }).list();
        List<Row> rows = new ArrayList<>();
        Acc total = new Acc();
        acc.forEach((county, a) -> {
            rows.add(row(county == 0 ? null : county, county == 0 ? "市级" : counties.getOrDefault(county, "—"), a));
            total.committees += a.committees;
            total.members += a.members;
            total.pairs += a.pairs;
            total.projects += a.projects;
            total.results += a.results;
            total.funds = total.funds.add(a.funds);
            total.people += a.people;
            total.income = total.income.add(a.income);
        });
        return new Figures(from, to, row(null, "合计", total), rows);
    }

    private static long county(Object id) {
        return id == null ? 0L : ((Number) id).longValue();
    }

    private static Row row(Long county, String name, Acc a) {
        return new Row(county, name, a.committees, a.members, a.pairs, a.projects, a.results, a.funds, a.people,
                a.income);
    }

    private void count(OrgScope scope, LocalDate from, LocalDate to, String select,
                       java.util.function.ObjLongConsumer<Acc> set, Map<Long, Acc> acc) {
        var spec = jdbc.sql(COMMITTEES + select).param("scopePath", scope.pathPattern()).param("to", to);
        if (select.contains(":from")) {
            spec = spec.param("from", from);
        }
        spec.query((rs, i) -> {
            set.accept(acc.computeIfAbsent(county(rs.getObject(1)), k -> new Acc()), rs.getLong(2));
            return 0;
        }).list();
    }
}

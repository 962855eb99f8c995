package cn.zugong.indicator.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.PackId;
import cn.zugong.org.OrgTree;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default pack on the Zhoushan demo city: a believable mix of colours (never all red, never all
 * green), and every roll-up equal to the sums over the units under it.
 */
@IntegrationTest
class DemoHealthCheckIT {

    @Autowired Evaluations evaluations;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;

    @Test
    void zhoushanShowsAMixOfColoursAndRollUpsAdd() {
        var city = tree.byCode("3309").orElseThrow().asScope();
        Evaluation e = evaluations.evaluate(LocalDate.of(2026, 11, 1), new PackId("healthcheck", 1), city, "tester");
        assertThat(e.unitCount()).isGreaterThanOrEqualTo(241);

        Map<String, Long> colours = new TreeMap<>();
        jdbc.sql("""
                        select coalesce(colour, 'NONE'), count(*) from indicator_result
                        where evaluation_id = :e and rollup = false group by colour
                        """).param("e", e.id())
                .query(rs -> {
                    colours.put(rs.getString(1), rs.getLong(2));
                });
        long total = colours.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("demo colours " + colours + " of " + total);
        assertThat(colours.keySet()).contains("RED", "YELLOW", "BLUE", "GREEN");
        assertThat(colours.get("GREEN")).isBetween(total / 2, total * 9 / 10);
        // red is rare on a plausible workforce (about 2% since the legends were revised in issue 15), never absent
        assertThat(colours.get("RED")).isBetween(total / 100, total / 20);

        // the city-level value of a key indicator is neither all red nor all green across units
        for (String code : List.of("A0102", "A0301", "B0101", "B0403", "C0101", "C0201")) {
            List<String> unitColours = jdbc.sql("""
                            select distinct colour from indicator_result
                            where evaluation_id = :e and indicator_code = :c and rollup = false and colour is not null
                            """).param("e", e.id()).param("c", code).query(String.class).list();
            assertThat(unitColours).as(code).hasSizeGreaterThanOrEqualTo(3);
        }

        // every roll-up node's numerator and denominator are the sums over the units below it
        List<Map<String, Object>> wrong = jdbc.sql("""
                        select r.node_id, r.indicator_code, r.numerator, r.denominator,
                               (select sum(u.numerator) from indicator_result u join org_node un on un.id = u.node_id
                                where u.evaluation_id = r.evaluation_id and u.rollup = false
                                  and u.indicator_code = r.indicator_code and un.path like n.path || '%') as num,
                               (select sum(u.denominator) from indicator_result u join org_node un on un.id = u.node_id
                                where u.evaluation_id = r.evaluation_id and u.rollup = false
                                  and u.indicator_code = r.indicator_code and un.path like n.path || '%') as den
                        from indicator_result r join org_node n on n.id = r.node_id
                        where r.evaluation_id = :e and r.rollup = true
                          and r.indicator_code in ('A0102', 'A0113', 'B0101', 'B0203', 'C0103', 'C0201')
                        """).param("e", e.id()).query().listOfRows().stream()
                .filter(row -> !close(row.get("numerator"), row.get("num"))
                        || !close(row.get("denominator"), row.get("den"))).toList();
        assertThat(wrong).isEmpty();
        long rollups = jdbc.sql("select count(distinct node_id) from indicator_result where evaluation_id = :e and rollup")
                .param("e", e.id()).query(Long.class).single();
        long divisionsWithUnits = jdbc.sql("""
                        select count(*) from org_node d
                        where d.path like '/33/3309/%' and d.kind in ('CITY', 'COUNTY', 'TOWNSHIP')
                          and exists (select 1 from indicator_result u join org_node un on un.id = u.node_id
                                      where u.evaluation_id = :e and u.rollup = false and un.path like d.path || '%')
                        """).param("e", e.id()).query(Long.class).single();
        // the city, its 4 counties and 36 townships, and any test township other tests added with a unit that has
        // people on the evaluation's day (a fixture's unit without any has no result, so its township no roll-up)
        assertThat(rollups).isEqualTo(divisionsWithUnits).isGreaterThanOrEqualTo(41);
    }

    private static boolean close(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Math.abs(((Number) a).doubleValue() - ((Number) b).doubleValue()) < 0.01;
    }
}

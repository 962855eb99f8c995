package cn.zugong.cadre.frontline;

import cn.zugong.people.ChangeKind;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterChange;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.IdNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Own fixtures of the 一线考察 tests: people written through the roster's path into units of the demo's org tree
 * (定海区, 普陀区 and the city's own), with a per-run tag in their names so the tests may run again on the same
 * PostgreSQL database.
 */
final class FrontlineFixture {

    static final String RUN = Long.toString(System.nanoTime() % 2_000_000_000L, 36);
    private static final SplittableRandom RANDOM = new SplittableRandom(System.nanoTime());
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;
    private final RosterWriter roster;

    FrontlineFixture(JdbcClient jdbc, RosterWriter roster) {
        this.jdbc = jdbc;
        this.roster = roster;
    }

    long nodeId(String code) {
        return jdbc.sql("select id from org_node where code = :c").param("c", code).query(Long.class).single();
    }

    /** The first unit (kind UNIT) whose code starts with {@code prefix}, the city's own with "3309U". */
    long unit(String prefix) {
        return jdbc.sql("select id from org_node where kind = 'UNIT' and code like :p order by code limit 1")
                .param("p", prefix + "%").query(Long.class).single();
    }

    /** A person of the unit on the roster; returns the person's id. */
    long person(long unitId, String name) {
        String full = name + RUN + SEQ.incrementAndGet();
        for (int attempt = 0; ; attempt++) {
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(RANDOM.nextInt(12_000));
            String id = IdNumbers.of("330902", birth, 1 + RANDOM.nextInt(490));
            try {
                roster.save(List.of(new PersonRow(null, unitId, full, "男", birth, id, null, "汉族", "中共党员", "大学本科",
                        "学士", null, null, "经济管理类", "公务员", "一级主任科员", LocalDate.of(2020, 1, 1), null, null,
                        LocalDate.of(1995, 7, 1), LocalDate.of(1997, 7, 1), "考录", null, Map.of(), Map.of(),
                        List.of(), List.of())), new RosterChange(LocalDate.of(2026, 1, 1), ChangeKind.IMPORT, "一线考察测试"));
                break;
            } catch (org.springframework.dao.DataIntegrityViolationException | cn.zugong.shared.BadRequestException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
        return jdbc.sql("select id from person where name = :n").param("n", full).query(Long.class).single();
    }

    List<Long> people(long unitId, String name, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(person(unitId, name));
        }
        return out;
    }

    long count(String sql, Object... args) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < args.length; i++) {
            spec = spec.param(i + 1, args[i]);
        }
        return spec.query(Long.class).single();
    }
}

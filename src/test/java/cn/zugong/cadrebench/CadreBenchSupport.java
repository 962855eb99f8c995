package cn.zugong.cadrebench;

import cn.zugong.HttpBenchSupport;
import cn.zugong.people.ChangeKind;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterChange;
import cn.zugong.people.RosterVocabulary;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.IdNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every part of {@code bench/run.sh cadre} (issue 19, ADR 074) shares: the base set — the demo city's units
 * topped up to {@link #PEOPLE} people on the roster through the roster's own write path, each with five years
 * ({@link #FIRST_YEAR}–{@link #LAST_YEAR}) of 年度考核 results and training hours — and the real-HTTP measuring of
 * {@link HttpBenchSupport}. A part is a test class named {@code *CadreBench}, tagged "bench", extending this class;
 * it writes its own five years of records with SQL once (it checks whether they are there), measures its figures
 * routes over real HTTP, compares their totals with a recount it writes by hand in SQL, and prints one line starting
 * with {@code cadre-part } (see {@link #part}), which bench/run.sh gathers into the closing {@code cadre } line.
 */
public abstract class CadreBenchSupport extends HttpBenchSupport {

    public static final int PEOPLE = Integer.getInteger("bench.people", 100_000);
    public static final int FIRST_YEAR = 2022;
    public static final int LAST_YEAR = 2026;
    static final String BENCH_REGION = "330997";

    @Autowired protected JdbcTemplate jdbc;
    @Autowired RosterWriter roster;

    /** A unit of the demo city (kind UNIT) with its county (null for the city's own units). */
    public record Unit(long unitId, String path) {
    }

    /** The base: the city's units and the ids of all people on their roster (demo and bench). */
    public record Base(List<Unit> units, long[] personIds) {
    }

    /** The city's units and at least {@link #PEOPLE} people among them. */
    protected Base base() {
        List<Unit> units = jdbc.query("select id, path from org_node where kind = 'UNIT' and code like '3309%' "
                + "order by code", (rs, i) -> new Unit(rs.getLong(1), rs.getString(2)));
        if (units.isEmpty()) {
            throw new IllegalStateException("the demo city's units are missing");
        }
        long have = jdbc.queryForObject("select count(*) from person p join org_node u on u.id = p.unit_id "
                + "where u.code like '3309%'", Long.class);
        if (have < PEOPLE) {
            topUp(units, (int) (PEOPLE - have));
        }
        long[] ids = jdbc.queryForList("select p.id from person p join org_node u on u.id = p.unit_id "
                + "where u.code like '3309%' order by p.id", Long.class).stream().mapToLong(Long::longValue).toArray();
        return new Base(units, ids);
    }

    /** People spread over the units, written through {@link RosterWriter} (history, encrypted fields, index). */
    private void topUp(List<Unit> units, int missing) {
        SplittableRandom r = new SplittableRandom(19);
        long offset = jdbc.queryForObject("select count(*) from person", Long.class);
        RosterChange hire = new RosterChange(LocalDate.of(FIRST_YEAR, 1, 1), ChangeKind.IMPORT, "压测基础数据");
        List<PersonRow> chunk = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
            long n = offset + i;
            LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(n % 12_000);
            int seq = (int) (n / 12_000) % 499;
            boolean male = r.nextDouble() < 0.6;
            int age = LAST_YEAR - birth.getYear();
            String rank = RosterVocabulary.RANKS.get(Math.min(11, Math.max(2, 13 - age / 4)));
            Map<Integer, String> assessments = new LinkedHashMap<>();
            Map<Integer, BigDecimal> hours = new LinkedHashMap<>();
            for (int year = FIRST_YEAR; year <= LAST_YEAR - 1; year++) {
                double x = r.nextDouble();
                assessments.put(year, x < 0.18 ? "优秀" : x < 0.97 ? "称职" : x < 0.99 ? "基本称职" : "不确定等次");
            }
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                hours.put(year, BigDecimal.valueOf(40 + r.nextInt(80)));
            }
            LocalDate start = birth.plusYears(22 + r.nextInt(4));
            chunk.add(new PersonRow(null, units.get(i % units.size()).unitId(), "压测干部" + n, male ? "男" : "女", birth,
                    IdNumbers.of(BENCH_REGION, birth, male ? 2 * seq + 1 : 2 * seq + 2), null, "汉族", "中共党员",
                    "大学本科", "学士", null, null, "经济管理类", "公务员", rank, start.plusYears(Math.max(1, age / 5)),
                    null, null, start, start.plusYears(2), "考录", null, assessments, hours, List.of(), List.of()));
            if (chunk.size() == 2_000) {
                roster.save(chunk, hire);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            roster.save(chunk, hire);
        }
    }

    /** Prints the part's line: {@code cadre-part <name> <key=value …>}. */
    protected static void part(String name, String figures) {
        System.out.println("cadre-part " + name + " " + figures);
    }
}

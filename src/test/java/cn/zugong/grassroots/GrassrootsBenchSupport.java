package cn.zugong.grassroots;

import cn.zugong.HttpBenchSupport;
import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.IdNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every part of {@code bench/run.sh grassroots} (issue 18) shares: the base set — the demo city's village
 * party organisations topped up to {@link #MEMBERS} party members through the roster's own write path — and the
 * real-HTTP measuring of {@link HttpBenchSupport}. A part is
 * a test class named {@code *GrassrootsBench}, tagged "bench", extending this class; it generates its own rows with
 * SQL (once: it checks whether they are there), measures its figures routes, compares their totals with a recount
 * it writes by hand in SQL, and prints one line starting with {@code grassroots-part } (see {@link #part}), which
 * bench/run.sh gathers into the closing {@code grassroots } line.
 */
public abstract class GrassrootsBenchSupport extends HttpBenchSupport {

    public static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    static final String BENCH_REGION = "330998";

    @Autowired protected JdbcTemplate jdbc;
    @Autowired RosterWriter roster;

    /** A village of the demo city with its party organisation (the branch whose members it has). */
    public record Village(long villageId, String code, long branchId, long countyId) {
    }

    /** The base: the city's villages with a branch, and the ids of all their party members (demo and bench). */
    public record Base(List<Village> villages, long[] memberIds) {
    }

    /** The city's villages (with their branch) and at least {@link #MEMBERS} party members among them. */
    protected Base base() {
        List<Village> villages = jdbc.query("""
                select v.id, v.code, b.id as branch_id, c.id as county_id
                from org_node v join org_node b on b.parent_id = v.id and b.kind = 'PARTY_ORG'
                join org_node t on t.id = v.parent_id join org_node c on c.id = t.parent_id
                where v.kind = 'VILLAGE' and v.code like '3309%' order by v.code""",
                (rs, i) -> new Village(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        if (villages.isEmpty()) {
            throw new IllegalStateException("the demo city's village party organisations are missing");
        }
        Long[] branches = villages.stream().map(Village::branchId).toArray(Long[]::new);
        String in = String.join(",", Arrays.stream(branches).map(String::valueOf).toList());
        long have = jdbc.queryForObject("select count(*) from party_member where branch_id in (" + in + ")", Long.class);
        if (have < MEMBERS) {
            topUp(villages, (int) (MEMBERS - have));
        }
        long[] ids = jdbc.queryForList("select id from party_member where branch_id in (" + in + ") order by id",
                Long.class).stream().mapToLong(Long::longValue).toArray();
        return new Base(villages, ids);
    }

    /** Members spread evenly over the villages, written through {@link RosterWriter} (encrypted fields, index). */
    private void topUp(List<Village> villages, int missing) {
        SplittableRandom r = new SplittableRandom(18);
        LocalDate first = LocalDate.of(1950, 1, 1);
        List<PartyMemberRow> chunk = new ArrayList<>();
        long offset = jdbc.queryForObject("select count(*) from party_member where id_number_idx is not null", Long.class);
        for (int i = 0; i < missing; i++) {
            long n = offset + i;
            LocalDate birth = first.plusDays(n % 20_000);
            int seq = (int) (n / 20_000) % 499;
            boolean male = r.nextDouble() < 0.7;
            Village v = villages.get(i % villages.size());
            chunk.add(new PartyMemberRow(v.branchId(), null, "测试党员" + n, male ? "男" : "女", birth,
                    IdNumbers.of(BENCH_REGION, birth, male ? 2 * seq + 1 : 2 * seq + 2), null,
                    birth.plusYears(25), "正式党员", r.nextDouble() < 0.13, null));
            if (chunk.size() == 5_000) {
                roster.addPartyMembers(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            roster.addPartyMembers(chunk);
        }
    }

    /** Prints the part's line: {@code grassroots-part <name> <key=value …>}. */
    protected static void part(String name, String figures) {
        System.out.println("grassroots-part " + name + " " + figures);
    }
}

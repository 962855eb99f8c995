package cn.zugong.party.checkin;

import cn.zugong.IntegrationTest;
import cn.zugong.party.CheckinRecords;
import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Own fixtures of the 党员报到 tests: party members written through the roster's path (encrypted ID numbers), their
 * own PARTY_MEMBER accounts, and (for the figures) a township of two villages of its own with an island of its own,
 * so nothing depends on the demo's rows but the org tree and its accounts. Names carry a per-run tag: the tests may
 * run again on the same PostgreSQL database.
 */
final class CheckinFixture {

    static final String RUN = Long.toString(System.nanoTime() % 2_000_000_000L, 36);
    private static final SplittableRandom RANDOM = new SplittableRandom(System.nanoTime());
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;
    private final RosterWriter roster;
    private final Accounts accounts;
    private final CheckinRecords records;

    CheckinFixture(JdbcClient jdbc, RosterWriter roster, Accounts accounts, CheckinRecords records) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.accounts = accounts;
        this.records = records;
    }

    long nodeId(String code) {
        return jdbc.sql("select id from org_node where code = :c").param("c", code).query(Long.class).single();
    }

    /** A party member of the branch whose ID number starts with {@code region6}. */
    long member(long branchId, String region6, String name) {
        String full = name + RUN + SEQ.incrementAndGet();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(RANDOM.nextInt(12_000));
        for (int attempt = 0; ; attempt++) {
            LocalDate born = birth.plusDays(attempt);
            String id = IdNumbers.of(region6, born, 1 + RANDOM.nextInt(990));
            try {
                roster.addPartyMembers(List.of(new PartyMemberRow(branchId, null, full, "男", born, id, null,
                        born.plusYears(25), "正式党员", false, null)));
                break;
            } catch (org.springframework.dao.DuplicateKeyException e) {
                if (attempt > 20) {
                    throw e; // the ID number is taken by somebody else: try the next day
                }
            }
        }
        return jdbc.sql("select id from party_member where name = :n").param("n", full).query(Long.class).single();
    }

    /** A PARTY_MEMBER account of its own for the member (password {@link IntegrationTest#PASSWORD}). */
    String account(long memberId, long scopeNodeId) {
        String username = "cm" + RUN + "x" + memberId;
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "党员" + memberId, Role.PARTY_MEMBER,
                scopeNodeId));
        records.linkAccount(memberId, username);
        return username;
    }

    String officeAccount(Role role, long scopeNodeId) {
        String username = "co" + RUN + "x" + SEQ.incrementAndGet();
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "报到测试", role, scopeNodeId));
        return username;
    }

    /** A node under a parent (with the parent's path), and a 党支部 under it when it is a village. */
    long node(String parentCode, String kind, String code, String name) {
        var parent = jdbc.sql("select id, path, depth from org_node where code = :c").param("c", parentCode).query()
                .singleRow();
        jdbc.sql("insert into org_node (parent_id, kind, code, name, path, depth, sort_order) values (:p, :k, :c, :n, "
                        + ":path, :d, 0)").param("p", parent.get("id")).param("k", kind).param("c", code).param("n", name)
                .param("path", parent.get("path") + code + "/").param("d", ((Number) parent.get("depth")).intValue() + 1)
                .update();
        long id = nodeId(code);
        if (kind.equals("PARTY_ORG")) {
            jdbc.sql("insert into party_org (node_id, org_type, sector) values (:id, '党支部', 'VILLAGE')").param("id", id).update();
        }
        return id;
    }

    /** An island of its own (remote) with the given villages on it. */
    long island(long countyId, String name, long... villages) {
        String code = "T" + RUN + SEQ.incrementAndGet();
        jdbc.sql("insert into island (code, name, county_id, remote, sort_order) values (:c, :n, :county, true, 999)")
                .param("c", code).param("n", name).param("county", countyId).update();
        long id = jdbc.sql("select id from island where code = :c").param("c", code).query(Long.class).single();
        for (long v : villages) {
            jdbc.sql("insert into island_village (village_id, island_id) values (:v, :i)").param("v", v).param("i", id)
                    .update();
        }
        return id;
    }
}

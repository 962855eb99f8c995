package cn.zugong.cadre.training;

import cn.zugong.IntegrationTest;
import cn.zugong.org.Division;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.ChangeKind;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterChange;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Own fixtures of the training and research tests (ADR 079): a township of its own under 定海区 (330902) with a
 * unit, people written through the roster's path (hired 2026-01-01, with the year's training hours when given) and
 * accounts scoped to that township, so the figures of the township hold only the test's rows. Codes and names carry
 * a per-run tag: the tests may run again on the same PostgreSQL database.
 */
public final class CadreFixture {

    public static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final SplittableRandom RANDOM = new SplittableRandom(System.nanoTime());
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final OrgBuilder org;
    private final OrgTree tree;
    private final RosterWriter roster;
    private final Accounts accounts;

    public CadreFixture(OrgBuilder org, OrgTree tree, RosterWriter roster, Accounts accounts) {
        this.org = org;
        this.tree = tree;
        this.roster = roster;
        this.accounts = accounts;
    }

    /** A township of its own under 定海区 with one unit; returns the unit's id (the township is its parent). */
    public Township township(String name) {
        String code = "330902Q" + RUN + SEQ.incrementAndGet();
        org.addDivisions(List.of(new Division(code, name + RUN + "街道", "township", "330902")));
        org.addUnits(List.of(new NewUnit(code, code + "U", name + RUN + "办", 1, "政府部门", "乡镇", 20, List.of())));
        return new Township(tree.byCode(code).orElseThrow().id(), tree.byCode(code + "U").orElseThrow().id(), code);
    }

    public record Township(long id, long unitId, String code) {
    }

    /** A person of the unit, in service since 2026-01-01, with {@code hours2026} training hours (null: none). */
    public long person(long unitId, String name, String postLevel, BigDecimal hours2026) {
        for (int attempt = 0; ; attempt++) {
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(RANDOM.nextInt(9_000));
            PersonRow row = new PersonRow(null, unitId, name + RUN + SEQ.incrementAndGet(), "男", birth,
                    IdNumbers.of("330902", birth, 1 + RANDOM.nextInt(499) * 2), null, "汉族", "中共党员", "大学本科", "学士",
                    null, null, "经济管理类", "公务员", postLevel == null ? "一级主任科员" : "一级调研员", null, postLevel,
                    postLevel == null ? null : LocalDate.of(2020, 1, 1), LocalDate.of(1995, 8, 1),
                    LocalDate.of(2015, 1, 1), "考录", null, Map.of(),
                    hours2026 == null ? Map.of() : Map.of(2026, hours2026), List.of(), List.of());
            try {
                return roster.save(List.of(row), new RosterChange(LocalDate.of(2026, 1, 1), ChangeKind.IMPORT, "测试"))
                        .get(0).id();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    /** An account of the role scoped to the node (password {@link IntegrationTest#PASSWORD}). */
    public String account(Role role, long nodeId) {
        String username = "ct" + RUN + "x" + SEQ.incrementAndGet();
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "培训测试", role, nodeId));
        return username;
    }
}

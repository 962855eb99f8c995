package cn.zugong.cadre.young;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Own fixtures of the young-cadre and leaders tests (issue 19, ADR 078): a township of 定海区 of its own with a unit,
 * hand-made people written through the roster's path, a former leader (a post, then none, in the roster's history)
 * and accounts scoped to the township. Codes and names carry a per-run tag: the tests may run again on PostgreSQL.
 */
public final class YoungFixture {

    public static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final SplittableRandom RANDOM = new SplittableRandom(System.nanoTime());
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;
    private final RosterWriter roster;
    private final Accounts accounts;
    private final OrgBuilder org;
    private final OrgTree tree;

    public YoungFixture(JdbcClient jdbc, RosterWriter roster, Accounts accounts, OrgBuilder org, OrgTree tree) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.accounts = accounts;
        this.org = org;
        this.tree = tree;
    }

    /** A township of 定海区 of its own with one unit; returns {township id, unit id}. */
    public long[] township(String name) {
        String code = "330902Y" + RUN + SEQ.incrementAndGet();
        org.addDivisions(List.of(new Division(code, name + RUN + "镇", "township", "330902")));
        org.addUnits(List.of(new NewUnit(code, code + "U", name + RUN + "镇政府", 1, "政府部门", "乡镇", 20, List.of())));
        return new long[] {tree.byCode(code).orElseThrow().id(), tree.byCode(code + "U").orElseThrow().id()};
    }

    /** A person of the unit written through the roster (hired 2020-01-01 in the roster's history). */
    public long person(long unitId, String name, LocalDate birth, String education, String rank, String post,
                       LocalDate workStart) {
        for (int attempt = 0; ; attempt++) {
            String id = IdNumbers.of("330902", birth, 1 + RANDOM.nextInt(990));
            try {
                PersonRow row = new PersonRow(null, unitId, name + RUN, "男", birth, id, null, "汉族", "中共党员",
                        education, null, null, null, "经济管理类", "公务员", rank, workStart, post,
                        post == null ? null : LocalDate.of(2020, 1, 1), workStart, workStart, "考录", null, Map.of(),
                        Map.of(), List.of(), List.of());
                return roster.save(List.of(row), new RosterChange(LocalDate.of(2020, 1, 1), ChangeKind.IMPORT, "测试"))
                        .get(0).id();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    /** A former leader: holds {@code post} from 2020, none from 2025-06-01 (a 职务变动 in the roster's history). */
    public long former(long unitId, String name, String post) {
        long id = person(unitId, name, LocalDate.of(1968, 5, 1), "大学本科", "二级调研员", post, LocalDate.of(1990, 7, 1));
        roster.change(id, new RosterChange(LocalDate.of(2025, 6, 1), ChangeKind.POST, "退出领导岗位"), r -> new PersonRow(
                r.id(), r.unitId(), r.name(), r.gender(), r.birthDate(), r.idNumber(), r.phone(), r.ethnicity(),
                r.politicalStatus(), r.ftEducation(), r.ftDegree(), r.isEducation(), r.isDegree(), r.majorCategory(),
                r.staffKind(), r.rankLevel(), r.rankSince(), null, null, r.workStartDate(), r.joinedUnitDate(),
                r.source(), r.probationEnd(), r.assessments(), r.trainingHours(), r.rewards(), r.disciplines()));
        return id;
    }

    public String account(Role role, long scopeNodeId) {
        String username = "yc" + RUN + "x" + SEQ.incrementAndGet();
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "年轻干部测试", role, scopeNodeId));
        return username;
    }

    public String status(long cadreId) {
        return jdbc.sql("select status from young_cadre where id = :id").param("id", cadreId).query(String.class)
                .single();
    }
}

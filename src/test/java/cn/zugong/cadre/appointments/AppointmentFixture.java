package cn.zugong.cadre.appointments;

import cn.zugong.org.Division;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.ChangeKind;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterChange;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.IdNumbers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Own fixtures of the appointment tests: a township of 定海区 with two units (甲局, 乙局) made per run (codes and names
 * carry a run tag, so the tests may run again on the same PostgreSQL database), and people written through the
 * roster's path with their history from 2015.
 */
final class AppointmentFixture {

    static final String RUN = Long.toString(System.nanoTime() % 46_000L, 36).toUpperCase();
    private static final SplittableRandom RANDOM = new SplittableRandom(System.nanoTime());
    private static final AtomicInteger SEQ = new AtomicInteger();
    static final LocalDate SINCE = LocalDate.of(2015, 3, 1);

    final String township;
    final long a;
    final long b;
    final long townshipId;

    AppointmentFixture(OrgBuilder org, OrgTree tree, String suffix) {
        township = "330902R" + RUN + suffix;
        if (tree.byCode(township).isEmpty()) {
            org.addDivisions(List.of(new Division(township, "任用测试" + RUN + suffix + "街道", "township", "330902")));
            org.addUnits(List.of(new NewUnit(township, township + "A", "任用" + RUN + suffix + "甲局", 1, "政府部门", "县直", 10, List.of()),
                    new NewUnit(township, township + "B", "任用" + RUN + suffix + "乙局", 2, "政府部门", "县直", 10, List.of())));
        }
        a = tree.byCode(township + "A").orElseThrow().id();
        b = tree.byCode(township + "B").orElseThrow().id();
        townshipId = tree.byCode(township).orElseThrow().id();
    }

    /** A person of {@code unit} since 2015 with the given rank and post level, rewards and assessments. */
    static long person(RosterWriter roster, long unit, String name, String rank, String post,
                       Map<Integer, String> assessments, List<PersonRow.YearNote> rewards) {
        for (int attempt = 0; ; attempt++) {
            LocalDate birth = LocalDate.of(1982, 4, 15).plusDays(RANDOM.nextInt(300));
            String id = IdNumbers.of("330902", birth, 1 + RANDOM.nextInt(990));
            PersonRow row = new PersonRow(null, unit, name + RUN + SEQ.incrementAndGet(), "男", birth, id, null, "汉族",
                    "中共党员", "大学本科", "学士", "研究生", "硕士", "法学类", "公务员", rank, SINCE, post,
                    post == null ? null : SINCE, LocalDate.of(2004, 7, 1), SINCE, "考录", null, assessments, Map.of(),
                    rewards, List.of());
            try {
                return roster.save(List.of(row), new RosterChange(SINCE, ChangeKind.IMPORT, "测试夹具")).get(0).id();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }
}

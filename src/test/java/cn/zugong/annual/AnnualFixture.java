package cn.zugong.annual;

import cn.zugong.IntegrationTest;
import cn.zugong.deliberation.DeliberationHistory;
import cn.zugong.org.Division;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The annual review tests' own city (under the province, not the demo's 舟山): two districts A and B, a township and
 * villages in each, 三事分流 matters on fixed dates and accounts scoped to the city and the districts. Codes and
 * names carry a per-run tag: the tests may run again on the same PostgreSQL database.
 */
final class AnnualFixture {

    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final AtomicInteger SEQ = new AtomicInteger();

    final OrgNode city;
    final OrgNode districtA;
    final OrgNode districtB;
    final OrgNode villageA1;
    final OrgNode villageA2;
    final OrgNode villageB;
    final String cityAdmin;
    final String aAdmin;
    final String aReviewer;
    final String aLeader;
    final String bAdmin;
    final String aCadre;

    private final DeliberationHistory history;

    AnnualFixture(OrgBuilder org, OrgTree tree, Accounts accounts, DeliberationHistory history) {
        this.history = history;
        String c = "33A" + RUN;
        org.addDivisions(List.of(new Division(c, "回顾测试市" + RUN, "city", "33"),
                new Division(c + "01", "甲区" + RUN, "county", c), new Division(c + "02", "乙区" + RUN, "county", c),
                new Division(c + "01001", "甲街道" + RUN, "township", c + "01"),
                new Division(c + "02001", "乙街道" + RUN, "township", c + "02"),
                new Division(c + "01001001", "甲一社区" + RUN, "village", c + "01001"),
                new Division(c + "01001002", "甲二社区" + RUN, "village", c + "01001"),
                new Division(c + "02001001", "乙一社区" + RUN, "village", c + "02001")));
        city = tree.byCode(c).orElseThrow();
        districtA = tree.byCode(c + "01").orElseThrow();
        districtB = tree.byCode(c + "02").orElseThrow();
        villageA1 = tree.byCode(c + "01001001").orElseThrow();
        villageA2 = tree.byCode(c + "01001002").orElseThrow();
        villageB = tree.byCode(c + "02001001").orElseThrow();
        cityAdmin = account(accounts, Role.ADMIN, city);
        aAdmin = account(accounts, Role.ADMIN, districtA);
        aReviewer = account(accounts, Role.REVIEWER, districtA);
        aLeader = account(accounts, Role.LEADER, districtA);
        bAdmin = account(accounts, Role.ADMIN, districtB);
        aCadre = account(accounts, Role.CADRE, districtA);
        // 2025 in district A: Dec 31 counted, Jan 1 2026 not; two in 2024 (the previous year); five in B
        matter(villageA1, LocalDate.of(2025, 12, 31));
        matter(villageA1, LocalDate.of(2025, 6, 1));
        matter(villageA1, LocalDate.of(2025, 6, 1));
        matter(villageA1, LocalDate.of(2026, 1, 1));
        matter(villageA2, LocalDate.of(2025, 1, 1));
        matter(villageA1, LocalDate.of(2024, 12, 31));
        matter(villageA2, LocalDate.of(2024, 3, 3));
        for (int i = 0; i < 5; i++) {
            matter(villageB, LocalDate.of(2025, 5, 5));
        }
    }

    long matter(OrgNode village, LocalDate raisedOn) {
        return history.register(new DeliberationHistory.Registered(village.id(), "议事事项" + SEQ.incrementAndGet(),
                "测试", "陈秀兰", null, "第1网格", raisedOn, null, "annual-test", raisedOn.atTime(9, 0)));
    }

    static CurrentUser user(Role role, OrgNode node) {
        return new CurrentUser(0, "annual-test", "回顾测试", role, node.asScope(), node.name());
    }

    private static String account(Accounts accounts, Role role, OrgNode node) {
        String username = "an" + RUN + "x" + SEQ.incrementAndGet();
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "回顾测试", role, node.id()));
        return username;
    }

    static LocalDateTime at(int year) {
        return LocalDateTime.of(year, 1, 1, 0, 0);
    }
}

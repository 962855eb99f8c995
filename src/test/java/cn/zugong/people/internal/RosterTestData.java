package cn.zugong.people.internal;

import cn.zugong.IntegrationTest;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.Role;
import java.util.List;

/**
 * Units and accounts of the Excel tests, created once per shared context through public APIs and
 * named so they never clash with the demo data (accounts "xl-…", unit codes "3309…X…").
 */
final class RosterTestData {

    static final String ADMIN = "xl-dinghai";
    static final String REPORTER = "xl-reporter";
    static final String LEADER = "xl-leader";
    static final String UNIT = "330902X01";
    static final String UNIT_2 = "330902X02";
    static final String BIG_UNIT = "330902X09";
    static final String PUTUO_UNIT = "330903X01";

    private RosterTestData() {
    }

    static synchronized void ensure(OrgBuilder builder, OrgTree tree, Accounts accounts) {
        if (accounts.exists(ADMIN)) {
            return;
        }
        builder.addUnits(List.of(
                unit("330902", UNIT, "定海区测试局（导入）"),
                unit("330902", UNIT_2, "定海区测试办（导入）"),
                unit("330902", BIG_UNIT, "定海区测试中心（万人导入）"),
                unit("330903", PUTUO_UNIT, "普陀区测试局（导入）")));
        long dinghai = node(tree, "330902").id();
        accounts.create(new NewAccount(ADMIN, IntegrationTest.PASSWORD, "定海测试管理员", Role.ADMIN, dinghai));
        accounts.create(new NewAccount(REPORTER, IntegrationTest.PASSWORD, "定海测试填报员", Role.REPORTER, dinghai));
        accounts.create(new NewAccount(LEADER, IntegrationTest.PASSWORD, "定海测试领导", Role.LEADER, dinghai));
    }

    static OrgNode node(OrgTree tree, String code) {
        return tree.byCode(code).orElseThrow();
    }

    private static NewUnit unit(String parent, String code, String name) {
        return new NewUnit(parent, code, name, 900, "行政机关", "县直", 50, List.of());
    }
}

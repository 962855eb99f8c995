package cn.zugong.demo.internal;

import cn.zugong.shared.Role;
import java.util.List;

/** The demo accounts; {@code scopeCode} is the code of the node each one is scoped to. */
record DemoAccounts(String username, String displayName, Role role, String scopeCode) {

    static final String REPORTER_UNIT = "定海区教育局";
    /** 嵊泗县菜园镇东海社区居委会, the 三事分流 pilot. */
    static final String DONGHAI_COMMUNITY = "330922100001";
    /** 嵊泗县菜园镇, the township of 东海社区. */
    static final String CAIYUAN_TOWNSHIP = "330922100";

    static List<DemoAccounts> of(DemoGenerator generator) {
        String reporterUnit = generator.units().stream().filter(u -> u.unit().name().equals(REPORTER_UNIT))
                .findFirst().orElseThrow().code();
        return List.of(
                new DemoAccounts("admin", generator.spec().province() ? "省委组织部管理员" : "市委组织部管理员", Role.ADMIN,
                        generator.spec().province() ? "33" : "3309"),
                new DemoAccounts("leader", "市委组织部领导", Role.LEADER, "3309"),
                new DemoAccounts("reviewer", "市委组织部审核员", Role.REVIEWER, "3309"),
                new DemoAccounts("dinghai", "定海区委组织部干部", Role.ADMIN, "330902"),
                new DemoAccounts("putuo", "普陀区委组织部干部", Role.ADMIN, "330903"),
                new DemoAccounts("reporter", "定海区教育局填报员", Role.REPORTER, reporterUnit),
                // 服务干部: sees only the charges and tickets they are part of.
                new DemoAccounts("cadre", "定海区暖企专员", Role.CADRE, "330902"),
                // 三事分流: the pilot community's secretary registers, classifies and holds the sittings.
                new DemoAccounts("donghai", "东海社区书记", Role.REPORTER, DONGHAI_COMMUNITY),
                // 星级评定 and 双述双评: the review chain of 东海社区 is 菜园镇 → 嵊泗县 → the city
                new DemoAccounts("caiyuan", "菜园镇党委组织委员", Role.ADMIN, CAIYUAN_TOWNSHIP),
                new DemoAccounts("shengsi", "嵊泗县委组织部干部", Role.ADMIN, "330922"),
                // 人才: a talent of 定海区 (linked by the talent demo) sees only the own code, applications and grants.
                new DemoAccounts("talent", "人才（演示）", Role.TALENT, "330902"),
                // 党员: a member of 公前村 on 桃花岛 (linked by the 党员报到 demo) reports, claims posts and logs service.
                new DemoAccounts("dangyuan", "党员（演示）", Role.PARTY_MEMBER, "330903104202"),
                // 干部监督: the cadre work pages only, with the incentive and discipline records (issue 19).
                new DemoAccounts("jiandu", "市委组织部干部监督科", Role.CADRE_SUPERVISOR, "3309"),
                // 举荐委员: scores the nominees of the own 举荐小组 (groups set up by the recognition demo).
                new DemoAccounts("referee", "举荐委员（演示）", Role.TALENT_REFEREE, "3309"),
                // 专窗专员: the 人才服务 counter of 市人社局 handles its 码上办 applications and files 代办帮办.
                new DemoAccounts("zhuanyuan", "市人社局人才专窗专员", Role.REPORTER, unit(generator, "人力资源和社会保障局")),
                // 三员: they administer the platform and cannot open the roster.
                new DemoAccounts("sysadmin", "信息中心系统管理员", Role.SYS_ADMIN, root(generator)),
                new DemoAccounts("secadmin", "保密办安全保密管理员", Role.SEC_ADMIN, root(generator)),
                new DemoAccounts("auditor", "纪检安全审计员", Role.AUDITOR, root(generator)));
    }

    /** The city's own unit whose name ends so (市人力资源和社会保障局, or 舟山市… at province scale). */
    private static String unit(DemoGenerator generator, String suffix) {
        return generator.units().stream().filter(u -> u.unit().name().endsWith("市" + suffix))
                .filter(u -> !u.unit().name().contains("区") && !u.unit().name().contains("县"))
                .findFirst().map(u -> u.code()).orElse(root(generator));
    }

    private static String root(DemoGenerator generator) {
        return generator.spec().province() ? "33" : "3309";
    }
}

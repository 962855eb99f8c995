package cn.zugong.demo.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PartyOrg;
import cn.zugong.org.PartySector;
import cn.zugong.prosperity.JointCommittees;
import cn.zugong.prosperity.JointCommittees.Kind;
import cn.zugong.prosperity.JointCommittees.NewCommittee;
import cn.zugong.prosperity.JointCommittees.NewMember;
import cn.zugong.prosperity.JointCommittees.NewPair;
import cn.zugong.prosperity.JointCommittees.NewProject;
import cn.zugong.prosperity.JointCommittees.NewResult;
import cn.zugong.prosperity.JointCommittees.NewTerm;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 党建联建 (issue 18, ADR 073), through the module's API as the city's administrator: the island chain's
 * 功能型联合党委 of three island townships (桃花镇, 虾峙镇, 六横镇) and seven of their villages, chaired in turn by the
 * townships' secretaries (three yearly terms, the third running on the as-of date), paired with 65 of the district's
 * unit party organisations, with four shared projects and their results; and three smaller committees in the other
 * counties. Fixed data, no randomness; skipped when any committee exists.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class JointCommitteeDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(JointCommitteeDemo.class);
    static final int PAIRED_UNITS = 65;

    private final JointCommittees joint;
    private final OrgTree tree;
    private final LocalDate asOf;

    JointCommitteeDemo(JointCommittees joint, OrgTree tree, @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.joint = joint;
        this.tree = tree;
        this.asOf = asOf;
    }

    @Override
    public void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null || joint.count(city.asScope()) > 0) {
            return;
        }
        long start = System.nanoTime();
        CurrentUser admin = new CurrentUser(0, "admin", "市委组织部管理员", Role.ADMIN, city.asScope(), city.name());
        islandChain(admin);
        others(admin);
        log.info("Demo 党建联建: {} committees in {} ms", joint.count(city.asScope()),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void islandChain(CurrentUser admin) {
        LocalDate founded = asOf.minusYears(2).withMonth(3).withDayOfMonth(15);
        long id = joint.create(new NewCommittee("330903", "岛链式党建联建功能型联合党委", Kind.FUNCTIONAL, founded,
                "“岛链式”党建联建：三个海岛镇党委书记轮值担任党委书记，结对区属单位党组织，共抓海岛共富"), admin);
        String[] townships = {"330903104P1", "330903102P1", "330903100P1"}; // 桃花镇, 虾峙镇, 六横镇
        for (int i = 0; i < townships.length; i++) {
            joint.addMember(id, new NewMember(townships[i], i == 0, i + 1), admin);
        }
        String[] villages = {"330903104202P1", "330903104213P1", "330903102220P1", "330903102222P1",
            "330903100276P1", "330903100277P1", "330903100238P1"}; // 公前, 茅山, 东晓, 黄石, 佛渡, 悬山, 台门
        for (String v : villages) {
            joint.addMember(id, new NewMember(v, false, null), admin);
        }
        String[] chairs = {"林海波", "周志远", "郑国华"};
        for (int i = 0; i < 3; i++) {
            joint.addTerm(id, new NewTerm(townships[i], chairs[i], founded.plusYears(i),
                    founded.plusYears(i + 1).minusDays(1)), admin);
        }
        pairUnits(id, admin, founded);
        long fishery = joint.addProject(id, new NewProject("海岛渔旅融合共富项目", "330903104P1",
                List.of("330903102P1", "330903104202P1"), founded.plusMonths(1), null, new BigDecimal("1200000"),
                "ACTIVE"), admin);
        result(fishery, founded.plusMonths(6), "开通海岛民宿联营平台，带动 32 户渔民转产", "450000", 320, "180000", admin);
        result(fishery, founded.plusMonths(18), "举办海岛渔家文化节，接待游客 1.2 万人次", "300000", 12000, "260000",
                admin);
        result(fishery, asOf.minusMonths(2), "桃花岛—虾峙岛海上游线开通", "200000", 5400, "150000", admin);
        long clinic = joint.addProject(id, new NewProject("小岛医疗巡诊", "330903102P1",
                List.of("330903100P1", "330903102220P1", "330903100276P1"), founded.plusMonths(2), null,
                new BigDecimal("300000"), "ACTIVE"), admin);
        result(clinic, founded.plusMonths(5), "组织区属医院党员医生上岛巡诊 12 次", "0", 860, "0", admin);
        result(clinic, asOf.minusMonths(1), "为偏远小岛老年群众建立健康档案", "80000", 1430, "0", admin);
        long sales = joint.addProject(id, new NewProject("海岛农产品直播助销", "330903100P1",
                List.of("330903104P1", "330903100238P1"), founded.plusMonths(8), asOf.minusMonths(4),
                new BigDecimal("150000"), "DONE"), admin);
        result(sales, founded.plusMonths(12), "直播带货销售海鲜干货 86 万元", "0", 0, "210000", admin);
        long ferry = joint.addProject(id, new NewProject("岛际物资配送与交通保障", "330903104P1",
                List.of("330903102P1", "330903100P1"), asOf.minusMonths(3), null, new BigDecimal("500000"),
                "ACTIVE"), admin);
        result(ferry, asOf.minusDays(10), "争取岛际交通补助，增开冬季航班", "600000", 2300, "0", admin);
    }

    /** 65 unit party organisations of the district (organs and institutions first, then enterprises). */
    private void pairUnits(long id, CurrentUser admin, LocalDate founded) {
        OrgNode district = tree.byCode("330903").orElseThrow();
        List<PartyOrg> orgs = new ArrayList<>(tree.partyOrgs(district.asScope(),
                EnumSet.of(PartySector.ORGAN, PartySector.INSTITUTION, PartySector.STATE_ENTERPRISE)));
        if (orgs.size() < PAIRED_UNITS) {
            orgs.addAll(tree.partyOrgs(district.asScope(),
                    EnumSet.of(PartySector.PRIVATE_ENTERPRISE, PartySector.SOCIAL_ORG)));
        }
        for (int i = 0; i < Math.min(PAIRED_UNITS, orgs.size()); i++) {
            PartyOrg o = orgs.get(i);
            String kind = switch (o.sector()) {
                case STATE_ENTERPRISE, PRIVATE_ENTERPRISE -> "ENTERPRISE";
                case SOCIAL_ORG -> "ASSOCIATION";
                default -> "UNIT";
            };
            joint.addPair(id, new NewPair(o.node().code(), null, kind, founded.plusDays(i % 30)), admin);
        }
    }

    private void others(CurrentUser admin) {
        LocalDate founded = asOf.minusYears(1).withMonth(6).withDayOfMonth(1);
        // 嵊山镇 and 枸杞乡: a mussel-farming alliance of two island townships and two villages
        long mussels = joint.create(new NewCommittee("330922", "贻贝产业党建联盟", Kind.ALLIANCE, founded,
                "贻贝养殖、加工、销售全链条党建联建"), admin);
        joint.addMember(mussels, new NewMember("330922202P1", true, 1), admin);
        joint.addMember(mussels, new NewMember("330922101P1", false, 2), admin);
        joint.addMember(mussels, new NewMember("330922202201P1", false, null), admin);
        joint.addMember(mussels, new NewMember("330922101208P1", false, null), admin);
        joint.addTerm(mussels, new NewTerm("330922202P1", "吴晓东", founded, founded.plusYears(1).minusDays(1)), admin);
        joint.addTerm(mussels, new NewTerm("330922101P1", "何建平", founded.plusYears(1),
                founded.plusYears(2).minusDays(1)), admin);
        joint.addPair(mussels, new NewPair(null, "贻贝产业协会党支部", "ASSOCIATION", founded), admin);
        joint.addPair(mussels, new NewPair(null, "海鲜冷链物流有限公司党支部", "ENTERPRISE", founded), admin);
        long brand = joint.addProject(mussels, new NewProject("贻贝区域公用品牌", "330922202P1",
                List.of("330922101P1"), founded.plusMonths(1), null, new BigDecimal("400000"), "ACTIVE"), admin);
        result(brand, founded.plusMonths(7), "统一品牌包装，贻贝收购价每斤提高 0.3 元", "150000", 420, "120000", admin);

        // 金塘镇: a joint committee of the township and its villages with the port's enterprises
        long port = joint.create(new NewCommittee("330902100", "港城联合党委", Kind.JOINT, founded.plusMonths(2),
                "港口企业与村社结对，共建共享"), admin);
        joint.addMember(port, new NewMember("330902100P1", true, null), admin);
        joint.addMember(port, new NewMember("330902100213P1", false, null), admin);
        joint.addMember(port, new NewMember("330902100223P1", false, null), admin);
        joint.addPair(port, new NewPair(null, "港务物流有限公司党委", "ENTERPRISE", founded.plusMonths(2)), admin);
        long jobs = joint.addProject(port, new NewProject("港村就业直通车", "330902100P1", List.of("330902100213P1"),
                founded.plusMonths(3), null, new BigDecimal("80000"), "ACTIVE"), admin);
        result(jobs, founded.plusMonths(9), "港区企业招聘村民 46 人", "0", 46, "60000", admin);

        // 衢山镇: an alliance of the township and its island villages
        long quShan = joint.create(new NewCommittee("330921106", "北部海岛党建联盟", Kind.ALLIANCE,
                founded.plusMonths(4), "偏远小岛村社抱团发展"), admin);
        joint.addMember(quShan, new NewMember("330921106P1", true, null), admin);
        joint.addMember(quShan, new NewMember("330921106259P1", false, null), admin);
        joint.addMember(quShan, new NewMember("330921106209P1", false, null), admin);
        joint.addMember(quShan, new NewMember("330921106207P1", false, null), admin);
    }

    private void result(long project, LocalDate date, String text, String funds, int people, String income,
                        CurrentUser admin) {
        joint.addResult(project, new NewResult(date, text, new BigDecimal(funds), people, new BigDecimal(income)),
                admin);
    }
}

package cn.zugong.demo.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.party.MobileEventKind;
import cn.zugong.party.MobileHostKind;
import cn.zugong.party.MobileMembers;
import cn.zugong.party.MobileMembers.FileHistory;
import cn.zugong.party.MobileMembers.NewContact;
import cn.zugong.party.MobileMembers.NewEvent;
import cn.zugong.party.MobileMembers.NewFile;
import cn.zugong.party.MobileMembers.NewHost;
import cn.zugong.party.MobileMembers.NewTask;
import cn.zugong.people.PartyMemberRef;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 流动党员: the five steps and the 三个一批 assignment of the demo's mobile members (issue 18). Files for
 * nine in ten of the members the roster marks 流动 (the rest are left for 源头查找 to find), with a year of contacts
 * (about one in eight stopped, so their contact is overdue), events (some returned, a few lost, some flowed out),
 * tasks and skills; four regional 驻外 organisations, 两新 organisations at the places of work and communities of
 * residence; the rule applied, which leaves a handful unmanaged (employers and districts no host covers).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class MobileMembersDemo implements DemoStep {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MobileMembersDemo.class);
    private static final String BY = "demo";
    private static final String[] SKILLS = {"电商直播", "水产养殖", "船舶维修", "民宿经营", "物流运输", "财务会计", "电工",
            "烹饪", "法律咨询", "农产品营销", "软件开发", "医疗护理"};
    private static final String[] CHANNELS = {"电话", "电话", "微信", "微信", "视频", "走访", "书信"};
    private static final String[] CONTENTS = {"了解近况，宣讲近期政策", "提醒按时交纳党费", "通报村里发展情况", "征求对村级事务的意见",
            "组织线上学习", "节日慰问"};
    /** Destination → {district, employer} choices; the last of each is one no host covers (rarely chosen). */
    private static final Map<String, String[][]> PLACES = Map.of(
            "杭州市", new String[][] {{"余杭区", "杭州云岭电子商务有限公司"}, {"滨江区", "杭州海睿网络科技有限公司"}},
            "宁波市", new String[][] {{"北仑区", "宁波港航物流有限公司"}, {"鄞州区", "宁波甬鑫机械有限公司"}},
            "上海市", new String[][] {{"浦东新区", "上海洋山港务服务有限公司"}, {"闵行区", "上海申联制造有限公司"}},
            "广东省深圳市", new String[][] {{"南山区", "深圳海联科技有限公司"}, {"宝安区", "深圳蓝港物流有限公司"},
                    {"龙岗区", "深圳恒达电子厂"}},
            "江苏省苏州市", new String[][] {{"工业园区", "苏州园区精密制造有限公司"}, {"吴中区", "苏州吴越纺织有限公司"}},
            "广东省广州市", new String[][] {{"天河区", "广州天信贸易有限公司"}, {"白云区", "广州白云物流有限公司"},
                    {"番禺区", "广州番禺珠宝加工厂"}},
            "北京市", new String[][] {{"朝阳区", "北京京海餐饮管理有限公司"}, {"海淀区", "北京海淀软件园服务公司"}});

    private final MobileMembers mobile;
    private final PeopleDirectory people;
    private final OrgTree tree;
    private final LocalDate asOf;

    MobileMembersDemo(MobileMembers mobile, PeopleDirectory people, OrgTree tree,
                      @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.mobile = mobile;
        this.people = people;
        this.tree = tree;
        this.asOf = asOf;
    }

    @Override
    public void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null || mobile.anyFile()) {
            return;
        }
        long started = System.currentTimeMillis();
        OrgScope scope = city.asScope();
        hosts(city.id());
        List<FileHistory> files = new ArrayList<>();
        for (PartyMemberRef m : people.mobilePartyMembers(scope)) {
            SplittableRandom r = new SplittableRandom(20 * 1_000_003L + m.id());
            if (r.nextInt(10) == 0) {
                continue; // left for 源头查找
            }
            files.add(history(m, r));
        }
        mobile.load(files, scope, BY);
        var assigned = mobile.assign(scope, BY);
        int candidates = mobile.findCandidates(scope, BY);
        LOG.info("Demo 流动党员: {} files, {} managed by the rule ({}), {} left unmanaged, {} candidates, in {} ms",
                files.size(), assigned.assigned(), assigned.byKind(), assigned.left(), candidates,
                System.currentTimeMillis() - started);
    }

    private void hosts(long owner) {
        for (String[] h : new String[][] {{"舟山驻杭州流动党员党委", "杭州市"}, {"舟山驻宁波流动党员党委", "宁波市"},
                {"舟山驻上海流动党员党委", "上海市"}, {"舟山驻北京流动党员党支部", "北京市"}}) {
            mobile.addHost(new NewHost(MobileHostKind.REGIONAL, h[0], null, null, null, null, null, List.of(h[1])), owner,
                    BY);
        }
        mobile.addHost(new NewHost(MobileHostKind.WORKPLACE, "深圳海联科技有限公司党支部", null, "深圳市", null,
                "深圳海联科技有限公司", null, List.of()), owner, BY);
        mobile.addHost(new NewHost(MobileHostKind.WORKPLACE, "深圳蓝港物流有限公司党支部", null, "深圳市", null,
                "深圳蓝港物流有限公司", null, List.of()), owner, BY);
        mobile.addHost(new NewHost(MobileHostKind.WORKPLACE, "苏州工业园区非公企业联合党委", null, "苏州市", "工业园区", null,
                null, List.of()), owner, BY);
        mobile.addHost(new NewHost(MobileHostKind.WORKPLACE, "杭州云岭电子商务有限公司党支部", null, "杭州市", null,
                "杭州云岭电子商务有限公司", null, List.of()), owner, BY);
        mobile.addHost(new NewHost(MobileHostKind.RESIDENCE, "广州市天河区石牌街道流动党员服务站党支部", null, "广州市", "天河区",
                null, null, List.of()), owner, BY);
        mobile.addHost(new NewHost(MobileHostKind.RESIDENCE, "广州市白云区三元里社区党委", null, "广州市", "白云区", null,
                "三元里社区", List.of()), owner, BY);
        mobile.addHost(new NewHost(MobileHostKind.RESIDENCE, "苏州市吴中区长桥街道社区党委", null, "苏州市", "吴中区", null,
                null, List.of()), owner, BY);
    }

    private FileHistory history(PartyMemberRef m, SplittableRandom r) {
        String destination = m.mobileTo() == null ? "杭州市" : m.mobileTo();
        String[][] choices = PLACES.getOrDefault(destination, PLACES.get("杭州市"));
        // the last choice of three is rare: those few are the ones no host covers
        int pick = choices.length == 3 && r.nextInt(12) != 0 ? r.nextInt(2) : r.nextInt(choices.length);
        String province = destination.contains("省") ? destination.substring(0, destination.indexOf('省') + 1) : null;
        String cityName = province == null ? destination : destination.substring(province.length());
        String district = choices[pick][0];
        boolean livesNearWork = !(cityName.equals("广州市") && district.equals("白云区")) || r.nextBoolean();
        LocalDate leftOn = asOf.minusDays(60 + r.nextInt(1500));
        LocalDate filedOn = max(leftOn, asOf.minusDays(400)).plusDays(r.nextInt(20));
        if (filedOn.isAfter(asOf)) {
            filedOn = asOf;
        }
        NewFile file = new NewFile(m.id(), province, cityName, district, false, choices[pick][1],
                "1" + (35 + r.nextInt(5)) + String.format("%08d", r.nextInt(100_000_000)),
                cityName, district, livesNearWork && cityName.equals("广州市") && district.equals("白云区") ? "三元里社区" : null,
                leftOn, r.nextInt(10) < 8 ? "务工" : r.nextBoolean() ? "经商" : "随迁",
                r.nextInt(10) < 7 ? "未转出" : r.nextInt(3) == 0 ? "转出" : "保留",
                SKILLS[r.nextInt(SKILLS.length)] + (r.nextBoolean() ? "、" + SKILLS[r.nextInt(SKILLS.length)] : ""));
        List<NewContact> contacts = new ArrayList<>();
        boolean stopped = r.nextInt(8) == 0;
        LocalDate until = stopped ? asOf.minusDays(100 + r.nextInt(80)) : asOf;
        for (LocalDate d = filedOn.plusDays(5 + r.nextInt(40)); !d.isAfter(until); d = d.plusDays(75 + r.nextInt(20))) {
            contacts.add(new NewContact(d, CHANNELS[r.nextInt(CHANNELS.length)], "村党组织书记",
                    CONTENTS[r.nextInt(CONTENTS.length)], null));
        }
        List<NewEvent> events = new ArrayList<>();
        int fate = r.nextInt(100);
        LocalDate when = max(filedOn, asOf.minusDays(20 + r.nextInt(200)));
        if (fate < 8) {
            events.add(new NewEvent(MobileEventKind.RETURNED, when, null, "返乡创业"));
        } else if (fate < 11) {
            events.add(new NewEvent(MobileEventKind.LOST, when, null, "电话停机，微信未回复"));
            if (fate == 10) {
                events.add(new NewEvent(MobileEventKind.RECONNECTED, min(when.plusDays(30), asOf), null, "经亲属联系上"));
            }
        } else if (fate < 13) {
            events.add(new NewEvent(MobileEventKind.TRANSFER, when, "流入地党组织", "组织关系转入工作地"));
            events.add(new NewEvent(MobileEventKind.FLOW_OUT, when, "流入地党组织", null));
        }
        List<NewTask> tasks = r.nextInt(7) == 0
                ? List.of(new NewTask("为家乡农产品联系销售渠道", min(filedOn.plusDays(r.nextInt(60)), asOf), r.nextBoolean()
                        ? "对接超市 2 家" : null))
                : List.of();
        return new FileHistory(file, filedOn, contacts, events, tasks);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

package cn.zugong.demo.internal;

import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.deliberation.DeliberationHistory;
import cn.zugong.deliberation.Matter;
import cn.zugong.deliberation.MatterKind;
import cn.zugong.deliberation.MatterStatus;
import cn.zugong.deliberation.MeetingLevel;
import cn.zugong.deliberation.Meetings;
import cn.zugong.deliberation.Outcome;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Masking;
import cn.zugong.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo 三事分流 (deterministic): 60 matters over this year in the pilot 东海社区 and three other communities,
 * classified, deliberated at the sittings of their level (some 未议结 and carried over), decided ones resolved
 * on the closure workflow and the older ones verified and closed by the county; the newest are still waiting
 * for classification or on the next agenda.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class DeliberationDemo {

    private static final Logger log = LoggerFactory.getLogger(DeliberationDemo.class);
    static final String BY = "demo-sanshi";

    /** community code | matters | the community's account | its 党群服务中心. */
    private static final String[][] COMMUNITIES = {
            {"330922100001", "30", "donghai"}, {"330922100002", "10", "demo-shahe"},
            {"330922100003", "10", "demo-caipu"}, {"330902002001", "10", "demo-xian"}};
    private static final Map<MatterKind, String[]> TITLES = Map.of(
            MatterKind.BIG, new String[] {"老旧小区加装电梯协调", "渔港码头至社区道路拓宽", "海塘防护栏修缮", "社区停车位规划与周边单位共享",
                    "台风季山体滑坡隐患治理", "菜市场周边占道经营整治", "社区污水管网改造"},
            MatterKind.SMALL, new String[] {"楼道堆放杂物清理", "路灯损坏报修", "小区绿化带补种", "公共晾晒区设置", "文化活动室开放时间调整",
                    "垃圾分类投放点异味", "健身器材维修", "楼道声控灯更换"},
            MatterKind.PRIVATE, new String[] {"邻里漏水纠纷", "空调外机噪音扰邻", "宠物犬扰民", "楼上装修噪音", "相邻车位使用纠纷",
                    "渔具堆放占用公共过道", "家庭赡养纠纷调解", "晾衣杆滴水纠纷"});
    private static final Map<MatterKind, String[]> DECISIONS = Map.of(
            MatterKind.BIG, new String[] {"联席会议议定由镇城建办牵头，相关职能部门配合实施，社区做好居民解释工作", "菜园镇城建办"},
            MatterKind.SMALL, new String[] {"家园理事会议定由物业服务中心限期处理，网格长跟踪反馈", "社区物业服务中心"},
            MatterKind.PRIVATE, new String[] {"网格议事会组织双方协商，达成一致意见并签订协议", "网格员和当事居民"});
    private static final String[] SURNAMES = {"王", "李", "张", "陈", "林", "周", "吴", "徐", "孙", "胡", "朱", "郑"};
    private static final String[] GIVEN = {"海英", "建国", "秀兰", "志强", "丽华", "国平", "美娟", "伟东", "小燕", "阿伟"};

    private final DeliberationHistory history;
    private final Meetings meetings;
    private final ClosureWorkflow workflow;
    private final OrgTree tree;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeliberationDemo(DeliberationHistory history, Meetings meetings, ClosureWorkflow workflow, OrgTree tree, TransactionTemplate tx, Clock clock) {
        this.history = history;
        this.meetings = meetings;
        this.workflow = workflow;
        this.tree = tree;
        this.tx = tx;
        this.clock = clock;
    }

    /** Step 6 of the demo. */
    void load() {
        if (history.written(BY) || tree.byCode(COMMUNITIES[0][0]).isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        int[] count = new int[1];
        tx.executeWithoutResult(s -> {
            Random random = new Random(20261123);
            for (String[] c : COMMUNITIES) {
                OrgNode community = tree.byCode(c[0]).orElse(null);
                if (community != null) {
                    count[0] += community(community, Integer.parseInt(c[1]), c[2], random);
                }
            }
        });
        log.info("Demo 三事分流: {} matters in {} ms", count[0], (System.nanoTime() - start) / 1_000_000);
    }

    private int community(OrgNode community, int n, String username, Random random) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = LocalDate.of(today.getYear(), 1, 5);
        int span = (int) Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(first, today.minusDays(10)));
        CurrentUser secretary = new CurrentUser(0, username, community.name() + "书记", Role.REPORTER,
                community.asScope(), community.name());
        OrgNode county = countyOf(community);
        CurrentUser verifier = new CurrentUser(0, BY, county.name() + "委组织部（演示）", Role.ADMIN, county.asScope(),
                county.name());
        String place = community.name().replace("居委会", "").replace("村委会", "") + "党群服务中心";
        Map<String, Long> sittings = new LinkedHashMap<>();
        Map<Long, List<Map.Entry<Matter, Outcome>>> decidedAt = new LinkedHashMap<>();
        Map<Long, LocalDate> heldOn = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            MatterKind kind = i % 5 == 0 ? MatterKind.BIG : i % 5 < 3 ? MatterKind.PRIVATE : MatterKind.SMALL;
            boolean pending = i >= n - 2;
            LocalDate raised = pending ? today.minusDays(1 + random.nextInt(5)) : first.plusDays(random.nextInt(span));
            String[] titles = TITLES.get(kind);
            String title = titles[random.nextInt(titles.length)];
            String description = "居民反映：" + title + "，希望社区协调解决。";
            String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
            long id = history.register(new DeliberationHistory.Registered(community.id(), title, description,
                    SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
                    Masking.phone(phone), "第" + (1 + random.nextInt(6)) + "网格", raised, random.nextInt(3) == 0
                    ? "现场照片 " + (1 + random.nextInt(4)) + " 张" : null, BY, raised.atTime(9, 30)));
            if (pending) {
                continue;
            }
            LocalDate classified = raised.plusDays(1);
            history.classify(id, kind, kind.meaning(), username, secretary.displayName(), classified.atTime(10, 0));
            List<Meetings.Slot> slots = meetings.regularSlots(kind.level(), classified,
                    classified.plusDays(kind.level().cycleDays() * 3L));
            Matter matter = new Matter(id, community.id(), community.name(), community.path(), title, description, null,
                    null, null, raised, null, kind, MatterStatus.ROUTED, 0, null, null, null, BY, null);
            boolean carried = random.nextInt(7) == 0;
            for (int s = 0; s < (carried ? 2 : 1) && s < slots.size(); s++) {
                Meetings.Slot slot = slots.get(s);
                if (!slot.date().isBefore(today)) {
                    break;
                }
                long meeting = sittings.computeIfAbsent(kind.level() + "/" + slot.regular(), k -> held(community,
                        kind.level(), slot, place, username));
                boolean decided = !(carried && s == 0);
                String[] d = DECISIONS.get(kind);
                Outcome outcome = decided ? new Outcome(id, title, true, d[0], d[1],
                        slot.date().plusDays(kind.level().cycleDays()), kind == MatterKind.PRIVATE
                        ? random.nextInt(10) < 9 : null) : Outcome.unsettled(id);
                history.record(meeting, outcome, username, slot.date().atTime(19, 0));
                if (decided) {
                    decidedAt.computeIfAbsent(meeting, k -> new ArrayList<>()).add(Map.entry(matter, outcome));
                    heldOn.put(meeting, slot.date());
                }
            }
        }
        for (var e : decidedAt.entrySet()) {
            Map<Long, Long> closureItems = history.carryOut(e.getKey(), e.getValue(), secretary);
            if (heldOn.get(e.getKey()).isBefore(today.minusDays(30))) {
                for (var decided : e.getValue()) {
                    long item = closureItems.get(decided.getKey().id());
                    if (!Boolean.TRUE.equals(decided.getValue().settledByResidents())) {
                        workflow.resolve(item, "已按议定事项办结：" + decided.getValue().decision(), secretary);
                    }
                    workflow.verify(item, "经回访核实，已按议定事项办结", verifier);
                    workflow.close(item, "同意销号", verifier);
                }
            }
        }
        return n;
    }

    private long held(OrgNode community, MeetingLevel level, Meetings.Slot slot, String place, String username) {
        return history.hold(community.id(), level, slot.date(), slot.regular(), place, switch (level) {
            case JOINT -> "镇城建办、派出所、社区党组织书记、居民代表 6 人";
            case COUNCIL -> "社区干部 3 人、网格组长 4 人、居民代表 5 人";
            case GRID -> "网格员、楼道长、居民代表及当事居民 8 人";
        }, username, slot.date().minusDays(7).atStartOfDay(), LocalDateTime.of(slot.date(), java.time.LocalTime.of(20, 0)));
    }

    private OrgNode countyOf(OrgNode community) {
        String code = community.code().substring(0, 6);
        return tree.byCode(code).orElseThrow();
    }
}

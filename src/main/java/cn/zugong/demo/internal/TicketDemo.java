package cn.zugong.demo.internal;

import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.Escalations;
import cn.zugong.closure.HistoricalItem;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.service.VisitSummary;
import cn.zugong.service.Visits;
import cn.zugong.tickets.TicketHistory;
import cn.zugong.tickets.TicketSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo 问题清单 (deterministic from the demo seed): about 400 tickets raised over 2026 up to the demo's date in the
 * units of 舟山市, in every state — registered, assigned, in progress, overdue, resolved, called back, verified,
 * closed, reopened — some raised by the {@code cadre} demo account. The 督办 job then escalates what is overdue
 * by the platform clock, so the levels and their history are the real job's.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class TicketDemo {

    private static final Logger log = LoggerFactory.getLogger(TicketDemo.class);
    static final int COUNT = 400;
    static final String FIRST_REF = "demo-ticket-0001";

    private static final String[] PLACE = {"舟山", "定海", "普陀", "岱山", "嵊泗", "沈家门", "六横", "金塘", "衢山", "洋山"};
    private static final String[] NAME = {"海丰", "远洋", "金海", "兴港", "鑫源", "海旺", "东港", "蓝海", "顺达", "海通", "明珠", "华隆"};
    private static final String[] KIND = {"水产有限公司", "船舶修造有限公司", "海洋科技有限公司", "食品有限公司", "物流有限公司",
            "远洋渔业有限公司", "新材料有限公司", "港口服务有限公司"};
    private static final String[] VILLAGE = {"东沙村", "西码头村", "沈家门渔港社区", "虾峙村", "桃花村", "东极村", "长涂村", "嵊山村",
            "枸杞村", "白泉村", "马岙村", "干览村", "东海社区", "小干村"};
    private static final String[] SURNAME = {"王", "李", "张", "陈", "刘", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "林", "郑", "何"};
    private static final String[] GIVEN = {"海军", "建国", "丽华", "志强", "海燕", "国平", "春梅", "伟东", "小军", "秀英", "金宝", "渔生"};
    private static final String[] CADRES = {"王海军（五个一批）", "陈丽华（暖企专员）", "林志强（第一书记）", "周国平（五个一批）",
            "徐春梅（暖企专员）", "胡伟东（第一书记）"};

    /** category → problem templates ({e} enterprise, {v} village, {n} a number). */
    private static final Map<String, String[]> PROBLEMS = Map.of(
            "POLICY", new String[] {"{e}咨询高新技术企业认定政策", "{e}咨询人才安居补贴申领条件", "{v}渔民咨询渔船更新改造补贴政策",
                    "{e}咨询稳岗返还政策适用范围", "{e}咨询研发费用加计扣除口径"},
            "FACTOR", new String[] {"{e}反映用工短缺，急需焊工、电工约{n}名", "{e}扩产项目用地指标未落实", "{e}流动资金紧张，希望对接贴息贷款",
                    "{e}用电增容申请进展缓慢", "{e}反映冷库仓储用地紧张"},
            "INFRA", new String[] {"{v}渔船停泊码头泊位不足", "{v}进村道路破损，影响水产品运输", "{e}所在园区污水管网未接通",
                    "{v}渔港避风锚地淤积需清淤", "{v}海塘护岸局部塌陷"},
            "APPROVAL", new String[] {"{e}厂房扩建规划许可审批时间长", "{e}船舶检验登记办理进度慢", "{e}环评审批材料多次退回",
                    "{e}施工许可并联审批卡在消防环节"},
            "DISPUTE", new String[] {"{e}与相邻企业厂界纠纷", "{v}渔民与养殖户海域使用纠纷", "{e}拖欠员工工资引发纠纷",
                    "{v}宅基地边界纠纷"},
            "LIVELIHOOD", new String[] {"{v}老年人就医出行不便", "{v}自来水水压不足", "{v}路灯损坏多处", "{v}渔民子女入学咨询",
                    "{v}垃圾中转站异味扰民"},
            "OTHER", new String[] {"{e}建议增设公交站点", "{v}文化礼堂设施老化", "{e}建议开通跨岛通勤班车"});
    private static final String[] CATEGORY_DRAW = {"POLICY", "POLICY", "FACTOR", "FACTOR", "FACTOR", "FACTOR", "INFRA",
            "INFRA", "APPROVAL", "APPROVAL", "DISPUTE", "LIVELIHOOD", "LIVELIHOOD", "LIVELIHOOD", "OTHER"};
    private static final TicketSource[] SOURCE_DRAW = {TicketSource.VISIT, TicketSource.VISIT, TicketSource.VISIT,
            TicketSource.VISIT, TicketSource.VISIT, TicketSource.VISIT, TicketSource.HOTLINE, TicketSource.HOTLINE,
            TicketSource.MEETING, TicketSource.LETTER, TicketSource.OTHER};

    private final TicketHistory history;
    private final OrgTree tree;
    private final WorkCalendar calendar;
    private final Escalations escalations;
    private final Visits visits;
    private List<VisitSummary> problemVisits = List.of();
    private List<VisitSummary> ownVisits = List.of();
    private Random pick;
    private final long seed;
    private final LocalDate asOf;
    private final String rootCode;
    private final boolean exitAfterLoad;

    TicketDemo(TicketHistory history, OrgTree tree, WorkCalendar calendar,
               Escalations escalations, Visits visits, @Value("${zugong.demo.seed:20261123}") long seed,
               @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf,
               @Value("${zugong.org.division-prefix:3309}") String rootCode,
               @Value("${zugong.demo.exit-after-load:false}") boolean exitAfterLoad) {
        this.history = history;
        this.tree = tree;
        this.calendar = calendar;
        this.escalations = escalations;
        this.visits = visits;
        this.seed = seed;
        this.asOf = asOf;
        this.rootCode = rootCode;
        this.exitAfterLoad = exitAfterLoad;
    }

    /** Step 7 of the demo: the year of tickets, then the 督办 job over every kind of closure item. */
    void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (exitAfterLoad || !"3309".equals(rootCode) || city == null || history.exists(FIRST_REF)) {
            return;
        }
        List<OrgNode> units = tree.units(city.asScope());
        OrgNode dinghai = tree.byCode("330902").orElse(null);
        if (units.size() < 10 || dinghai == null) {
            return;
        }
        long start = System.nanoTime();
        List<OrgNode> dinghaiUnits = units.stream().filter(u -> u.path().startsWith(dinghai.path())).toList();
        Map<String, Integer> sla = history.slaDays();
        Random random = new Random(seed + 8);
        pick = new Random(seed + 9);
        problemVisits = visits.withProblems(city.asScope());
        ownVisits = problemVisits.stream().filter(v -> "cadre".equals(v.cadreUsername())).toList();
        List<TicketHistory.Ticket> seeds = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            boolean byCadreAccount = i % 10 == 3;
            List<OrgNode> pool = byCadreAccount ? dinghaiUnits : units;
            OrgNode unit = pool.get(random.nextInt(pool.size()));
            OrgNode other = pool.get(random.nextInt(pool.size()));
            seeds.add(ticket(i, unit, other, byCadreAccount, sla, random));
        }
        history.write(seeds, "demo", "演示数据");
        int escalated = escalations.run();
        log.info("Demo 问题清单: {} tickets, {} escalated, in {} ms", seeds.size(), escalated,
                (System.nanoTime() - start) / 1_000_000);
    }

    private TicketHistory.Ticket ticket(int i, OrgNode unit, OrgNode other, boolean byCadreAccount, Map<String, Integer> sla,
                                    Random r) {
        String category = CATEGORY_DRAW[r.nextInt(CATEGORY_DRAW.length)];
        TicketSource source = byCadreAccount ? TicketSource.VISIT : SOURCE_DRAW[r.nextInt(SOURCE_DRAW.length)];
        // raised between 5 January and the demo's date, in office hours
        LocalDate first = LocalDate.of(asOf.getYear(), 1, 5);
        long span = asOf.toEpochDay() - first.toEpochDay();
        LocalDateTime raised = first.plusDays((long) (span * Math.pow(r.nextDouble(), 0.8)))
                .atTime(8 + r.nextInt(9), r.nextInt(60));
        // a ticket from a visit points to a real demo visit that found a problem, made on or before the day it was raised
        VisitSummary visit = source == TicketSource.VISIT
                ? visitBefore(byCadreAccount ? ownVisits : problemVisits, raised.toLocalDate(), pick) : null;
        String[] templates = PROBLEMS.get(category);
        String enterprise = PLACE[r.nextInt(PLACE.length)] + NAME[r.nextInt(NAME.length)] + KIND[r.nextInt(KIND.length)];
        String village = VILLAGE[r.nextInt(VILLAGE.length)];
        String title = templates[r.nextInt(templates.length)].replace("{e}", enterprise).replace("{v}", village)
                .replace("{n}", String.valueOf(10 + r.nextInt(60)));
        String description = title + "。" + switch (source) {
            case VISIT -> visit == null ? "服务干部走访时收集，请求人希望尽快协调解决。"
                    : "服务干部" + visit.cadreName() + "于 " + visit.date() + " 走访" + visit.chargeName() + "时收集，请求人希望尽快协调解决。";
            case HOTLINE -> "12345 热线转办，工单号 ZS" + (2026000000 + i) + "。";
            case MEETING -> "在季度政企恳谈会上提出。";
            case LETTER -> "群众来信反映，附相关照片。";
            case OTHER -> "网格员上报。";
            case TALENT -> "人才诉求。";
        };
        String drawn = SURNAME[r.nextInt(SURNAME.length)] + GIVEN[r.nextInt(GIVEN.length)];
        String requester = visit != null ? visit.whom() : drawn;
        String phone = "13" + (500000000 + r.nextInt(499999999));
        String cadreUser = visit != null ? visit.cadreUsername() : byCadreAccount ? "cadre" : null;
        String cadreName = visit != null ? visit.cadreName()
                : byCadreAccount ? "定海区暖企专员" : (r.nextInt(3) == 0 ? CADRES[r.nextInt(CADRES.length)] : null);
        String raisedBy = byCadreAccount ? "cadre" : "admin";
        String raisedByName = byCadreAccount ? "定海区暖企专员" : "市委组织部管理员";
        Draft d = new Draft();
        d.event(raised, raisedBy, raisedByName, ClosureAction.REGISTER, null, ClosureStatus.REGISTERED, null);
        LocalDate deadline = calendar.onOrNextWorkday(raised.toLocalDate().plusDays(sla.get(category)));
        long owner = unit.id();
        LocalDateTime triaged = null;
        ClosureStatus status = ClosureStatus.REGISTERED;
        String measures = null;
        String resolution = null;
        LocalDateTime resolvedAt = null;
        LocalDateTime closedAt = null;
        List<TicketHistory.Callback> calls = new ArrayList<>();
        LocalDateTime t = raised.toLocalDate().plusDays(1 + r.nextInt(2)).atTime(9 + r.nextInt(8), r.nextInt(60));
        if (t.toLocalDate().isBefore(asOf)) {
            triaged = t;
            deadline = calendar.onOrNextWorkday(t.toLocalDate().plusDays(sla.get(category)));
            if (r.nextInt(20) == 0 && other.id() != unit.id()) {
                d.event(t, "admin", "市委组织部管理员", ClosureAction.TRANSFER, status, ClosureStatus.ASSIGNED,
                        "由「" + unit.name() + "」转办至「" + other.name() + "」，理由：职责调整，由主管部门牵头办理");
                owner = other.id();
            } else {
                d.event(t, "admin", "市委组织部管理员", ClosureAction.ASSIGN, status, ClosureStatus.ASSIGNED, "请按期办理");
            }
            status = ClosureStatus.ASSIGNED;
            t = t.plusHours(12 + r.nextInt(72));
            if (t.toLocalDate().isBefore(asOf) && r.nextInt(12) > 0) {
                measures = "已与请求人对接，制定办理方案并明确责任人";
                d.event(t, "unit", "责任单位经办人", ClosureAction.START, status, ClosureStatus.IN_PROGRESS, measures);
                status = ClosureStatus.IN_PROGRESS;
                // most finish within the SLA, some run over it, some are still open at the demo's date
                double share = r.nextInt(8) == 0 ? 1.3 + r.nextDouble() : 0.2 + 0.7 * r.nextDouble();
                t = t.plusHours((long) (sla.get(category) * 24 * share));
                if (t.toLocalDate().isBefore(asOf)) {
                    resolution = "已协调解决：" + resolutionFor(category);
                    d.event(t, "unit", "责任单位经办人", ClosureAction.RESOLVE, status, ClosureStatus.RESOLVED, resolution);
                    status = ClosureStatus.RESOLVED;
                    resolvedAt = t;
                    t = t.plusHours(24 + r.nextInt(72));
                    String caller = cadreUser != null ? cadreUser : "reviewer";
                    String callerName = cadreUser != null ? cadreName : "市委组织部审核员";
                    if (t.toLocalDate().isBefore(asOf) && r.nextInt(14) == 0) {
                        calls.add(new TicketHistory.Callback(t, caller, callerName, "UNSATISFIED", "请求人认为问题未根本解决"));
                        d.event(t, caller, callerName, ClosureAction.REJECT, status, ClosureStatus.IN_PROGRESS,
                                "回访不满意：请求人认为问题未根本解决");
                        status = ClosureStatus.IN_PROGRESS;
                        resolvedAt = null;
                        t = t.plusDays(3 + r.nextInt(10));
                        if (t.toLocalDate().isBefore(asOf)) {
                            resolution = "再次协调，已彻底解决：" + resolutionFor(category);
                            d.event(t, "unit", "责任单位经办人", ClosureAction.RESOLVE, status, ClosureStatus.RESOLVED,
                                    resolution);
                            status = ClosureStatus.RESOLVED;
                            resolvedAt = t;
                            t = t.plusHours(24 + r.nextInt(48));
                        }
                    }
                    if (status == ClosureStatus.RESOLVED && t.toLocalDate().isBefore(asOf)) {
                        String s = r.nextInt(6) == 0 ? "BASIC" : "SATISFIED";
                        calls.add(new TicketHistory.Callback(t, caller, callerName, s, "电话回访，请求人" + TicketHistory.satisfactionLabel(s)));
                        t = t.plusHours(24 + r.nextInt(72));
                        if (t.toLocalDate().isBefore(asOf)) {
                            d.event(t, "reviewer", "市委组织部审核员", ClosureAction.VERIFY, status, ClosureStatus.VERIFIED,
                                    "核验属实");
                            status = ClosureStatus.VERIFIED;
                            t = t.plusHours(2 + r.nextInt(48));
                            if (t.toLocalDate().isBefore(asOf)) {
                                d.event(t, "reviewer", "市委组织部审核员", ClosureAction.CLOSE, status, ClosureStatus.CLOSED,
                                        "同意销号");
                                status = ClosureStatus.CLOSED;
                                closedAt = t;
                                t = t.plusDays(10 + r.nextInt(20));
                                if (r.nextInt(40) == 0 && t.toLocalDate().isBefore(asOf)) {
                                    d.event(t, "reviewer", "市委组织部审核员", ClosureAction.REOPEN, status,
                                            ClosureStatus.IN_PROGRESS, "复查发现问题反弹，重新打开");
                                    status = ClosureStatus.IN_PROGRESS;
                                    closedAt = null;
                                    resolvedAt = null;
                                }
                            }
                        }
                    }
                }
            }
        }
        return new TicketHistory.Ticket("demo-ticket-" + String.format("%04d", i), category, source, title, description,
                requester, phone, unit.id(), owner, raisedBy, raisedByName, raised, cadreUser, cadreName, status,
                deadline, triaged, 0, null, measures, resolution, resolvedAt, closedAt, d.events, calls, visit == null ? null : String.valueOf(visit.id()));
    }

    private static String resolutionFor(String category) {
        return switch (category) {
            case "POLICY" -> "已上门解读政策并指导申报";
            case "FACTOR" -> "已协调人社、自然资源等部门落实要素保障";
            case "INFRA" -> "已列入年度建设计划并完成施工";
            case "APPROVAL" -> "已开通绿色通道，审批办结";
            case "DISPUTE" -> "经人民调解达成协议";
            case "LIVELIHOOD" -> "已协调属地和相关部门解决";
            default -> "已答复并落实";
        };
    }

    /** The events of one ticket as they are drawn. */
    private static final class Draft {
        final List<HistoricalItem.Step> events = new ArrayList<>();

        void event(LocalDateTime at, String actor, String name, ClosureAction action, ClosureStatus from,
                   ClosureStatus to, String note) {
            events.add(new HistoricalItem.Step(at, actor, name, action, from, to, note));
        }
    }

    /** One of the visits (sorted by date) made on or before the day, or none. */
    private static VisitSummary visitBefore(List<VisitSummary> sorted, LocalDate day, Random pick) {
        int candidates = 0;
        while (candidates < sorted.size() && !sorted.get(candidates).date().isAfter(day)) {
            candidates++;
        }
        return candidates == 0 ? null : sorted.get(pick.nextInt(candidates));
    }
}

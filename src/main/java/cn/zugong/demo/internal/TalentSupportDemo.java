package cn.zugong.demo.internal;

import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.HistoricalItem;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.people.PersonCard;
import cn.zugong.talent.TalentSupportDesk;
import cn.zugong.talent.TalentSupportDesk.EmployerRef;
import cn.zugong.talent.TalentSupportDesk.LinkedRequest;
import cn.zugong.tickets.TicketHistory;
import cn.zugong.tickets.TicketSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo 人才工作专班 and 党委联系服务专家 (deterministic): the city's 12 专班 with their lead units, leaders and
 * members from the roster (and an enterprise representative not on it), the enterprises and talents they serve,
 * their visits and calls from January to the demo's date, and 60-odd 人才诉求 found on them — most already solved —
 * written with their history to the 问题清单 (source 人才); the demo talent's own two requests (one answered, one
 * being handled); key talents (those in national or provincial programmes, and any recognised A–C), key platforms
 * and projects with responsible leaders from the roster, all covered but five, so the coverage page has something
 * to show.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class TalentSupportDemo {

    private static final Logger log = LoggerFactory.getLogger(TalentSupportDemo.class);
    static final String BY = "demo-talent-support";

    /** code, name, lead unit, industries served (field codes), remit. */
    private static final String[][] TEAMS = {
            {"OIL_GAS", "油气全产业链人才工作专班", "市发展和改革委员会", "OIL_GAS_TRADE,OIL_GAS_STORAGE,BONDED_FUEL",
                    "服务油气贸易、储运、保税燃料油企业引才用才"},
            {"PETROCHEM", "绿色石化人才工作专班", "市经济和信息化局", "PETROCHEM_MATERIALS", "服务绿色石化和新材料企业人才"},
            {"MARITIME", "海事服务人才工作专班", "市港航和口岸管理局", "MARITIME_SHIPPING", "服务航运、船舶管理、海事服务人才"},
            {"SHIPBUILDING", "船舶修造人才工作专班", "市经济和信息化局", "MARINE_EQUIPMENT", "服务船舶修造和海工装备企业人才"},
            {"DIGITAL", "数字经济人才工作专班", "市大数据发展管理局", "DIGITAL_ECONOMY", "服务数字经济企业和软件人才"},
            {"MARINE_BIO", "海洋生物医药人才工作专班", "市科学技术局", "MARINE_BIO", "服务海洋生物医药研发人才"},
            {"FISHERY", "现代渔业人才工作专班", "市海洋与渔业局", "FISHERY", "服务远洋渔业、水产加工人才"},
            {"TOURISM", "海岛旅游人才工作专班", "市文化和广电旅游体育局", "TOURISM", "服务海岛旅游和文旅人才"},
            {"NEW_ENERGY", "新能源人才工作专班", "市发展和改革委员会", "NEW_ENERGY", "服务海上风电、氢能等新能源企业人才"},
            {"FINANCE", "金融人才工作专班", "市财政局", "FINANCE", "服务金融机构和油气金融人才"},
            {"EDU_HEALTH", "教育卫生人才工作专班", "市卫生健康委员会", "EDUCATION,HEALTH", "服务教师、医生等教育卫生人才"},
            {"UNIVERSITIES", "高校院所人才工作专班", "市科学技术局", "MARINE_BIO,MARITIME_SHIPPING,FISHERY",
                    "服务高校和科研院所人才、团队"}};

    /** topic, responsible city unit, problem, answer. */
    private static final String[][] PROBLEMS = {
            {"HOUSING", "市住房和城乡建设局", "引进人才人才公寓配租排队时间较长", "已协调新增人才公寓房源，完成配租"},
            {"SCHOOL", "市教育局", "引进人才子女就近入学需协调学位", "已协调安排子女在就近学校就读"},
            {"SPOUSE", "市人力资源和社会保障局", "人才配偶随迁就业需推荐岗位", "已推荐岗位，配偶已入职"},
            {"MEDICAL", "市卫生健康委员会", "高层次人才健康体检和就医绿色通道未落实", "已纳入人才就医绿色通道并安排体检"},
            {"POLICY", "市委组织部", "人才安家补助申领进度咨询", "已解读政策并指导申报，补助已发放"},
            {"FUNDING", "市财政局", "人才创业项目融资需对接银行", "已对接“人才贷”产品，完成授信"},
            {"HIRING", "市人力资源和社会保障局", "企业急需紧缺技术人才招引困难", "已组织专场招聘会，企业招到所需人员"},
            {"PLATFORM", "市科学技术局", "企业申报省级研发平台需指导", "已上门指导申报材料，平台获批"},
            {"ENTRY", "市人力资源和社会保障局", "外籍专家工作许可办理时间较长", "已开通绿色通道，许可已办结"}};

    private static final String[][] PLATFORMS = {
            {"舟山绿色石化新材料省级重点实验室", "重点实验室", "PROVINCIAL", "PETROCHEM_MATERIALS"},
            {"油气储运安全国家工程研究中心舟山分中心", "工程研究中心", "NATIONAL", "OIL_GAS_STORAGE"},
            {"保税燃料油加注技术省级企业研究院", "企业研究院", "PROVINCIAL", "BONDED_FUEL"},
            {"海洋生物医药院士工作站", "院士工作站", "PROVINCIAL", "MARINE_BIO"},
            {"海工装备博士后工作站", "博士后工作站", "PROVINCIAL", "MARINE_EQUIPMENT"},
            {"海事航运数字化市级工程技术研究中心", "工程技术研究中心", "CITY", "MARITIME_SHIPPING"},
            {"远洋渔业资源省级重点实验室", "重点实验室", "PROVINCIAL", "FISHERY"},
            {"海上风电运维技术研发中心", "企业研发中心", "CITY", "NEW_ENERGY"},
            {"数字自贸区创新实验室", "重点实验室", "CITY", "DIGITAL_ECONOMY"},
            {"船舶绿色修造省级企业技术中心", "企业技术中心", "PROVINCIAL", "MARINE_EQUIPMENT"},
            {"油气贸易大数据博士后工作站", "博士后工作站", "PROVINCIAL", "OIL_GAS_TRADE"},
            {"海洋药物技术创新中心", "技术创新中心", "PROVINCIAL", "MARINE_BIO"},
            {"海岛文旅融合创新基地", "创新基地", "CITY", "TOURISM"},
            {"绿色金融研究中心", "研究中心", "CITY", "FINANCE"}};

    private static final String[][] PROJECTS = {
            {"万吨级油气储运新材料产业化项目", "人才项目", "PETROCHEM_MATERIALS"},
            {"LNG 接收站二期人才配套项目", "产业项目", "OIL_GAS_STORAGE"},
            {"海洋生物活性物质中试项目", "人才项目", "MARINE_BIO"},
            {"智能船舶修造示范项目", "产业项目", "MARINE_EQUIPMENT"},
            {"海上风电运维母港项目", "产业项目", "NEW_ENERGY"},
            {"自贸区数字口岸平台项目", "人才项目", "DIGITAL_ECONOMY"},
            {"远洋渔业冷链物流项目", "产业项目", "FISHERY"},
            {"保税燃料油供应链金融项目", "人才项目", "BONDED_FUEL"},
            {"海岛度假区人才驿站项目", "人才项目", "TOURISM"}};

    private static final String[] CONTACT_TEXT = {"走访了解企业引才用才情况和人才需求", "电话回访人才政策兑现情况",
            "座谈听取企业和人才意见建议", "上门宣讲人才新政", "了解重点人才工作和生活情况", "对接企业急需紧缺人才需求"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "林"};
    private static final String[] GIVEN = {"海涛", "建国", "晓东", "志强", "丽华", "文杰", "佳怡", "国平", "明辉", "雪峰", "春燕", "海波"};

    private final TalentSupportDesk desk;
    private final OrgTree tree;
    private final PeopleDirectory people;
    private final TicketHistory history;
    private final WorkCalendar calendar;
    private final TransactionTemplate tx;
    private final long seed;
    private final LocalDate asOf;

    TalentSupportDemo(TalentSupportDesk desk, OrgTree tree, PeopleDirectory people, TicketHistory history,
                      WorkCalendar calendar, PlatformTransactionManager transactions,
                      @Value("${zugong.demo.seed:20261123}") long seed,
                      @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.desk = desk;
        this.tree = tree;
        this.people = people;
        this.history = history;
        this.calendar = calendar;
        this.tx = new TransactionTemplate(transactions);
        this.seed = seed;
        this.asOf = asOf;
    }

    /** A step of the demo after the talents: once, and only on the Zhoushan tree with its talents. */
    void load() {
        Optional<OrgNode> city = tree.byCode("3309");
        if (city.isEmpty() || tree.byCode("330902").isEmpty() || desk.teamExists(TEAMS[0][0])) {
            return;
        }
        if (desk.employers(city.get().id(), city.get().path(), null, 1).isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        int[] counts = tx.execute(status -> write(city.get(), new Random(seed ^ 0x5a990L)));
        log.info("Demo 人才工作专班: {} teams, {} contacts, {} requests, {} key targets in {} ms", TEAMS.length,
                counts[0], counts[1], counts[2], (System.nanoTime() - start) / 1_000_000);
    }

    private record Leader(Long personId, String name, String post) {
    }

    private int[] write(OrgNode city, Random r) {
        Map<String, OrgNode> units = new LinkedHashMap<>();
        List<Leader> cityLeaders = new ArrayList<>();
        for (String name : List.of("市委组织部", "市科学技术局", "市人力资源和社会保障局", "市经济和信息化局", "市发展和改革委员会")) {
            unit(city, name).ifPresent(u -> cityLeaders.addAll(leaders(u, city, 2)));
        }
        if (cityLeaders.isEmpty()) {
            cityLeaders.add(new Leader(null, "周建华", "市委常委、组织部部长"));
        }
        List<Long> keyTalents = new ArrayList<>(desk.talentsInProgrammes(city.id(), city.path(),
                List.of("NATIONAL_KEY", "NATIONAL_YOUTH", "PROVINCIAL_KEY"), 30));
        // --- 专班
        List<TicketHistory.Ticket> tickets = new ArrayList<>();
        List<LinkedRequest> requests = new ArrayList<>();
        int contacts = 0;
        int ticketNo = 0;
        OrgNode orgDept = unit(city, "市委组织部").orElse(null);
        for (int i = 0; i < TEAMS.length; i++) {
            String[] t = TEAMS[i];
            OrgNode lead = unit(city, t[2]).orElse(orgDept);
            List<Leader> staff = lead == null ? List.of() : leaders(lead, city, 4);
            Leader head = staff.isEmpty() ? new Leader(null, name(r), t[2] + "主要负责人") : staff.get(0);
            long team = desk.team(city.id(), t[0], t[1], fieldNames(t[3]), t[4], t[2], head.personId(), head.name(),
                    i + 1, BY);
            desk.member(team, head.personId(), head.name(), t[2], "LEADER", BY);
            Leader deputy = cityLeaders.get(i % cityLeaders.size());
            desk.member(team, deputy.personId(), deputy.name(), "市委组织部", "DEPUTY", BY);
            for (int m = 1; m < staff.size(); m++) {
                desk.member(team, staff.get(m).personId(), staff.get(m).name(), t[2], m == staff.size() - 1 ? "LIAISON"
                        : "MEMBER", BY);
            }
            List<EmployerRef> served = new ArrayList<>();
            for (String industry : t[3].split(",")) {
                served.addAll(desk.employers(city.id(), city.path(), industry, 4));
            }
            if (!served.isEmpty()) {
                EmployerRef rep = served.get(0);
                desk.member(team, null, name(r), rep.name() + "（企业代表）", "MEMBER", BY);
            }
            served.forEach(e -> desk.served(team, e.id(), null, BY));
            if (!keyTalents.isEmpty()) {
                desk.served(team, null, keyTalents.get(i % keyTalents.size()), BY);
            }
            // contacts every two to three weeks; five of them find a problem that becomes a 人才诉求
            LocalDate day = calendar.onOrNextWorkday(LocalDate.of(asOf.getYear(), 1, 6).plusDays(r.nextInt(10)));
            List<Object[]> found = new ArrayList<>();
            int n = 0;
            while (day.isBefore(asOf)) {
                EmployerRef e = served.isEmpty() ? null : served.get(n % served.size());
                String whom = e == null ? "重点人才" : e.name();
                boolean problem = n % 3 == 1 && found.size() < 5;
                String mode = n % 4 == 2 ? "CALL" : n % 7 == 5 ? "MEETING" : "VISIT";
                Leader by = n % 2 == 0 ? head : staff.size() > 1 ? staff.get(1) : head;
                long contact = desk.contact(city.id(), team, null, null, day, mode, whom, by.name(),
                        CONTACT_TEXT[r.nextInt(CONTACT_TEXT.length)] + (problem ? "，发现问题 1 个，已列入问题清单" : ""),
                        problem ? 1 : 0, BY);
                contacts++;
                if (problem && e != null) {
                    found.add(new Object[] {contact, e, day});
                }
                day = calendar.onOrNextWorkday(day.plusDays(12 + r.nextInt(10)));
                n++;
            }
            for (Object[] f : found) {
                String[] p = PROBLEMS[r.nextInt(PROBLEMS.length)];
                EmployerRef e = (EmployerRef) f[1];
                LocalDateTime raised = ((LocalDate) f[2]).atTime(16, 30);
                OrgNode owner = unit(city, p[1]).orElse(orgDept);
                if (owner == null) {
                    continue;
                }
                String ref = "demo-talent-request-" + String.format("%03d", ++ticketNo);
                String title = e.name() + "：" + p[2];
                tickets.add(ticket(ref, p, title, "【人才诉求】" + t[1] + "走访收集：" + title, e.name() + "负责人", owner,
                        raised, "admin", "市委组织部管理员", r));
                requests.add(new LinkedRequest(e.nodeId(), null, e.id(), team, (Long) f[0], p[0], title, 0, raised));
            }
        }
        // --- the demo talent's own requests: one answered, one being handled
        Optional<long[]> own = desk.talentOf(TalentDemo.TALENT_ACCOUNT);
        if (own.isPresent()) {
            long talent = own.get()[0];
            OrgNode node = tree.byId(own.get()[1]).orElse(city);
            String name = desk.talentName(talent).orElse("人才");
            OrgNode school = unit(node, node.name() + "教育局").or(() -> unit(city, "市教育局")).orElse(orgDept);
            OrgNode housing = unit(node, node.name() + "住房和城乡建设局").or(() -> unit(city, "市住房和城乡建设局")).orElse(orgDept);
            String[] p1 = {"SCHOOL", null, "孩子今年秋季上小学，希望协调就近入学", "已协调" + school.name() + "，安排子女在就近小学就读，9 月 1 日已入学"};
            String[] p2 = {"HOUSING", null, "申请人才公寓，希望了解配租进度", null};
            LocalDateTime r1 = LocalDateTime.of(asOf.getYear(), 6, 12, 20, 15);
            LocalDateTime r2 = asOf.minusDays(9).atTime(21, 5);
            tickets.add(ticket("demo-talent-request-own-1", p1, p1[2], "【人才诉求·子女就学】" + p1[2], name, school, r1,
                    TalentDemo.TALENT_ACCOUNT, name, r));
            tickets.add(ticket("demo-talent-request-own-2", p2, p2[2], "【人才诉求·住房安居】" + p2[2], name, housing, r2,
                    TalentDemo.TALENT_ACCOUNT, name, r));
            long employer = own.get()[2];
            requests.add(new LinkedRequest(node.id(), talent, employer == 0 ? null : employer, null, null, "SCHOOL",
                    p1[2], 0, r1));
            requests.add(new LinkedRequest(node.id(), talent, employer == 0 ? null : employer, null, null, "HOUSING",
                    p2[2], 0, r2));
        }
        Map<String, Long> ids = history.write(tickets, BY, "演示数据（人才诉求）");
        List<LinkedRequest> linked = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            LinkedRequest q = requests.get(i);
            linked.add(new LinkedRequest(q.nodeId(), q.talentId(), q.employerId(), q.teamId(), q.contactId(), q.topic(),
                    q.title(), ids.get(tickets.get(i).sourceRef()), q.raisedAt()));
        }
        desk.requests(linked, BY);
        // --- 党委联系服务专家: key talents, platforms, projects and their leaders (all but five covered)
        int targets = 0;
        List<Long> levelled = desk.talentsAtLevels(city.id(), city.path(), List.of("A", "B", "C"));
        for (long id : keyTalents) {
            desk.keyTalent(id, "入选国家级或省级人才计划", BY);
        }
        List<Long> experts = new ArrayList<>(levelled);
        keyTalents.stream().filter(id -> !experts.contains(id)).forEach(experts::add);
        for (int i = 0; i < experts.size(); i++) {
            targets++;
            if (i >= experts.size() - 2) {
                continue; // two key talents still without a leader
            }
            contacts += lead("TALENT", experts.get(i), city, cityLeaders.get(i % cityLeaders.size()),
                    desk.talentName(experts.get(i)).orElse("重点人才"), r);
        }
        for (int i = 0; i < PLATFORMS.length; i++) {
            String[] p = PLATFORMS[i];
            List<EmployerRef> hosts = desk.employers(city.id(), city.path(), p[3], 3);
            if (hosts.isEmpty()) {
                continue;
            }
            EmployerRef host = hosts.get(i % hosts.size());
            long id = desk.platform(host.nodeId(), p[0], p[1], p[2], host.id(), BY);
            targets++;
            if (i == 4 || i == 11) {
                continue; // two platforms still without a leader
            }
            contacts += lead("PLATFORM", id, city, cityLeaders.get((i + 3) % cityLeaders.size()), host.name(), r);
        }
        for (int i = 0; i < PROJECTS.length; i++) {
            String[] p = PROJECTS[i];
            List<EmployerRef> hosts = desk.employers(city.id(), city.path(), p[2], 2);
            EmployerRef host = hosts.isEmpty() ? null : hosts.get(hosts.size() - 1);
            long id = desk.project(host == null ? city.id() : host.nodeId(), p[0], p[1], host == null ? null : host.id(),
                    LocalDate.of(asOf.getYear() - 1 + i % 2, 3 + i, 1), BY);
            targets++;
            if (i == 6) {
                continue; // one project still without a leader
            }
            contacts += lead("PROJECT", id, city, cityLeaders.get((i + 5) % cityLeaders.size()),
                    host == null ? p[0] : host.name(), r);
        }
        desk.audit("演示数据：人才工作专班 " + TEAMS.length + " 个、联系记录 " + contacts + " 条、人才诉求 " + requests.size()
                + " 件、联系服务对象 " + targets + " 个", Map.of("teams", TEAMS.length, "contacts", contacts,
                "requests", requests.size(), "targets", targets), BY);
        return new int[] {contacts, requests.size(), targets};
    }

    /** Assigns the leader and logs one to three contacts; returns the number of contacts. */
    private int lead(String kind, long id, OrgNode city, Leader leader, String whom, Random r) {
        LocalDate since = LocalDate.of(asOf.getYear(), 1 + r.nextInt(3), 1 + r.nextInt(27));
        desk.leader(kind, id, leader.personId(), leader.name(), leader.post(), since, BY);
        int n = 1 + r.nextInt(3);
        LocalDate day = since;
        for (int i = 0; i < n; i++) {
            day = calendar.onOrNextWorkday(day.plusDays(20 + r.nextInt(60)));
            if (!day.isBefore(asOf)) {
                return i;
            }
            desk.contact(city.id(), null, kind, id, day, i % 2 == 0 ? "VISIT" : "CALL", whom, leader.name(),
                    CONTACT_TEXT[r.nextInt(CONTACT_TEXT.length)], 0, BY);
        }
        return n;
    }

    /** A 人才诉求 ticket with its history: most closed after a satisfied callback, recent ones still being handled. */
    private TicketHistory.Ticket ticket(String ref, String[] p, String title, String description, String requester,
                                        OrgNode owner, LocalDateTime raised, String raisedBy, String raisedByName,
                                        Random r) {
        String category = switch (p[0]) {
            case "HOUSING", "SCHOOL", "SPOUSE", "MEDICAL" -> "LIVELIHOOD";
            case "POLICY" -> "POLICY";
            case "ENTRY" -> "APPROVAL";
            default -> "FACTOR";
        };
        List<HistoricalItem.Step> steps = new ArrayList<>();
        steps.add(new HistoricalItem.Step(raised, raisedBy, raisedByName, ClosureAction.REGISTER, null,
                ClosureStatus.REGISTERED, null));
        ClosureStatus status = ClosureStatus.REGISTERED;
        LocalDateTime assigned = raised.plusDays(1).withHour(9);
        LocalDate deadline = calendar.onOrNextWorkday(assigned.toLocalDate().plusDays(20));
        String measures = null;
        String resolution = null;
        LocalDateTime resolvedAt = null;
        LocalDateTime closedAt = null;
        LocalDateTime triaged = null;
        List<TicketHistory.Callback> callbacks = new ArrayList<>();
        long age = asOf.toEpochDay() - raised.toLocalDate().toEpochDay();
        boolean open = p[3] == null || (!ref.contains("-own-") && (age < 20 || r.nextInt(12) == 0));
        if (assigned.toLocalDate().isBefore(asOf)) {
            triaged = assigned;
            steps.add(new HistoricalItem.Step(assigned, "admin", "市委组织部管理员", ClosureAction.ASSIGN, status,
                    ClosureStatus.ASSIGNED, "人才诉求，请按期办理并答复"));
            status = ClosureStatus.ASSIGNED;
            LocalDateTime started = assigned.plusDays(1 + r.nextInt(3));
            if (started.toLocalDate().isBefore(asOf)) {
                measures = "已与诉求人联系，明确办理方案";
                steps.add(new HistoricalItem.Step(started, "unit", "责任单位经办人", ClosureAction.START, status,
                        ClosureStatus.IN_PROGRESS, measures));
                status = ClosureStatus.IN_PROGRESS;
                LocalDateTime done = started.plusDays(3 + r.nextInt(14));
                if (!open && done.toLocalDate().isBefore(asOf)) {
                    resolution = p[3];
                    steps.add(new HistoricalItem.Step(done, "unit", "责任单位经办人", ClosureAction.RESOLVE, status,
                            ClosureStatus.RESOLVED, resolution));
                    status = ClosureStatus.RESOLVED;
                    resolvedAt = done;
                    LocalDateTime call = done.plusDays(2);
                    if (call.toLocalDate().isBefore(asOf)) {
                        callbacks.add(new TicketHistory.Callback(call, "reviewer", "市委组织部审核员", "SATISFIED",
                                "电话回访，诉求人满意"));
                        LocalDateTime verify = call.plusDays(1);
                        if (verify.toLocalDate().isBefore(asOf) && r.nextInt(10) > 0) {
                            steps.add(new HistoricalItem.Step(verify, "reviewer", "市委组织部审核员", ClosureAction.VERIFY,
                                    status, ClosureStatus.VERIFIED, "核验属实"));
                            steps.add(new HistoricalItem.Step(verify.plusHours(2), "reviewer", "市委组织部审核员",
                                    ClosureAction.CLOSE, ClosureStatus.VERIFIED, ClosureStatus.CLOSED, "同意销号"));
                            status = ClosureStatus.CLOSED;
                            closedAt = verify.plusHours(2);
                        }
                    }
                }
            }
        }
        String phone = "13" + (700000000 + r.nextInt(99999999));
        return new TicketHistory.Ticket(ref, category, TicketSource.TALENT, title, description, requester, phone,
                owner.id(), owner.id(), raisedBy, raisedByName, raised, null, null, status, deadline, triaged, 0, null,
                measures, resolution, resolvedAt, closedAt, steps, callbacks, null);
    }

    private Optional<OrgNode> unit(OrgNode under, String name) {
        return tree.search(name, under.asScope(), 10).stream().filter(OrgNode::isUnit)
                .filter(u -> u.name().equals(name)).findFirst();
    }

    /** People of a unit from the roster, the most senior first as the roster lists them. */
    private List<Leader> leaders(OrgNode unit, OrgNode city, int count) {
        List<PersonCard> cards = people.unit(unit.id(), city.asScope(), asOf);
        return cards.stream().limit(count).map(c -> new Leader(c.id(), c.name(),
                unit.name() + (c.postLevel() == null ? "" : c.postLevel()))).toList();
    }

    private static String fieldNames(String codes) {
        return String.join("、", java.util.Arrays.stream(codes.split(",")).map(c -> switch (c) {
            case "OIL_GAS_TRADE" -> "油气贸易交易";
            case "OIL_GAS_STORAGE" -> "油气储运";
            case "BONDED_FUEL" -> "保税燃料油";
            case "PETROCHEM_MATERIALS" -> "石化新材料";
            case "MARITIME_SHIPPING" -> "海事航运";
            case "MARINE_EQUIPMENT" -> "船舶与海工装备";
            case "DIGITAL_ECONOMY" -> "数字经济";
            case "MARINE_BIO" -> "海洋生物医药";
            case "FISHERY" -> "现代渔业";
            case "TOURISM" -> "海岛旅游";
            case "NEW_ENERGY" -> "新能源";
            case "FINANCE" -> "金融";
            case "EDUCATION" -> "教育";
            case "HEALTH" -> "卫生健康";
            default -> c;
        }).toList());
    }

    private static String name(Random r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }
}

package cn.zugong.demo.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.service.CadreType;
import cn.zugong.org.NodeKind;
import cn.zugong.security.Accounts;
import cn.zugong.service.ChargeKind;
import cn.zugong.service.ServiceHistory;
import cn.zugong.service.VisitKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo 走访服务 (deterministic, seed of the demo): 30 service cadres across 定海, 普陀, 岱山 and 嵊泗 (暖企专员 in the
 * economic bureaus, 五个一批 in the county departments, 第一书记 in the townships), 24 enterprises, 8 projects, their
 * charges and about 300 visits from January to the demo's date. The {@code cadre} account is linked to the first
 * 定海 暖企专员. Written with batch statements once; skipped when the demo cadres exist.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class ServiceDemo {

    private static final Logger log = LoggerFactory.getLogger(ServiceDemo.class);
    static final String ACTOR = "demo";
    static final String CADRE_ACCOUNT = "cadre";

    /** county code, county name, then nine cadre names (the first three 暖企专员, the next three 五个一批). */
    private static final String[][] COUNTIES = {
            {"330902", "定海区", "王海峰", "陈晓燕", "李国强", "张建军", "刘芳", "周海涛", "吴敏", "郑志刚", "孙丽华"},
            {"330903", "普陀区", "林海波", "黄静", "徐建华", "胡晓东", "朱丽娟", "何志明", "马骏", "罗小燕", "梁国平"},
            {"330921", "岱山县", "谢晓峰", "韩雪", "唐建国", "冯海燕", "曹志强", "邓丽"},
            {"330922", "嵊泗县", "许海军", "蒋晓红", "沈国华", "杨帆", "袁志勇", "潘丽萍"}};
    private static final String[] WARM_UNITS = {"经济和信息化局", "商务局", "发展和改革局"};
    private static final String[] BATCH_UNITS = {"委组织部", "农业农村局", "科学技术局", "发展和改革局"};
    /** Enterprise name patterns ({c} = the county's short name) with their industry. */
    private static final String[][] ENTERPRISES = {
            {"舟山{x}水产有限公司", "水产加工"}, {"{c}{x}船舶修造有限公司", "船舶修造"}, {"舟山{x}远洋渔业有限公司", "远洋渔业"},
            {"{c}{x}海洋生物科技有限公司", "海洋生物"}, {"舟山{x}港口物流有限公司", "港航物流"}, {"{c}{x}石化装备有限公司", "石化装备"}};
    private static final String[] WORDS = {"海丰", "鑫海", "宏达", "东鹏", "兴港", "蓝海", "金塘", "华洋", "永盛", "海力",
            "明珠", "瑞海", "恒通", "远航", "银涛", "浪港", "舟华", "海晟", "嘉和", "泰安", "顺航", "中和", "新东", "长峙"};
    /** Projects per county: name | industry. */
    private static final Map<String, String[]> PROJECTS = Map.of(
            "330902", new String[] {"定海远洋渔业小镇建设项目|远洋渔业", "舟山海洋科学城人才公寓项目|城市建设"},
            "330903", new String[] {"普陀国际水产城冷链物流中心项目|冷链物流", "普陀山—朱家尖国际旅游岛提升工程|文化旅游"},
            "330921", new String[] {"舟山绿色石化基地配套工程|石油化工", "岱山海洋经济产业园标准厂房项目|先进制造"},
            "330922", new String[] {"嵊泗绿华海上风电项目|新能源", "嵊泗枸杞岛乡村振兴示范带项目|乡村振兴"});
    private static final String[] WHOM = {"总经理", "董事长", "办公室主任", "生产负责人", "财务负责人", "项目经理"};
    private static final String[] FARMERS = {"渔民", "养殖户", "村民代表", "村党支部书记", "渔业合作社社长", "民宿经营户"};
    private static final String[] NOTES = {
            "了解企业生产经营情况，宣讲惠企政策，企业反映用工紧张，已记录。",
            "对接项目推进进度，协调施工用地和用电保障事项。",
            "走访渔农户，了解今年收成和渔船安全生产情况，宣传渔业补贴政策。",
            "帮助企业梳理融资需求，对接辖区银行。",
            "了解项目审批中存在的堵点，答复将协调相关部门。",
            "听取意见建议，宣传人才码和人才政策。"};

    private final OrgTree tree;
    private final ServiceHistory service;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final long seed;
    private final LocalDate asOf;
    private final String rootCode;
    private final boolean exitAfterLoad;

    ServiceDemo(OrgTree tree, ServiceHistory service, Accounts accounts, PlatformTransactionManager transactions,
                @Value("${zugong.demo.seed:20261123}") long seed,
                @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf,
                @Value("${zugong.org.division-prefix:3309}") String rootCode,
                @Value("${zugong.demo.exit-after-load:false}") boolean exitAfterLoad) {
        this.tree = tree;
        this.service = service;
        this.accounts = accounts;
        this.tx = new TransactionTemplate(transactions);
        this.seed = seed;
        this.asOf = asOf;
        this.rootCode = rootCode;
        this.exitAfterLoad = exitAfterLoad;
    }

    /** Step 5 of the demo (before the tickets, whose tickets from visits point to these visits). */
    void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (exitAfterLoad || !"3309".equals(rootCode) || tree.byCode("330902").isEmpty() || service.written(ACTOR)
                || city == null || tree.countInSubtree(city, NodeKind.UNIT) == 0) {
            return;
        }
        long start = System.nanoTime();
        int visits = tx.execute(status -> write(new Random(seed ^ 0x5E41CEL)));
        log.info("Demo 走访服务: 30 service cadres, {} visits in {} ms", visits, (System.nanoTime() - start) / 1_000_000);
    }

    private record DemoCadre(String name, String phone, long nodeId, CadreType type, String username, OrgNode county,
                             Long township) {
    }

    private int write(Random random) {
        LocalDateTime now = asOf.atTime(9, 0);
        List<DemoCadre> cadres = new ArrayList<>();
        List<ServiceHistory.Enterprise> enterprises = new ArrayList<>();
        List<ServiceHistory.Project> projects = new ArrayList<>();
        int word = 0;
        for (String[] county : COUNTIES) {
            OrgNode node = tree.byCode(county[0]).orElseThrow();
            String shortName = county[1].substring(0, 2);
            List<OrgNode> townNodes = tree.children(node.id(), node.asScope()).stream()
                    .filter(t -> t.kind() == NodeKind.TOWNSHIP).toList();
            Map<String, Long> units = new HashMap<>();
            List<long[]> townships = new ArrayList<>();
            var townIds = townNodes.stream().map(OrgNode::id).toList();
            for (OrgNode u : tree.units(node.asScope())) {
                units.put(u.name(), u.id());
                if (townIds.contains(u.parentId())) {
                    townships.add(new long[] {u.id(), u.parentId()});
                }
            }
            for (int i = 2; i < county.length; i++) {
                int n = i - 2;
                CadreType type = n < 3 ? CadreType.WARM_ENTERPRISE : n < 6 ? CadreType.FIVE_BATCHES
                        : CadreType.FIRST_SECRETARY;
                long unit;
                Long township = null;
                if (type == CadreType.FIRST_SECRETARY || (county.length < 11 && n == 5)) {
                    long[] t = townships.get(Math.floorMod(n * 3 + i, townships.size()));
                    unit = t[0];
                    township = t[1];
                    type = CadreType.FIRST_SECRETARY;
                } else {
                    String[] names = type == CadreType.WARM_ENTERPRISE ? WARM_UNITS : BATCH_UNITS;
                    unit = units.getOrDefault(county[1] + names[n % 3], node.id());
                    township = townships.get(random.nextInt(townships.size()))[1];
                }
                String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
                boolean linked = county[0].equals("330902") && n == 0;
                cadres.add(new DemoCadre(county[i], phone, unit, type, linked ? CADRE_ACCOUNT : null, node, township));
            }
            for (int e = 0; e < ENTERPRISES.length; e++) {
                String name = ENTERPRISES[e][0].replace("{c}", shortName).replace("{x}", WORDS[word++ % WORDS.length]);
                String code = ServiceHistory.creditCode("91" + county[0] + "MA2"
                        + String.format("%06d", random.nextInt(1_000_000)));
                OrgNode at = townNodes.get(random.nextInt(townNodes.size()));
                enterprises.add(new ServiceHistory.Enterprise(name, code, ENTERPRISES[e][1], county[1] + at.name(),
                        at.id()));
            }
            for (String p : PROJECTS.get(county[0])) {
                String[] parts = p.split("\\|");
                OrgNode at = townNodes.get(random.nextInt(townNodes.size()));
                projects.add(new ServiceHistory.Project(parts[0], parts[1], county[1] + at.name(), at.id()));
            }
        }
        boolean cadreAccount = accounts.exists(CADRE_ACCOUNT) && !service.hasCadre(CADRE_ACCOUNT);
        Map<String, Long> cadreIds = service.addCadres(cadres.stream().map(c -> new ServiceHistory.Cadre(c.name(),
                c.phone(), c.nodeId(), c.type(), cadreAccount ? c.username() : null)).toList(), ACTOR, now);
        Map<String, Long> enterpriseIds = service.addEnterprises(enterprises, ACTOR, now);
        Map<String, Long> projectIds = service.addProjects(projects, ACTOR, now);
        return charges(random, cadres, cadreIds, enterprises, enterpriseIds, projects, projectIds, now);
    }

    private int charges(Random random, List<DemoCadre> cadres, Map<String, Long> cadreIds,
                        List<ServiceHistory.Enterprise> enterprises, Map<String, Long> enterpriseIds,
                        List<ServiceHistory.Project> projects, Map<String, Long> projectIds, LocalDateTime now) {
        LocalDate yearStart = LocalDate.of(asOf.getYear(), 1, 1);
        LocalDate midYear = LocalDate.of(asOf.getYear(), 6, 30);
        List<ServiceHistory.Charge> charges = new ArrayList<>();
        Map<Long, List<long[]>> villagesByTownship = new HashMap<>();
        for (int i = 0; i < cadres.size(); i++) {
            DemoCadre c = cadres.get(i);
            long id = cadreIds.get(c.name());
            int county = i < 9 ? 0 : i < 18 ? 1 : i < 24 ? 2 : 3;
            List<ServiceHistory.Enterprise> ownEnterprises = enterprises.subList(county * 6, county * 6 + 6);
            List<ServiceHistory.Project> ownProjects = projects.subList(county * 2, county * 2 + 2);
            List<long[]> villages = c.township() == null ? List.of()
                    : villagesByTownship.computeIfAbsent(c.township(), t -> villages(c.county(), t));
            switch (c.type()) {
                case WARM_ENTERPRISE -> {
                    for (int e = 0; e < 3; e++) {
                        String name = ownEnterprises.get((i + e * 2) % 6).name();
                        // one charge per warm-enterprise cadre ended at mid-year, handed over to the next one
                        LocalDate to = e == 2 && i % 3 == 1 ? midYear : null;
                        charges.add(new ServiceHistory.Charge(id, ChargeKind.ENTERPRISE, enterpriseIds.get(name),
                                yearStart, to));
                    }
                }
                case FIVE_BATCHES -> {
                    String project = ownProjects.get(i % 2).name();
                    String enterprise = ownEnterprises.get((i + 1) % 6).name();
                    charges.add(new ServiceHistory.Charge(id, ChargeKind.PROJECT, projectIds.get(project), yearStart,
                            null));
                    charges.add(new ServiceHistory.Charge(id, ChargeKind.ENTERPRISE, enterpriseIds.get(enterprise),
                            yearStart.plusMonths(2), null));
                    if (!villages.isEmpty()) {
                        long[] v = villages.get(random.nextInt(villages.size()));
                        charges.add(new ServiceHistory.Charge(id, ChargeKind.VILLAGE, v[0], yearStart, null));
                    }
                }
                case FIRST_SECRETARY -> {
                    for (int v = 0; v < Math.min(2, villages.size()); v++) {
                        charges.add(new ServiceHistory.Charge(id, ChargeKind.VILLAGE, villages.get(v)[0], yearStart,
                                null));
                    }
                }
            }
        }
        List<Long> chargeIds = service.addCharges(charges, ACTOR, now);
        return visits(random, cadres, cadreIds, charges, chargeIds, now);
    }

    /** The villages of a township in the order of their paths. */
    private List<long[]> villages(OrgNode county, long township) {
        return tree.children(township, county.asScope()).stream().filter(v -> v.kind() == NodeKind.VILLAGE)
                .sorted(Comparator.comparing(OrgNode::path)).map(v -> new long[] {v.id()}).toList();
    }

    private int visits(Random random, List<DemoCadre> cadres, Map<String, Long> cadreIds,
                       List<ServiceHistory.Charge> charges, List<Long> chargeIds, LocalDateTime now) {
        LocalDate first = LocalDate.of(asOf.getYear(), 1, 5);
        int days = (int) (asOf.toEpochDay() - first.toEpochDay());
        List<ServiceHistory.Visit> rows = new ArrayList<>();
        for (DemoCadre c : cadres) {
            long id = cadreIds.get(c.name());
            List<Integer> own = new ArrayList<>();
            for (int k = 0; k < charges.size(); k++) {
                if (charges.get(k).cadreId() == id) {
                    own.add(k);
                }
            }
            int count = CADRE_ACCOUNT.equals(c.username()) ? 14 : 8 + random.nextInt(5);
            for (int v = 0; v < count; v++) {
                LocalDate date = first.plusDays(random.nextInt(days));
                List<Integer> current = own.stream().filter(k -> !date.isBefore(charges.get(k).from())
                        && (charges.get(k).to() == null || !date.isAfter(charges.get(k).to()))).toList();
                if (current.isEmpty()) {
                    continue;
                }
                int k = current.get(random.nextInt(current.size()));
                ServiceHistory.Charge ch = charges.get(k);
                VisitKind kind = switch (ch.kind()) {
                    case ENTERPRISE -> VisitKind.ENTERPRISE;
                    case PROJECT -> VisitKind.PROJECT;
                    case VILLAGE -> VisitKind.FARMER;
                };
                String whom = kind == VisitKind.FARMER ? FARMERS[random.nextInt(FARMERS.length)]
                        : WHOM[random.nextInt(WHOM.length)];
                String surname = String.valueOf("王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗".charAt(random.nextInt(20)));
                int[] fitting = kind == VisitKind.PROJECT ? new int[] {1, 4} : kind == VisitKind.FARMER
                        ? new int[] {2, 5} : new int[] {0, 3, 5};
                String notes = NOTES[fitting[random.nextInt(fitting.length)]];
                rows.add(new ServiceHistory.Visit(id, chargeIds.get(k), kind, date,
                        kind == VisitKind.FARMER ? "村委会及渔农户家中" : "企业（项目）现场", surname + whom, notes,
                        random.nextInt(8) == 0, date.atTime(17, 30).isAfter(now) ? now : date.atTime(17, 30)));
            }
        }
        service.addVisits(rows, ACTOR);
        return rows.size();
    }
}

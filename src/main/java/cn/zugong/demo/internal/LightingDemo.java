package cn.zugong.demo.internal;

import cn.zugong.lighting.LightingHistory;
import cn.zugong.lighting.LightingHistory.NewList;
import cn.zugong.lighting.LightingHistory.NewTask;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
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
 * Demo 亮灯台 (deterministic, seed of the demo): 舟山市2026年人才工作重点任务 — 110 tasks over real demo
 * units with reports January to October — and the items of a 人才座谈会 whose October window is open on the
 * demo's date. January to September are closed here; the job closes what the clock says is due.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class LightingDemo {

    private static final Logger log = LoggerFactory.getLogger(LightingDemo.class);
    static final String ANNUAL_CODE = "ZS-2026-RC";
    static final String SYMPOSIUM_CODE = "ZS-2026-ZTH";
    static final String[] COUNTIES = {"定海区", "普陀区", "岱山县", "嵊泗县"};

    /** lead | title | measure | target | weight (city level: 46 tasks). */
    static final String[] CITY = {
            "市委组织部|新引育国家级重点人才|人|15|3", "市委组织部|新引育省级以上领军人才|人|40|3",
            "市委组织部|实施“舟创未来”引才计划，举办全球招才引智活动|场|12|2", "市委组织部|开展自贸人才举荐认定|人|30|2",
            "市委组织部|建设“甬舟人才一体化发展飞地”，新入驻人才项目|个|20|3", "市委组织部|召开人才座谈会，收集人才诉求并督办落实|次|4|1",
            "市委组织部|组织重点人才工作推进例会|次|10|1", "市委组织部|完善“红紫黄蓝绿”五色预警亮灯督办机制|项|1|1",
            "市人力资源和社会保障局|新引进高校毕业生|人|12000|3", "市人力资源和社会保障局|新增高技能人才|人|6000|2",
            "市人力资源和社会保障局|新建博士后工作站|家|6|2", "市人力资源和社会保障局|发放人才安居补贴|万元|8000|2",
            "市人力资源和社会保障局|举办大学生就业见习和实习实训对接会|场|20|1", "市人力资源和社会保障局|开展技能人才自主评价企业认定|家|50|1",
            "市科学技术局|新建省级以上研发平台|个|12|3", "市科学技术局|新认定省科技型中小企业|家|300|2",
            "市科学技术局|引进共建高水平创新载体|个|3|2", "市科学技术局|推进中科院宁波材料所岱山新材料研究和试验基地项目入驻|个|7|2",
            "市科学技术局|实施重大科技攻关项目|项|15|2", "市经济和信息化局|培育“专精特新”企业引才用才|家|40|2",
            "市经济和信息化局|建设石化新材料产业人才创新联合体|个|2|2", "市经济和信息化局|开展企业家“海岛领航”培训|人次|300|1",
            "市教育局|引进优秀教育人才和名校毕业生|人|400|2", "市教育局|建设产教融合实训基地|个|5|1",
            "市卫生健康委员会|引进高层次医疗卫生人才|人|60|2", "市卫生健康委员会|培养基层全科医生|人|120|1",
            "市发展和改革委员会|推进人才发展重大项目落地|个|10|2", "市财政局|兑现人才政策资金|万元|30000|2",
            "市商务局|引进油气贸易和自贸领域紧缺人才|人|200|2", "市商务局|开展自贸企业认定|家|98|1",
            "市农业农村局|培育农村实用人才和乡村工匠|人|800|2", "市海洋与渔业局|培育新型职业渔民|人|500|1",
            "市海洋与渔业局|引进海洋经济领域专业人才|人|80|2", "市文化和广电旅游体育局|引进文旅体育专业人才|人|40|1",
            "市住房和城乡建设局|筹集人才公寓房源|套|3000|2", "市住房和城乡建设局|建设青年人才驿站|个|10|1",
            "市大数据发展管理局|人才码服务事项上线|项|80|3", "市大数据发展管理局|人才码高频事项全程网办|项|35|2",
            "市大数据发展管理局|人才码新增申领人数|人|20000|1", "市港航和口岸管理局|引进海事航运高端人才|人|50|1",
            "市自然资源和规划局|保障人才飞地和创新平台用地|亩|300|1", "市科协|建设院士专家工作站|家|8|1",
            "共青团市委|开展“青年人才留舟”系列活动|场|24|1", "市总工会|选树“舟山工匠”|人|100|1",
            "市妇联|开展女性人才创新创业扶持|人|200|1", "市委组织部|编制人才工作年度报告和“这一年”数据分析|份|1|1"};

    /** {c} = county (4 × 16 = 64 tasks). */
    static final String[] COUNTY = {
            "{c}委组织部|{c}新引育省级以上重点人才|人|8|2", "{c}委组织部|{c}举办人才座谈会和人才沙龙|场|6|1",
            "{c}委组织部|{c}建设人才服务综合体|个|1|2", "{c}委组织部|{c}落实人才码服务“码上秒享”事项|项|20|1",
            "{c}人力资源和社会保障局|{c}新引进高校毕业生|人|2500|2", "{c}人力资源和社会保障局|{c}新增技能人才|人|1500|1",
            "{c}人力资源和社会保障局|{c}开展“双招双引”专场招聘|场|10|1", "{c}科学技术局|{c}新建企业研发中心|家|15|2",
            "{c}科学技术局|{c}引进科技创新团队|个|3|2", "{c}教育局|{c}引进优秀教育人才|人|80|1",
            "{c}教育局|{c}建设名师名校长工作室|个|6|1", "{c}经济和信息化局|{c}培育企业“引才用才”示范单位|家|10|1",
            "{c}卫生健康局|{c}引进医疗卫生紧缺人才|人|20|1", "{c}农业农村局|{c}培育农创客和乡村振兴带头人|人|60|1",
            "{c}海洋与渔业局|{c}培训渔农村实用人才|人次|400|1", "{c}委组织部|{c}推进人才飞地项目对接|个|5|1"};

    /** The 人才座谈会 items (lead | item | measure | target | weight | deadline month). */
    static final String[] SYMPOSIUM = {
            "市委组织部|落实座谈会人才反映的子女入学问题|件|30|2|9", "市人力资源和社会保障局|简化高层次人才认定流程|项|5|1|6",
            "市大数据发展管理局|人才码增加交通出行优惠场景|个|6|1|10", "市住房和城乡建设局|加快人才公寓配租|套|500|2|12",
            "定海区教育局|为引进人才子女提供优质学位|个|120|1|12", "普陀区委组织部|建立人才联络员制度|人|50|1|8",
            "岱山县科学技术局|对接新材料研发团队需求清单|项|12|1|11", "市科学技术局|开展人才创新创业项目路演|场|4|1|12"};

    private final LightingHistory lighting;
    private final OrgTree tree;
    private final TransactionTemplate tx;
    private final long seed;
    private final String rootCode;
    private final boolean exitAfterLoad;

    LightingDemo(LightingHistory lighting, OrgTree tree, PlatformTransactionManager transactions,
                 @Value("${zugong.demo.seed:20261123}") long seed,
                 @Value("${zugong.org.division-prefix:3309}") String rootCode,
                 @Value("${zugong.demo.exit-after-load:false}") boolean exitAfterLoad) {
        this.lighting = lighting;
        this.tree = tree;
        this.tx = new TransactionTemplate(transactions);
        this.seed = seed;
        this.rootCode = rootCode;
        this.exitAfterLoad = exitAfterLoad;
    }

    /** Step 4 of the demo. */
    void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (exitAfterLoad || !"3309".equals(rootCode) || city == null || lighting.exists(ANNUAL_CODE)) {
            return;
        }
        long start = System.nanoTime();
        Map<String, Long> units = new HashMap<>();
        tree.units(city.asScope()).forEach(u -> units.putIfAbsent(u.name(), u.id()));
        Random random = new Random(seed);
        tx.executeWithoutResult(s -> {
            long annual = annual(city, units, random);
            symposium(city, units, random);
            for (int m = 1; m <= 9; m++) {
                lighting.closeMonth(annual, 2026, m, "demo");
            }
        });
        lighting.runJob();
        log.info("Demo 亮灯台: {} tasks, 10 months of reports in {} ms", lighting.taskCount(ANNUAL_CODE),
                (System.nanoTime() - start) / 1_000_000);
    }

    private long annual(OrgNode city, Map<String, Long> units, Random random) {
        LocalDateTime created = LocalDateTime.of(2026, 1, 8, 9, 0);
        long id = lighting.addList(new NewList(ANNUAL_CODE, "舟山市2026年人才工作重点任务", 2026, "人才工作", false, null,
                null, city, null, "demo", created));
        List<String[]> rows = new ArrayList<>();
        for (String line : CITY) {
            rows.add(line.split("\\|"));
        }
        for (String line : COUNTY) {
            for (String c : COUNTIES) {
                rows.add(line.replace("{c}", c).split("\\|"));
            }
        }
        List<String> pool = List.of("市委组织部", "市人力资源和社会保障局", "市财政局", "市科学技术局", "市大数据发展管理局");
        int n = 0;
        List<Planned> tasks = new ArrayList<>();
        for (String[] r : rows) {
            Long lead = units.get(r[0]);
            if (lead == null) {
                continue;
            }
            n++;
            List<Long> co = new ArrayList<>();
            if (random.nextInt(3) > 0) {
                Long u = units.get(pool.get(random.nextInt(pool.size())));
                if (u != null && !u.equals(lead)) {
                    co.add(u);
                }
            }
            int deadlineMonth = random.nextInt(5) == 0 ? 6 + random.nextInt(4) : 12;
            NewTask t = new NewTask(String.format("RC2026-%03d", n), r[1], lead, r[0], co, new BigDecimal(r[4]),
                    new BigDecimal(r[3]), r[2], plan(1, deadlineMonth, random), LocalDate.of(2026, deadlineMonth, 1)
                    .withDayOfMonth(LocalDate.of(2026, deadlineMonth, 1).lengthOfMonth()), null);
            tasks.add(new Planned(lighting.addTask(id, t, created), t));
        }
        reports(tasks, 1, 10, random, true);
        return id;
    }

    private void symposium(OrgNode city, Map<String, Long> units, Random random) {
        LocalDate meeting = LocalDate.of(2026, 3, 18);
        long id = lighting.addList(new NewList(SYMPOSIUM_CODE, "2026年一季度人才工作座谈会议定事项", 2026, "人才工作", true,
                "2026年一季度人才工作座谈会", meeting, city, new LightingHistory.Window(20, 28, 3), "demo",
                meeting.atTime(17, 0)));
        List<Planned> tasks = new ArrayList<>();
        int n = 0;
        for (String line : SYMPOSIUM) {
            String[] r = line.split("\\|");
            Long lead = units.get(r[0]);
            if (lead == null) {
                continue;
            }
            n++;
            int deadline = Integer.parseInt(r[5]);
            NewTask t = new NewTask(String.format("ZTH2026-%02d", n), r[1], lead, r[0], List.of(),
                    new BigDecimal(r[4]), new BigDecimal(r[3]), r[2], plan(4, deadline, random),
                    LocalDate.of(2026, deadline, 1).withDayOfMonth(LocalDate.of(2026, deadline, 1).lengthOfMonth()),
                    "人才座谈会议定事项第 " + n + " 条");
            tasks.add(new Planned(lighting.addTask(id, t, meeting.atTime(17, 0)), t));
        }
        reports(tasks, 4, 9, random, false);
    }

    /** Cumulative plan: 0 before {@code from}, rising evenly to 100 at {@code deadline}. */
    static List<Integer> plan(int from, int deadline, Random random) {
        List<Integer> plan = new ArrayList<>();
        int steps = deadline - from + 1;
        for (int m = 1; m <= 12; m++) {
            if (m < from) {
                plan.add(0);
            } else if (m >= deadline) {
                plan.add(100);
            } else {
                int v = (int) Math.round(100.0 * (m - from + 1) / steps / 5) * 5;
                plan.add(Math.min(95, Math.max(v, plan.isEmpty() ? 0 : plan.get(plan.size() - 1))));
            }
        }
        return plan;
    }

    /** Reports of months {@code from}..{@code to}: each task has a pace; a few stall, a few miss months. */
    private void reports(List<Planned> tasks, int from, int to, Random random, boolean octoberMixed) {
        List<LightingHistory.Report> rows = new ArrayList<>();
        for (Planned planned : tasks) {
            NewTask t = planned.task();
            int kind = random.nextInt(100);
            double pace = kind < 35 ? 1.05 + random.nextDouble() * 0.3 : kind < 65 ? 0.98 + random.nextDouble() * 0.08
                    : kind < 82 ? 0.8 + random.nextDouble() * 0.18 : 0.45 + random.nextDouble() * 0.3;
            int stallFrom = random.nextInt(100) < 6 ? 6 + random.nextInt(3) : 99;
            BigDecimal last = BigDecimal.ZERO;
            for (int m = from; m <= to; m++) {
                boolean missing = random.nextInt(100) < 3;
                String status = "APPROVED";
                String reason = null;
                if (m == 10 && octoberMixed) {
                    int r = random.nextInt(100);
                    status = r < 70 ? "SUBMITTED" : r < 82 ? "APPROVED" : r < 87 ? "RETURNED" : r < 92 ? "DRAFT" : null;
                    missing = status == null;
                    reason = "RETURNED".equals(status) ? "佐证材料不全，请补充会议纪要或名单后重新提交" : null;
                }
                BigDecimal value = t.planned(2026, m).multiply(BigDecimal.valueOf(m >= stallFrom ? 0 : pace));
                value = value.setScale(0, RoundingMode.HALF_UP).min(t.target());
                if (m >= stallFrom || value.compareTo(last) < 0) {
                    value = last;
                }
                last = value;
                if (missing) {
                    continue;
                }
                boolean late = random.nextInt(100) < 4 && m < 10;
                LocalDateTime saved = YearMonth.of(2026, m).plusMonths(1).atDay(late ? 12 : 3 + random.nextInt(6))
                        .atTime(10, 0);
                boolean submitted = !"DRAFT".equals(status);
                boolean reviewed = "APPROVED".equals(status) || reason != null;
                rows.add(new LightingHistory.Report(planned.id(), 2026, m, t.leadUnitId(), value, narrative(t, value),
                        status, late, "demo", saved, submitted ? "demo" : null, submitted ? saved : null,
                        reviewed ? "reviewer" : null, reviewed ? saved.plusDays(1) : null, reason));
            }
        }
        lighting.addReports(rows);
    }

    /** A task as written, with its id. */
    private record Planned(long id, NewTask task) {
    }

    private static String narrative(NewTask t, BigDecimal value) {
        return "截至本月累计完成 " + value.toPlainString() + " " + t.measure() + "（目标 " + t.targetText()
                + "）。已召开专题推进会，按照“一月一督办”要求压实责任，下步将加强部门协同、加快节点推进。";
    }
}

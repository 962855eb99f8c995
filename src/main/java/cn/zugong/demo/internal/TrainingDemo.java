package cn.zugong.demo.internal;

import cn.zugong.cadre.TrainingRecords;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's 干部培训 (classes, enrolment, attendance, hours) and 调研课题 (issue 19, ADR 079), through the module's
 * API as the city's administrator, in the as-of year. Training: near the seed's 「各级各类干部4876人次参训」 — face-to-face
 * 主体班次 and 专题研讨班 of the city and the counties (two eight-hour sessions each, most attending) and the 网络学院's
 * yearly online courses, whose completed hours bring each person's year total back to the roster's own figure (so the
 * demo's 数字体检 stays as generated). 调研课题: the seed's 636 topics, 140 key, 95.8% scaled to a tenth — 64 topics
 * led by the city's 县处级 leaders, 14 key, 240 problems of which 230 solved. Seeded randomness; skipped when any class
 * or topic exists.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class TrainingDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(TrainingDemo.class);
    static final int ENROLMENTS = 4876;
    static final int ONLINE_PEOPLE = 3000;
    static final int CLASS_SIZE = 48;
    static final int TOPICS = 64;
    static final int KEY_TOPICS = 14;
    static final int PROBLEMS = 240;
    static final int SOLVED = 230;

    private static final String[] MAIN = {"中青年干部培训班", "新任职领导干部培训班", "科级干部任职培训班", "年轻干部“墩苗”培训班"};
    private static final String[] SEMINAR = {"海洋经济高质量发展专题研讨班", "共同富裕现代化基本单元专题研讨班",
            "基层治理能力提升专题研讨班", "招商引资与项目攻坚专题研讨班", "数字化改革专题研讨班", "防台防汛应急处置专题研讨班"};
    private static final String[] TOPIC_AREAS = {"海岛共同富裕", "渔业转型升级", "港航物流提能", "海岛旅游发展", "基层治理",
            "村级集体经济增收", "营商环境优化", "人才引育", "海上应急救援", "老旧小区改造", "海岛公共服务", "重大项目攻坚"};
    private static final String[] PROBLEMS_TEXT = {"审批环节多、周期长", "要素保障不足", "部门协同机制不顺", "政策落地“最后一公里”不畅",
            "基层力量薄弱", "资金来源单一", "群众诉求响应慢", "配套设施滞后"};

    private final TrainingRecords records;
    private final OrgTree tree;
    private final JdbcClient jdbc;
    private final LocalDate asOf;

    TrainingDemo(TrainingRecords records, OrgTree tree, JdbcClient jdbc,
                 @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.records = records;
        this.tree = tree;
        this.jdbc = jdbc;
        this.asOf = asOf;
    }

    @Override
    public void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null || records.any()) {
            return;
        }
        long start = System.nanoTime();
        CurrentUser admin = new CurrentUser(0, "admin", "市委组织部管理员", Role.ADMIN, city.asScope(), city.name());
        List<OrgNode> counties = tree.children(city.id(), city.asScope()).stream()
                .filter(n -> n.kind() == NodeKind.COUNTY).toList();
        int enrolments = training(admin, city, counties);
        int topics = research(admin, city, counties);
        log.info("Demo 干部培训 and 调研课题: {} enrolments, {} topics in {} ms", enrolments, topics,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** People in service of the city with their roster hours of the year (the online courses top them up to it). */
    private int training(CurrentUser admin, OrgNode city, List<OrgNode> counties) {
        int year = asOf.getYear();
        Map<Long, BigDecimal> rosterHours = new LinkedHashMap<>();
        Map<Long, String> pathOf = new HashMap<>();
        jdbc.sql("""
                select p.id, u.path, t.hours from person p join org_node u on u.id = p.unit_id
                join person_training t on t.person_id = p.id and t.fact_year = :y
                     and t.valid_from <= :d and t.valid_to > :d and t.superseded_at = timestamp '9999-12-31 00:00:00'
                where u.path like :sp and p.service_status = '在职' order by p.id""")
                .param("y", year).param("d", asOf).param("sp", city.path() + "%")
                .query(rs -> {
                    rosterHours.put(rs.getLong(1), rs.getBigDecimal(3));
                    pathOf.put(rs.getLong(1), rs.getString(2));
                });
        List<Long> people = new ArrayList<>(rosterHours.keySet());
        if (people.isEmpty()) {
            return 0;
        }
        SplittableRandom r = new SplittableRandom(4876);
        int online = Math.min(ONLINE_PEOPLE, people.size());
        int faceToFace = Math.min(ENROLMENTS - online, people.size());
        // face-to-face classes: the first people of the list, in classes of their county (or the city's)
        Map<Long, BigDecimal> attended = new HashMap<>();
        List<OrgNode> organisers = new ArrayList<>();
        organisers.add(city);
        organisers.addAll(counties);
        Map<Long, List<Long>> byOrganiser = new LinkedHashMap<>();
        for (int i = 0; i < faceToFace; i++) {
            long p = people.get(i);
            OrgNode organiser = i % 3 == 0 ? city : counties.stream().filter(c -> pathOf.get(p).startsWith(c.path()))
                    .findFirst().orElse(city);
            byOrganiser.computeIfAbsent(organiser.id(), k -> new ArrayList<>()).add(p);
        }
        int seq = 0;
        for (OrgNode organiser : organisers) {
            List<Long> members = byOrganiser.getOrDefault(organiser.id(), List.of());
            for (int from = 0; from < members.size(); from += CLASS_SIZE) {
                List<Long> group = members.subList(from, Math.min(members.size(), from + CLASS_SIZE));
                boolean main = seq % 2 == 0;
                String name = (main ? MAIN[seq / 2 % MAIN.length] : SEMINAR[seq / 2 % SEMINAR.length])
                        + "（第" + (seq / 2 + 1) + "期）";
                LocalDate starts = LocalDate.of(asOf.getYear(), 3, 2).plusDays(7L * (seq % 26));
                long id = records.createClass(admin, organiser.id(), main ? "MAIN" : "SEMINAR", name, starts,
                        starts.plusDays(4), BigDecimal.valueOf(40), CLASS_SIZE + 12);
                long s1 = records.addSession(admin, id, starts, "理论学习与党性教育", BigDecimal.valueOf(8));
                long s2 = records.addSession(admin, id, starts.plusDays(1), "专题辅导与现场教学", BigDecimal.valueOf(8));
                records.enrol(admin, id, group);
                Map<Long, Map<Long, String>> marks = new LinkedHashMap<>();
                for (long s : List.of(s1, s2)) {
                    Map<Long, String> m = new LinkedHashMap<>();
                    for (long p : group) {
                        double x = r.nextDouble();
                        String status = x < 0.93 ? "PRESENT" : x < 0.98 ? "LEAVE" : "ABSENT";
                        m.put(p, status);
                        if (status.equals("PRESENT")) {
                            attended.merge(p, BigDecimal.valueOf(8), BigDecimal::add);
                        }
                    }
                    marks.put(s, m);
                }
                records.attend(admin, marks);
                seq++;
            }
        }
        // the 网络学院's yearly online courses: completed hours bring the year's total to the roster's figure
        String[] courses = {"网络学院年度必修课程（一）", "网络学院年度必修课程（二）", "网络学院年度必修课程（三）"};
        int perCourse = (online + courses.length - 1) / courses.length;
        for (int c = 0; c < courses.length; c++) {
            List<Long> group = people.subList(Math.min(online, c * perCourse), Math.min(online, (c + 1) * perCourse));
            if (group.isEmpty()) {
                continue;
            }
            long id = records.createClass(admin, city.id(), "ONLINE", courses[c], LocalDate.of(asOf.getYear(), 1, 1),
                    LocalDate.of(asOf.getYear(), 12, 31), BigDecimal.valueOf(200), perCourse);
            records.enrol(admin, id, group);
            Map<Long, BigDecimal> hours = new LinkedHashMap<>();
            for (long p : group) {
                BigDecimal rest = rosterHours.get(p).subtract(attended.getOrDefault(p, BigDecimal.ZERO));
                hours.put(p, rest.signum() < 0 ? BigDecimal.ZERO.setScale(1) : rest.min(BigDecimal.valueOf(200)));
            }
            records.complete(admin, id, hours, asOf.minusDays(17));
        }
        return faceToFace + online;
    }

    /** Topics led by the city's 县处级 leaders (the seed's figures scaled to a tenth). */
    private int research(CurrentUser admin, OrgNode city, List<OrgNode> counties) {
        List<long[]> leaders = new ArrayList<>();
        jdbc.sql("""
                select p.id, u.path from person p join org_node u on u.id = p.unit_id
                where u.path like :sp and p.service_status = '在职' and p.post_level in ('县处级正职', '县处级副职')
                order by p.id""").param("sp", city.path() + "%")
                .query(rs -> {
                    leaders.add(new long[] {rs.getLong(1), 0});
                });
        if (leaders.isEmpty()) {
            return 0;
        }
        SplittableRandom r = new SplittableRandom(636);
        int year = asOf.getYear();
        int problems = 0;
        List<Long> problemIds = new ArrayList<>();
        for (int i = 0; i < TOPICS; i++) {
            long leader = leaders.get(i % leaders.size())[0];
            OrgNode node = i % 2 == 0 || counties.isEmpty() ? city : counties.get(i % counties.size());
            boolean key = i % (TOPICS / KEY_TOPICS) == 0 && i / (TOPICS / KEY_TOPICS) < KEY_TOPICS;
            LocalDate starts = LocalDate.of(year, 1, 10).plusDays(3L * i);
            String title = "关于" + TOPIC_AREAS[i % TOPIC_AREAS.length] + "的调研（" + (i / TOPIC_AREAS.length + 1) + "）";
            long topic = records.createTopic(admin, node.id(), title, leader, key, starts, starts.plusDays(150));
            records.addProgress(admin, topic, starts.plusDays(20), "召开座谈会，实地走访基层单位和企业，梳理问题清单");
            records.addProgress(admin, topic, starts.plusDays(60), "形成调研报告初稿，征求相关部门意见");
            int count = PROBLEMS / TOPICS + (i < PROBLEMS % TOPICS ? 1 : 0);
            for (int k = 0; k < count; k++) {
                problemIds.add(records.addProblem(admin, topic, TOPIC_AREAS[i % TOPIC_AREAS.length] + "："
                        + PROBLEMS_TEXT[(i + k) % PROBLEMS_TEXT.length], starts.plusDays(25 + k)));
                problems++;
            }
            if (i % 3 != 2) {
                records.conclude(admin, topic, starts.plusDays(120).isAfter(asOf) ? asOf : starts.plusDays(120),
                        "形成调研报告，提出对策建议" + (3 + r.nextInt(5)) + "条，转化为政策文件或工作举措");
            }
        }
        // 230 of the 240 solved: all but every 24th
        int solved = 0;
        for (int k = 0; k < problemIds.size() && solved < SOLVED; k++) {
            if (k % (PROBLEMS / (PROBLEMS - SOLVED)) == PROBLEMS / (PROBLEMS - SOLVED) - 1) {
                continue;
            }
            records.solve(admin, problemIds.get(k), asOf.minusDays(10 + r.nextInt(60)),
                    "建立专班推进机制，明确责任单位和完成时限，已落实到位");
            solved++;
        }
        return TOPICS;
    }
}

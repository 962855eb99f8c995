package cn.zugong.demo.internal;

import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.prosperity.MatchingLists;
import cn.zugong.prosperity.MatchingNewEngagement;
import cn.zugong.prosperity.MatchingNewNeed;
import cn.zugong.prosperity.MatchingNewOffer;
import cn.zugong.prosperity.MatchingNewOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 聚力共富 (deterministic, as of the demo date): 440 offers on the 给力 list (about 300 挂职干部 and 140
 * talents, managed by the city or a county, serving a county, a township or the whole city), 150 needs on the 借力
 * list posted by counties, townships, villages and enterprises across the city, and about 120 engagements chosen from
 * the matcher's top candidates, with outcomes, completions and both sides' ratings.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class MatchingDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(MatchingDemo.class);
    static final String BY = "demo-matching";

    record FieldSkills(String field, List<String> skills, List<String> needs) {
    }

    /** Per field: the skills of the trade and the titles of typical needs. */
    static final List<FieldSkills> FIELDS = List.of(
            new FieldSkills("INDUSTRY", List.of("产业规划", "招商引资", "项目策划", "农产品加工", "品牌建设", "合作社运营"),
                    List.of("村级特色产业提升", "强村公司项目谋划", "农产品深加工招商")),
            new FieldSkills("PLANNING", List.of("村庄规划", "国土空间规划", "景观设计", "建筑设计", "未来乡村建设"),
                    List.of("未来乡村创建规划", "村庄风貌整治设计", "渔村改造方案编制")),
            new FieldSkills("TOURISM", List.of("民宿运营", "旅游策划", "文创设计", "活动策划", "海岛旅游"),
                    List.of("海岛民宿集群运营", "渔俗文化节策划", "乡村旅游线路设计")),
            new FieldSkills("FISHERY", List.of("海水养殖", "远洋渔业", "水产品加工", "渔船安全", "冷链物流"),
                    List.of("深水网箱养殖技术指导", "水产品冷链建设", "渔民转产转业培训")),
            new FieldSkills("DIGITAL", List.of("数据分析", "软件开发", "数字乡村", "网络安全", "物联网"),
                    List.of("数字乡村平台建设", "渔船智能监管应用", "村务数字化改造")),
            new FieldSkills("MEDICAL", List.of("全科医疗", "中医", "康复护理", "慢病管理", "公共卫生"),
                    List.of("海岛巡回义诊", "村卫生室能力提升", "老年慢病管理指导")),
            new FieldSkills("EDUCATION", List.of("课程设计", "乡村教育", "职业培训", "心理辅导", "家庭教育"),
                    List.of("海岛学校支教", "农村实用人才培训", "留守儿童关爱辅导")),
            new FieldSkills("ECOMMERCE", List.of("电商运营", "直播带货", "短视频", "品牌营销", "社群运营"),
                    List.of("海鲜直播带货", "农特产品网店运营", "共富工坊产品营销")),
            new FieldSkills("GOVERNANCE", List.of("基层治理", "网格管理", "矛盾调解", "党建指导", "社会工作"),
                    List.of("村级治理能力提升", "矛盾纠纷调解指导", "网格化管理优化")),
            new FieldSkills("FINANCE", List.of("金融服务", "财务管理", "普惠金融", "保险", "融资对接"),
                    List.of("村集体资产经营指导", "小微企业融资对接", "渔业保险推广")),
            new FieldSkills("LAW", List.of("法律咨询", "合同审查", "法治宣传", "劳动争议"),
                    List.of("村级法律顾问", "企业合规指导")),
            new FieldSkills("ECOLOGY", List.of("海洋生态修复", "垃圾分类", "环境监测", "节能减排"),
                    List.of("海岸带生态修复", "海岛垃圾分类治理")));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "蒋"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛",
            "明", "超", "霞", "平", "刚", "辉", "丽", "海", "波", "斌", "宁", "晨", "帆", "峰", "婷", "浩", "鑫", "琳", "悦"};
    private static final String[] CADRE_POSTS = {"市级机关挂职干部（副科长）", "省派挂职干部（副主任）", "乡镇挂职副镇长",
            "村第一书记", "科技特派员", "市直单位挂职干部（科员）", "县派驻村工作队员", "高校挂职干部（副处长）"};
    private static final String[] TALENT_POSTS = {"海洋科技企业技术总监", "医院主治医师", "中学高级教师", "律师事务所合伙人",
            "规划设计院工程师", "电商企业运营经理", "银行客户经理", "高校副教授", "水产研究所研究员", "民宿集团运营总监"};
    private static final String[] ENTERPRISES = {"海鲜食品有限公司", "海洋渔业科技有限公司", "民宿管理有限公司",
            "水产养殖专业合作社", "文旅发展有限公司", "船舶修造有限公司"};
    private static final String[] BRANDS = {"蓝海", "东港", "金沙", "渔家", "海韵", "鲜达", "碧波", "远帆"};

    private final MatchingLists lists;
    private final OrgTree tree;
    private final long seed;
    private final LocalDate asOf;

    MatchingDemo(MatchingLists lists, OrgTree tree, @Value("${zugong.demo.seed:20261123}") long seed,
                 @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.lists = lists;
        this.tree = tree;
        this.seed = seed;
        this.asOf = asOf;
    }

    @Override
    public void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null || lists.registeredBy(BY)) {
            return;
        }
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed ^ 0x4a11ceL);
        List<OrgNode> counties = kids(city, NodeKind.COUNTY);
        List<OrgNode> townships = new ArrayList<>();
        List<OrgNode> villages = new ArrayList<>();
        for (OrgNode c : counties) {
            for (OrgNode t : kids(c, NodeKind.TOWNSHIP)) {
                townships.add(t);
                villages.addAll(kids(t, NodeKind.VILLAGE));
            }
        }
        if (townships.isEmpty() || villages.isEmpty()) {
            return;
        }
        List<Long> offers = offers(random, city, counties, townships);
        List<Long> needs = needs(random, counties, townships, villages);
        int engaged = engagements(random, needs);
        log.info("聚力共富 demo: {} offers, {} needs, {} engagements in {} ms", offers.size(), needs.size(), engaged,
                (System.nanoTime() - start) / 1_000_000);
    }

    private List<OrgNode> kids(OrgNode node, NodeKind kind) {
        return tree.children(node.id(), node.asScope()).stream().filter(n -> n.kind() == kind).toList();
    }

    private List<Long> offers(SplittableRandom random, OrgNode city, List<OrgNode> counties, List<OrgNode> townships) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 440; i++) {
            boolean cadre = i % 3 != 2;
            FieldSkills main = FIELDS.get(random.nextInt(FIELDS.size()));
            Set<String> fields = new LinkedHashSet<>(List.of(main.field()));
            if (random.nextInt(3) == 0) {
                fields.add(FIELDS.get(random.nextInt(FIELDS.size())).field());
            }
            Set<String> skills = new LinkedHashSet<>();
            int n = 2 + random.nextInt(3);
            while (skills.size() < n) {
                skills.add(main.skills().get(random.nextInt(main.skills().size())));
            }
            OrgNode county = counties.get(random.nextInt(counties.size()));
            // managed by the city (one in three) or a county; serving the whole city, a county or a township
            OrgNode managing = random.nextInt(3) == 0 ? city : county;
            List<Long> places = switch (random.nextInt(4)) {
                case 0 -> List.of(city.id());
                case 1 -> List.of(county.id());
                default -> {
                    List<OrgNode> inCounty = townships.stream().filter(t -> t.path().startsWith(county.path())).toList();
                    OrgNode t = inCounty.isEmpty() ? townships.get(random.nextInt(townships.size()))
                            : inCounty.get(random.nextInt(inCounty.size()));
                    yield List.of(t.id());
                }
            };
            LocalDate from = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(240));
            LocalDate to = random.nextInt(4) == 0 ? null : from.plusMonths(6 + random.nextInt(18));
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
            String post = cadre ? CADRE_POSTS[random.nextInt(CADRE_POSTS.length)]
                    : TALENT_POSTS[random.nextInt(TALENT_POSTS.length)];
            String phone = "139" + String.format("%08d", 58_000_000 + i * 37);
            LocalDate registered = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(270));
            ids.add(lists.registerOffer(new MatchingNewOffer(managing.id(), cadre ? "CADRE" : "TALENT", name, post, null,
                    null, List.copyOf(fields), List.copyOf(skills), places, from, to, phone, null, registered), BY));
        }
        return ids;
    }

    private List<Long> needs(SplittableRandom random, List<OrgNode> counties, List<OrgNode> townships,
                             List<OrgNode> villages) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            FieldSkills fs = FIELDS.get(random.nextInt(FIELDS.size()));
            int kind = random.nextInt(10); // 5 villages, 2 townships, 1 county, 2 enterprises
            OrgNode village = villages.get(random.nextInt(villages.size()));
            OrgNode township = townships.stream().filter(t -> village.path().startsWith(t.path())).findFirst()
                    .orElse(townships.get(0));
            OrgNode county = counties.stream().filter(c -> village.path().startsWith(c.path())).findFirst()
                    .orElse(counties.get(0));
            String posterKind;
            OrgNode poster;
            OrgNode place;
            String posterName;
            if (kind < 5) {
                posterKind = "VILLAGE";
                poster = village;
                place = village;
                posterName = village.name();
            } else if (kind < 7) {
                posterKind = "TOWNSHIP";
                poster = township;
                place = random.nextBoolean() ? township : village;
                posterName = township.name();
            } else if (kind < 8) {
                posterKind = "COUNTY";
                poster = county;
                place = random.nextBoolean() ? county : township;
                posterName = county.name();
            } else {
                posterKind = "ENTERPRISE";
                poster = township;
                place = village;
                posterName = BRANDS[random.nextInt(BRANDS.length)] + ENTERPRISES[random.nextInt(ENTERPRISES.length)];
            }
            Set<String> skills = new LinkedHashSet<>();
            int n = 2 + random.nextInt(2);
            while (skills.size() < n) {
                skills.add(fs.skills().get(random.nextInt(fs.skills().size())));
            }
            if (random.nextInt(4) == 0) { // a skill of another trade now and then
                FieldSkills other = FIELDS.get(random.nextInt(FIELDS.size()));
                skills.add(other.skills().get(random.nextInt(other.skills().size())));
            }
            LocalDate posted = LocalDate.of(2026, 1, 10).plusDays(random.nextInt(280));
            LocalDate from = posted.plusDays(10 + random.nextInt(40));
            LocalDate to = from.plusMonths(3 + random.nextInt(10));
            String title = fs.needs().get(random.nextInt(fs.needs().size()));
            ids.add(lists.postNeed(new MatchingNewNeed(poster.id(), posterKind, posterName, title, fs.field(),
                    title + "：需要" + String.join("、", skills) + "方面的人才驻点指导。", place.id(), from, to,
                    1 + (random.nextInt(5) == 0 ? 1 : 0), List.copyOf(skills), posted), BY));
        }
        return ids;
    }

    /** About 120 engagements: the needs posted early enough, each with one of its three best candidates. */
    private int engagements(SplittableRandom random, List<Long> needs) {
        int count = 0;
        Set<Long> busy = new LinkedHashSet<>();
        for (Long need : needs) {
            if (count >= 120 || random.nextInt(5) == 0) {
                continue;
            }
            List<MatchingLists.Ranked> ranked = lists.rank(need).stream().filter(r -> !busy.contains(r.offerId()))
                    .limit(3).toList();
            if (ranked.isEmpty()) {
                continue;
            }
            MatchingLists.Ranked chosen = ranked.get(random.nextInt(ranked.size()));
            busy.add(chosen.offerId());
            LocalDate start = asOf.minusDays(20 + random.nextInt(250));
            LocalDate end = start.plusMonths(2 + random.nextInt(6));
            long id = lists.engage(new MatchingNewEngagement(need, chosen.offerId(), start, end,
                    "驻点指导、项目对接和人员培训"), BY);
            count++;
            LocalDate firstOutcome = start.plusDays(15 + random.nextInt(30));
            if (firstOutcome.isBefore(asOf)) {
                int projects = random.nextInt(3);
                BigDecimal funds = BigDecimal.valueOf(random.nextInt(6) == 0 ? 0 : 20_000L + random.nextInt(480) * 1000L);
                lists.addOutcome(id, new MatchingNewOutcome(firstOutcome, "完成调研，提出发展建议" + (projects > 0
                        ? "，引进项目 " + projects + " 个" : ""), projects, funds, random.nextInt(60)), BY);
            }
            if (end.isBefore(asOf)) {
                lists.addOutcome(id, new MatchingNewOutcome(end, "对接期满总结：培训骨干、建立长效机制", random.nextInt(2),
                        BigDecimal.valueOf(random.nextInt(200) * 1000L), 10 + random.nextInt(80)), BY);
                lists.complete(id, end, BY);
                lists.rate(id, "NEED", 3 + random.nextInt(3), "工作扎实，效果明显", BY, end.plusDays(3).atTime(10, 0));
                if (random.nextInt(5) != 0) {
                    lists.rate(id, "OFFER", 3 + random.nextInt(3), "当地支持到位", BY, end.plusDays(5).atTime(15, 0));
                }
            }
        }
        return count;
    }
}

package cn.zugong.demo.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PartyOrg;
import cn.zugong.org.PartySector;
import cn.zugong.rating.PublicEvaluations;
import cn.zugong.rating.PublicEvaluations.NewCampaign;
import cn.zugong.rating.PublicEvaluations.NewRater;
import cn.zugong.rating.PublicEvaluations.NewReserve;
import cn.zugong.rating.PublicEvaluations.NewSubject;
import cn.zugong.rating.PublicEvaluations.Ref;
import cn.zugong.rating.PublicEvaluations.VoteSheet;
import cn.zugong.rating.ReservePool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.springframework.stereotype.Component;

/**
 * The demo's 双述双评双比 (issue 17, docs/guide/rating-evaluation.md), deterministic, through the rating module's public
 * writer and its one ballot box:
 * <ul>
 * <li>舟山市 2026: every village and community of the city with its 班子 (the organisation and 6–8 members with their
 * 述职), the villages' party members and 村民代表 as raters (~22,000), most ballots cast online or on paper, the
 * township 评价 for most subjects; closed, with the 差 subjects on the adjustment list (decisions for some). The
 * raters of 东海社区 have not voted.</li>
 * <li>嵊泗县 2026 补充评议, OPEN around the demo's clock, over three communities of 菜园镇 (东海社区 among them):
 * one code of 东海社区 is printed in the log, so the phone page /ratings/vote can be tried.</li>
 * <li>~50 nominees in the reserve pool.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class PublicEvaluationDemo {

    private static final Logger log = LoggerFactory.getLogger(PublicEvaluationDemo.class);
    private static final List<PartySector> SECTORS = List.of(PartySector.VILLAGE, PartySector.COMMUNITY);
    private static final String SCHEME = "shuangshu";
    private static final String VERSION = "2026.1";
    private static final String DONGHAI = "330922100001";
    private static final int TARGET_RATERS = 22_000;
    private static final String[] EDUCATION = {"大学本科", "大学专科", "高中", "大学本科", "大学专科", "硕士研究生"};
    private static final String[] DEEDS = {"带领班子推进美丽乡村建设", "牵头完成村级集体经济增收", "落实“三会一课”和主题党日",
            "化解邻里矛盾纠纷", "推进渔村环境整治", "组织党员志愿服务", "抓好村务公开和民主管理", "推动民宿和海岛旅游",
            "做好困难群众帮扶", "完成网格化治理任务", "推进强村富民项目", "落实安全生产和防台防汛"};

    private final PublicEvaluations writer;
    private final ReservePool reserve;
    private final OrgTree tree;
    private final Clock clock;
    private final long seed;

    PublicEvaluationDemo(PublicEvaluations writer, ReservePool reserve, OrgTree tree, Clock clock,
                         @Value("${zugong.demo.seed:20261123}") long seed) {
        this.writer = writer;
        this.reserve = reserve;
        this.tree = tree;
        this.clock = clock;
        this.seed = seed;
    }

    void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null || !reserve.list(city.asScope()).isEmpty()) {
            return; // no city, or loaded before
        }
        long start = System.nanoTime();
        List<PartyOrg> villages = tree.partyOrgs(city.asScope(), SECTORS);
        if (villages.isEmpty()) {
            return;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5E55L);
        Identities identities = new Identities();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        int year = LocalDate.now(clock).getYear();
        long campaign = writer.create(new NewCampaign(city.id(), SCHEME, VERSION, year,
                "舟山市" + year + "年度村社组织和班子成员“双述双评双比”", now.minus(Duration.ofDays(40)),
                now.plus(Duration.ofDays(1))), "demo");
        writer.addSubjects(campaign, subjects(villages, random, identities));
        int members = writer.addPartyMemberRaters(campaign);
        int perVillage = Math.max(8, (TARGET_RATERS - members) / villages.size());
        List<NewRater> reps = new ArrayList<>();
        for (PartyOrg v : villages) {
            int n = perVillage - 3 + random.nextInt(7);
            for (int i = 1; i <= n; i++) {
                reps.add(new NewRater(v.node().id(), "VILLAGER_REP", "R" + v.node().id() + "-" + String.format("%03d", i),
                        identities.name(random, random.nextBoolean()), null));
            }
        }
        writer.addRaters(campaign, reps);
        writer.open(campaign, "demo");
        long written = System.nanoTime();
        List<Ref> raters = writer.raters(campaign);
        writer.issueCodes(campaign, raters.stream().map(Ref::id).toList()); // the slips were handed out
        long issued = System.nanoTime();
        Long donghai = tree.byCode(DONGHAI).flatMap(v -> villages.stream()
                .filter(p -> p.node().parentId() != null && p.node().parentId() == v.id()).findFirst())
                .map(p -> p.node().id()).orElse(null);
        Map<Long, List<Ref>> subjects = new HashMap<>();
        writer.subjects(campaign).forEach(s -> subjects.computeIfAbsent(s.orgNodeId(), k -> new ArrayList<>()).add(s));
        Map<Long, Double> quality = quality(subjects, random);
        List<VoteSheet> online = new ArrayList<>();
        List<VoteSheet> paper = new ArrayList<>();
        for (Ref r : raters) {
            if (donghai != null && r.orgNodeId() == donghai) {
                continue; // 东海社区's raters have not voted
            }
            double p = random.nextDouble();
            if (p < 0.12) {
                continue; // did not vote
            }
            Map<Long, String> grades = new LinkedHashMap<>();
            for (Ref s : subjects.getOrDefault(r.orgNodeId(), List.of())) {
                if (random.nextDouble() < 0.03) {
                    continue; // abstains on this subject
                }
                grades.put(s.id(), grade(quality.get(s.id()), random));
            }
            (p < 0.62 ? online : paper).add(new VoteSheet(r.id(), grades));
        }
        long drawn = System.nanoTime();
        int ballots = writer.cast(campaign, online, false) + writer.cast(campaign, paper, true);
        long cast = System.nanoTime();
        Map<Long, String> township = new LinkedHashMap<>();
        subjects.values().forEach(list -> list.forEach(s -> {
            if (random.nextDouble() < 0.9) {
                township.put(s.id(), grade(quality.get(s.id()), random));
            }
        }));
        writer.gradeByTownship(campaign, township, "demo");
        writer.close(campaign, "demo");
        List<Long> poor = writer.adjustmentList(campaign);
        String[] decisions = {"ADJUST", "ORG_ACTION", "ADMONISH", "NONE"};
        for (int i = 0; i < poor.size(); i += 2) {
            String d = decisions[(i / 2) % decisions.length];
            writer.decide(poor.get(i), d, "县委组织部研究决定（演示）", "demo");
        }
        int nominated = reserve(campaign, villages, random, identities);
        long shengsi = shengsi(villages, donghai, random, identities, now, year);
        log.info("Demo 双述双评双比: {} villages, {} subjects, {} raters ({} party members), {} ballots ({} online, {} paper "
                        + "sheets), {} on the adjustment list, {} reserve nominees; 嵊泗 campaign {} in {} ms",
                villages.size(), subjects.values().stream().mapToInt(List::size).sum(), raters.size(), members, ballots,
                online.size(), paper.size(), poor.size(), nominated, shengsi, (System.nanoTime() - start) / 1_000_000);
        log.info("Demo 双述双评双比 timings (ms): subjects and raters {}, codes {}, sheets {}, ballots {}, the rest {}",
                (written - start) / 1_000_000, (issued - written) / 1_000_000, (drawn - issued) / 1_000_000,
                (cast - drawn) / 1_000_000, (System.nanoTime() - cast) / 1_000_000);
    }

    private List<NewSubject> subjects(List<PartyOrg> villages, SplittableRandom random, Identities identities) {
        List<NewSubject> out = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (PartyOrg v : villages) {
            String name = v.node().name();
            out.add(new NewSubject(v.node().id(), "ORGANISATION", name + "班子", null, null, null, null, null,
                    name + "班子" + today.getYear() + "年度述职：" + deed(random) + "；" + deed(random) + "；" + deed(random)
                            + "。存在的不足：服务群众的精细化程度还需提高。"));
            int n = 6 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                String post = i == 0 ? "书记、主任（一肩挑）" : i == 1 ? "副书记" : i == 2 ? "副主任" : "委员";
                boolean male = random.nextInt(10) < 6;
                LocalDate birth = today.minusYears(28 + random.nextInt(30)).minusDays(random.nextInt(365));
                String person = identities.name(random, male);
                out.add(new NewSubject(v.node().id(), "MEMBER", person, post, male ? "男" : "女", birth,
                        EDUCATION[random.nextInt(EDUCATION.length)], null,
                        person + "（" + post + "）述职：" + deed(random) + "；" + deed(random) + "。"));
            }
        }
        return out;
    }

    private static String deed(SplittableRandom random) {
        return DEEDS[random.nextInt(DEEDS.length)];
    }

    /** A latent quality per subject: most good, a few weak (about one subject in 150 is graded 差). */
    private static Map<Long, Double> quality(Map<Long, List<Ref>> subjects, SplittableRandom random) {
        Map<Long, Double> q = new HashMap<>();
        subjects.values().forEach(list -> list.forEach(s -> {
            double roll = random.nextDouble();
            q.put(s.id(), "MEMBER".equals(s.kind()) && roll < 0.007 ? 0.05 : 0.45 + random.nextDouble() * 0.5);
        }));
        return q;
    }

    /** A grade drawn from the quality: a weak subject draws 差 more than a third of the time. */
    private static String grade(double quality, SplittableRandom random) {
        double x = random.nextDouble();
        if (quality < 0.2) {
            return x < 0.55 ? "D" : x < 0.8 ? "C" : "B";
        }
        if (x < quality) {
            return "A";
        }
        return x < quality + (1 - quality) * 0.6 ? "B" : x < 0.99 ? "C" : "D";
    }

    private int reserve(long campaign, List<PartyOrg> villages, SplittableRandom random, Identities identities) {
        LocalDate today = LocalDate.now(clock);
        List<NewReserve> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            PartyOrg v = villages.get(random.nextInt(villages.size()));
            boolean male = random.nextInt(10) < 6;
            OrgNode township = v.node().parentId() == null ? null
                    : tree.byId(v.node().parentId()).flatMap(n -> n.parentId() == null ? java.util.Optional.empty()
                    : tree.byId(n.parentId())).orElse(null);
            rows.add(new NewReserve(campaign, v.node().id(), identities.name(random, male), male ? "男" : "女",
                    today.minusYears(24 + random.nextInt(12)).minusDays(random.nextInt(365)),
                    EDUCATION[random.nextInt(2)], (township == null ? "" : township.name()) + "党委",
                    i % 3 == 0 ? "评议中群众认可度高" : null));
        }
        writer.nominate(rows, "demo");
        return rows.size();
    }

    /** 嵊泗县's small campaign, open around the demo's clock, with one printed code of 东海社区. */
    private long shengsi(List<PartyOrg> villages, Long donghai, SplittableRandom random, Identities identities,
                         Instant now, int year) {
        OrgNode county = tree.byCode("330922").orElse(null);
        if (county == null || donghai == null) {
            return 0;
        }
        OrgNode donghaiVillage = tree.byId(donghai).flatMap(p -> tree.byId(p.parentId())).orElseThrow();
        List<PartyOrg> three = villages.stream().filter(p -> p.node().path().startsWith(
                tree.byId(donghaiVillage.parentId()).orElseThrow().path())).limit(3).toList();
        long campaign = writer.create(new NewCampaign(county.id(), SCHEME, VERSION, year,
                "嵊泗县" + year + "年度村社“双述双评双比”补充评议", now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(60))),
                "demo");
        writer.addSubjects(campaign, subjects(three, random, identities));
        List<NewRater> raters = new ArrayList<>();
        for (PartyOrg v : three) {
            for (int i = 1; i <= 12; i++) {
                raters.add(new NewRater(v.node().id(), i <= 6 ? "PARTY_MEMBER" : "VILLAGER_REP",
                        "S" + v.node().id() + "-" + String.format("%02d", i), identities.name(random, random.nextBoolean()),
                        null));
            }
        }
        writer.addRaters(campaign, raters);
        writer.open(campaign, "demo");
        List<Ref> ids = writer.raters(campaign).stream().filter(r -> r.orgNodeId() == donghai).toList();
        Map<Long, String> codes = writer.issueCodes(campaign, List.of(ids.get(0).id()));
        log.info("Demo 双述双评双比: one code of 东海社区 for the phone page /ratings/vote (嵊泗县 campaign, open until {}): {}",
                now.plus(Duration.ofDays(60)), codes.values().iterator().next());
        return campaign;
    }
}

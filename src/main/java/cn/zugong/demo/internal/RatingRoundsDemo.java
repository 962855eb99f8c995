package cn.zugong.demo.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PartyOrg;
import cn.zugong.rating.Criterion;
import cn.zugong.rating.CriterionKind;
import cn.zugong.rating.Dimension;
import cn.zugong.rating.RatingRounds;
import cn.zugong.rating.RatingRounds.SeedObjection;
import cn.zugong.rating.RatingRounds.SeedSheet;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.RatingSchemes;
import cn.zugong.rating.StarBand;
import cn.zugong.rating.StarMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The demo's rating rounds (issue 17, docs/guide/rating-cycle.md), deterministic: for every shipped scheme (newest
 * version; test schemes, code {@code test-…}, left out) the city's 2025 round published — every organisation
 * scored (about one in eight five-star, three in ten four-star, nine in ten three-star or better), a few vetoes,
 * two objections answered, two stars withdrawn (摘星) in 2026 — and the 2026 round under review: sheets at every
 * stage, some returned with their reasons, 东海社区's at SELF (not filled, for {@code donghai}) and most of
 * 菜园镇's at TOWNSHIP (for {@code caiyuan}). Written through the rating module's batch writer.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class RatingRoundsDemo {

    private static final Logger log = LoggerFactory.getLogger(RatingRoundsDemo.class);
    private static final String CITY = "3309";
    private static final String CAIYUAN = "330922100";
    private static final String DONGHAI = "330922100001";
    private static final String[] ADJUST = {"佐证材料不全，按实际核减", "会议记录缺少两次，按标准扣分", "台账与自评不符，核减",
            "活动照片不能反映实际开展情况，核减"};
    private static final String[] RETURNS = {"佐证材料未上传，请补充后重新提交", "自评分与评分标准不符，请按细则重新自评",
            "三会一课记录不完整，请补充", "加分项缺少荣誉文件，请补充或取消加分"};

    private final RatingRounds rounds;
    private final RatingSchemes schemes;
    private final OrgTree tree;
    private final long seed;

    RatingRoundsDemo(RatingRounds rounds, RatingSchemes schemes, OrgTree tree,
                     @Value("${zugong.demo.seed:20261123}") long seed) {
        this.rounds = rounds;
        this.schemes = schemes;
        this.tree = tree;
        this.seed = seed;
    }

    void load() {
        OrgNode city = tree.byCode(CITY).orElse(null);
        if (city == null) {
            return;
        }
        long start = System.nanoTime();
        Map<String, RatingScheme> newest = new LinkedHashMap<>();
        schemes.all().stream().filter(s -> !s.code().startsWith("test-")).forEach(s -> newest.put(s.code(), s));
        int written = 0;
        for (RatingScheme scheme : newest.values()) {
            if (rounds.hasRound(CITY, scheme.code(), 2025)) {
                continue;
            }
            List<PartyOrg> orgs = tree.partyOrgs(city.asScope(), scheme.appliesTo());
            if (orgs.isEmpty()) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(seed ^ scheme.code().hashCode());
            published(scheme, orgs, random);
            underReview(scheme, orgs, random);
            written += orgs.size();
        }
        if (written > 0) {
            log.info("Demo rating rounds: {} schemes, {} organisations per year in {} ms", newest.size(), written,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** 2025: every sheet scored and 审定, published after 公示, two stars withdrawn in 2026. */
    private void published(RatingScheme scheme, List<PartyOrg> orgs, SplittableRandom random) {
        long round = rounds.open(CITY, scheme.code(), scheme.version(), 2025, LocalDate.of(2025, 12, 15),
                LocalDate.of(2026, 1, 9), 5, "admin", LocalDateTime.of(2025, 11, 3, 9, 0));
        List<SeedSheet> sheets = new ArrayList<>();
        for (PartyOrg org : orgs) {
            sheets.add(sheet(scheme, org, random, "DONE", null));
        }
        rounds.seed(round, sheets, LocalDateTime.of(2025, 12, 1, 9, 0));
        List<SeedObjection> objections = List.of(
                new SeedObjection(orgs.get(random.nextInt(orgs.size())).node().id(), "群众（来电）",
                        "反映该组织党员活动室长期闲置，组织生活开展不经常，评星偏高。",
                        "经核查，该组织年度三会一课记录完整，党员活动室按月开放，反映情况不属实。", false),
                new SeedObjection(orgs.get(random.nextInt(orgs.size())).node().id(), "党员（来信）",
                        "反映该组织书记年内调离，班子不健全。",
                        "经核查，书记调离后已于两个月内按程序补选，班子健全，评定结果维持。", false));
        rounds.publish(round, LocalDate.of(2026, 1, 19), objections, "admin");
        // 摘星: two of the best withdrawn during 2026, one by the city and one by its county
        List<SeedSheet> best = sheets.stream().filter(s -> s.vetoes().isEmpty())
                .sorted(Comparator.comparing((SeedSheet s) -> total(s)).reversed()).limit(12).toList();
        if (best.size() >= 12) {
            rounds.withdraw(round, best.get(3).orgNodeId(), 3, "年内发生安全生产事故，被行业主管部门通报，摘两星",
                    "admin", LocalDateTime.of(2026, 5, 12, 15, 0));
            rounds.withdraw(round, best.get(11).orgNodeId(), 3, "党组织书记受到党纪处分，摘一星以上", "admin",
                    LocalDateTime.of(2026, 9, 8, 10, 30));
        }
    }

    /** 2026: sheets at every stage; 东海社区 at SELF for donghai, 菜园镇's mostly at TOWNSHIP for caiyuan. */
    private void underReview(RatingScheme scheme, List<PartyOrg> orgs, SplittableRandom random) {
        long round = rounds.open(CITY, scheme.code(), scheme.version(), 2026, LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 31), 5, "admin", LocalDateTime.of(2026, 10, 15, 9, 0));
        List<SeedSheet> sheets = new ArrayList<>();
        for (PartyOrg org : orgs) {
            String path = org.node().path();
            if (path.contains("/" + DONGHAI + "/")) {
                continue; // 东海社区: not filled in yet, donghai fills it in
            }
            int u = random.nextInt(100);
            String stage;
            String returned = null;
            if (path.contains("/" + CAIYUAN + "/") && u < 70) {
                stage = "TOWNSHIP";
            } else if (u < 12) {
                continue; // not started
            } else if (u < 26) {
                stage = "SELF";
            } else if (u < 32) {
                stage = "SELF";
                returned = RETURNS[random.nextInt(RETURNS.length)];
            } else if (u < 52) {
                stage = "TOWNSHIP";
            } else if (u < 56) {
                stage = "TOWNSHIP";
                returned = RETURNS[random.nextInt(RETURNS.length)];
            } else if (u < 74) {
                stage = "COUNTY";
            } else if (u < 88) {
                stage = "CITY";
            } else {
                stage = "DONE";
            }
            // a sheet at SELF without a return is filled in but not submitted
            sheets.add(sheet(scheme, org, random, stage, returned));
        }
        rounds.seed(round, sheets, LocalDateTime.of(2026, 11, 2, 9, 0));
    }

    /** A plausible sheet: a target star count, then every criterion near the share that gives it. */
    private SeedSheet sheet(RatingScheme scheme, PartyOrg org, SplittableRandom random, String stage,
                            String returned) {
        int u = random.nextInt(1000);
        int top = scheme.maxStars();
        int stars = u < 125 ? top : u < 410 ? top - 1 : u < 930 ? top - 2 : Math.max(0, top - 3);
        Map<String, Double> shareByDimension = new HashMap<>();
        if (scheme.starMode() == StarMode.TOTAL) {
            List<StarBand> bands = scheme.starBands().stream().sorted(Comparator.comparing(StarBand::min)).toList();
            double total = scheme.total().doubleValue();
            double target = 0.55 * total;
            for (int i = 0; i < bands.size(); i++) {
                if (bands.get(i).stars() == stars) {
                    double lo = bands.get(i).min().doubleValue();
                    double hi = i + 1 < bands.size() ? bands.get(i + 1).min().doubleValue() : lo + (total - lo) * 0.6;
                    target = lo + (hi - lo) * (0.15 + 0.7 * random.nextDouble());
                }
            }
            for (Dimension d : scheme.dimensions()) {
                shareByDimension.put(d.code(), Math.min(1.0, target / total + (random.nextDouble() - 0.5) * 0.04));
            }
        } else {
            List<Dimension> dims = new ArrayList<>(scheme.dimensions());
            for (int i = dims.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Dimension t = dims.get(i);
                dims.set(i, dims.get(j));
                dims.set(j, t);
            }
            for (int i = 0; i < dims.size(); i++) {
                Dimension d = dims.get(i);
                double max = d.max().doubleValue();
                double at = d.starAt() == null || max == 0 ? 0.8 : d.starAt().doubleValue() / max;
                shareByDimension.put(d.code(), i < stars ? at + (1 - at) * (0.2 + 0.7 * random.nextDouble())
                        : at * (0.8 + 0.17 * random.nextDouble()));
            }
        }
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        Map<String, BigDecimal> counts = new HashMap<>();
        for (Dimension d : scheme.dimensions()) {
            for (Criterion c : d.criteria()) {
                if (c.computed()) {
                    continue;
                }
                if (c.counted()) {
                    int n = c.kind() == CriterionKind.BONUS ? (random.nextInt(100) < 18 ? 1 + random.nextInt(3) : 0)
                            : (random.nextInt(100) < 4 ? 1 : 0);
                    counts.put(c.code(), BigDecimal.valueOf(n));
                    points.put(c.code(), c.pointsForCount(BigDecimal.valueOf(n)));
                    continue;
                }
                if (c.kind() != CriterionKind.SCORE) {
                    points.put(c.code(), BigDecimal.ZERO);
                    continue;
                }
                double share = shareByDimension.getOrDefault(d.code(), 0.8) + (random.nextDouble() - 0.5) * 0.03;
                double p = Math.max(0, Math.min(1, share)) * c.points().doubleValue();
                points.put(c.code(), BigDecimal.valueOf(Math.round(p * 2) / 2.0).setScale(1, RoundingMode.HALF_UP)
                        .min(c.points()));
            }
        }
        Map<String, BigDecimal> adjusted = new HashMap<>();
        String reason = null;
        if (random.nextInt(100) < 15) {
            List<String> base = points.keySet().stream().filter(k -> scheme.criterion(k).orElseThrow().kind()
                    == CriterionKind.SCORE && !scheme.criterion(k).orElseThrow().counted()).toList();
            if (!base.isEmpty()) {
                String code = base.get(random.nextInt(base.size()));
                BigDecimal cut = points.get(code).multiply(BigDecimal.valueOf(0.9)).setScale(0, RoundingMode.DOWN);
                adjusted.put(code, cut);
                reason = ADJUST[random.nextInt(ADJUST.length)];
            }
        }
        Map<String, String> vetoes = new HashMap<>();
        if (!scheme.vetoes().isEmpty() && random.nextInt(1000) < 12) {
            var v = scheme.vetoes().get(random.nextInt(scheme.vetoes().size()));
            vetoes.put(v.code(), "经核实：" + v.name());
        }
        return new SeedSheet(org.node().id(), points, counts, adjusted, reason, vetoes, stage, returned);
    }

    private static BigDecimal total(SeedSheet s) {
        return s.selfPoints().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

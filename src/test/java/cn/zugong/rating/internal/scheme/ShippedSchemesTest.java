package cn.zugong.rating.internal.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.org.PartySector;
import cn.zugong.rating.Criterion;
import cn.zugong.rating.RatingResult;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.StarMode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The four shipped schemes, loaded as the application loads them, and sheets scored by {@link RatingScheme#score}
 * against a computation written out by hand in the comments: a 两新 organisation (computed criteria, a counted
 * bonus, 五星双强 at the 发展强 boundary), a village (one dimension below its star_at: four stars; the same sheet with
 * a veto: none), a 机关 branch (a counted bonus above its cap, deductions, 四星), a township (three 强).
 */
class ShippedSchemesTest {

    /** The metrics the application provides (the beans of cn.zugong.rating.internal.scheme.metrics). */
    static final Set<String> METRICS = Set.of("tickets.resolution_rate", "deliberation.closed_rate", "lighting.score",
            "healthcheck.red_share", "party.young_share", "party.new_members");

    private static final List<RatingScheme> SCHEMES = SchemeCatalogue.load(METRICS);

    private static RatingScheme scheme(String code, String version) {
        return SCHEMES.stream().filter(s -> s.code().equals(code) && s.version().equals(version)).findFirst()
                .orElseThrow();
    }

    /** A sheet being filled in: points given by hand, by count (per_item) or from a metric value. */
    private static final class Sheet {
        private final RatingScheme scheme;
        private final Map<String, BigDecimal> points = new HashMap<>();

        Sheet(RatingScheme scheme) {
            this.scheme = scheme;
        }

        Sheet give(String code, int given) {
            points.put(criterion(code).code(), BigDecimal.valueOf(given));
            return this;
        }

        Sheet count(String code, int items) {
            points.put(code, criterion(code).pointsForCount(BigDecimal.valueOf(items)));
            return this;
        }

        Sheet metric(String code, String value) {
            Criterion c = criterion(code);
            assertThat(c.computed()).as(code + " is computed").isTrue();
            points.put(code, c.pointsForMetric(new BigDecimal(value)));
            return this;
        }

        BigDecimal of(String code) {
            return points.get(code);
        }

        private Criterion criterion(String code) {
            return scheme.criterion(code).orElseThrow(() -> new AssertionError("no criterion " + code));
        }

        RatingResult score(String... vetoes) {
            return scheme.score(points, Set.of(vetoes));
        }
    }

    @Test
    void theFourSchemesAreShipped() {
        assertThat(SCHEMES).extracting(s -> s.code() + "@" + s.version()).contains("liangxin-wuxing@2026.1",
                "liangxin-wuxing@2026.2", "cun-wuxing@2026.1", "xiangzhen-wuqiang@2026.1", "jiguan-qianfen@2026.1");
        assertThat(scheme("cun-wuxing", "2026.1").appliesTo()).containsExactlyInAnyOrder(PartySector.VILLAGE,
                PartySector.COMMUNITY);
        assertThat(scheme("cun-wuxing", "2026.1").starMode()).isEqualTo(StarMode.DIMENSIONS);
        assertThat(scheme("cun-wuxing", "2026.1").maxStars()).isEqualTo(5);
        assertThat(scheme("xiangzhen-wuqiang", "2026.1").appliesTo()).containsExactly(PartySector.TOWNSHIP);
        assertThat(scheme("xiangzhen-wuqiang", "2026.1").starUnit()).isEqualTo("强");
        assertThat(scheme("jiguan-qianfen", "2026.1").appliesTo()).containsExactlyInAnyOrder(PartySector.ORGAN,
                PartySector.INSTITUTION);
        assertThat(scheme("jiguan-qianfen", "2026.1").total()).isEqualByComparingTo("1000");
        assertThat(scheme("liangxin-wuxing", "2026.2").appliesTo()).isEqualTo(PartySector.LIANGXIN);
        // every computed criterion names a metric the application provides (the loader checked it, too)
        SCHEMES.stream().flatMap(s -> s.criteria().stream()).filter(Criterion::computed)
                .forEach(c -> assertThat(METRICS).contains(c.metric()));
        assertThat(SCHEMES.stream().flatMap(s -> s.criteria().stream()).filter(Criterion::computed)
                .map(Criterion::metric).distinct()).containsExactlyInAnyOrderElementsOf(METRICS);
    }

    @Test
    void aLiangxinOrganisationIsFiveStarsDoubleStrongByHand() {
        Sheet s = new Sheet(scheme("liangxin-wuxing", "2026.2"))
                // 组织建设 (max 300): 100 + 90 + 55 + ORG-4 (1 new member → 12) + ORG-5 (25.00% young → from 20: 15)
                .give("ORG-1", 100).give("ORG-2", 90).give("ORG-3", 55)
                .metric("ORG-4", "1").metric("ORG-5", "25.00")
                // 组织生活 (max 300): 110 + 80 + 90 = 280
                .give("LIFE-1", 110).give("LIFE-2", 80).give("LIFE-3", 90)
                // 作用发挥 (max 200): 90 + 85 = 175
                .give("ROLE-1", 90).give("ROLE-2", 85)
                // 发展成效 (max 200): 100 + 60 = 160
                .give("DEV-1", 100).give("DEV-2", 60)
                // 加分: 2 honours × 10 = 20 (cap 30); no deduction
                .count("PLUS-1", 2);
        assertThat(s.of("ORG-4")).isEqualByComparingTo("12");
        assertThat(s.of("ORG-5")).isEqualByComparingTo("15");
        assertThat(s.of("PLUS-1")).isEqualByComparingTo("20");
        RatingResult r = s.score();
        // 272 + 280 + 175 + 160 + 20 = 907 ≥ 900 → 五星
        assertThat(r.dimensionPoints().get("ORG")).isEqualByComparingTo("272");
        assertThat(r.points()).isEqualByComparingTo("907");
        assertThat(r.stars()).isEqualTo(5);
        // 党建强: (272 + 280 + 175) / 800 = 0.909 ≥ 0.85; 发展强: 160 / 200 = 0.80 ≥ 0.80 (the boundary holds)
        assertThat(r.strongParty()).isTrue();
        assertThat(r.strongDevelopment()).isTrue();
        assertThat(scheme("liangxin-wuxing", "2026.2").title(r.stars(), r.doubleStrong())).isEqualTo("五星双强");
        // one point less on DEV-2: 159 / 200 < 0.80 → 五星 without 双强 (906 points)
        RatingResult less = s.give("DEV-2", 59).score();
        assertThat(less.points()).isEqualByComparingTo("906");
        assertThat(less.strongDevelopment()).isFalse();
        assertThat(scheme("liangxin-wuxing", "2026.2").title(less.stars(), less.doubleStrong())).isEqualTo("五星");
    }

    private static Sheet village() {
        return new Sheet(scheme("cun-wuxing", "2026.1"))
                // 党建星 (star_at 85): 25 + 23 + DJ-3 (12.50% young → from 10: 11) + DJ-4 (2 new → 10) + 20
                //   + DJ-B 1 honour × 5 = 94
                .give("DJ-1", 25).give("DJ-2", 23).metric("DJ-3", "12.50").metric("DJ-4", "2").give("DJ-5", 20)
                .count("DJ-B", 1)
                // 富裕星 (80): 32 + 25 + 25 = 82
                .give("FY-1", 32).give("FY-2", 25).give("FY-3", 25)
                // 美丽星 (80): 35 + 28 + 25 = 88
                .give("ML-1", 35).give("ML-2", 28).give("ML-3", 25)
                // 和谐星 (80): HX-1 (85.00% closed → from 80: 24) + HX-2 (92.31% resolved → 30) + 36
                //   − HX-D 1 petition × 10 = 80, exactly the threshold
                .metric("HX-1", "85.00").metric("HX-2", "92.31").give("HX-3", 36).count("HX-D", 1)
                // 文明星 (80): 25 + 30 + 20 = 75, below
                .give("WM-1", 25).give("WM-2", 30).give("WM-3", 20);
    }

    @Test
    void aVillageWithOneDimensionBelowItsThresholdHasFourStars() {
        RatingResult r = village().score();
        assertThat(r.dimensionPoints()).containsOnlyKeys("DJ", "FY", "ML", "HX", "WM");
        assertThat(r.dimensionPoints().get("DJ")).isEqualByComparingTo("94");
        assertThat(r.dimensionPoints().get("HX")).isEqualByComparingTo("80");
        assertThat(r.dimensionPoints().get("WM")).isEqualByComparingTo("75");
        // 94 + 82 + 88 + 80 + 75 = 419; stars: 党建, 富裕, 美丽, 和谐 (80 ≥ 80) — not 文明 (75 < 80) → 四星
        assertThat(r.points()).isEqualByComparingTo("419");
        assertThat(r.stars()).isEqualTo(4);
        assertThat(r.vetoed()).isFalse();
        assertThat(scheme("cun-wuxing", "2026.1").title(r.stars(), r.doubleStrong())).isEqualTo("四星");
    }

    @Test
    void aVetoedVillageKeepsItsPointsButHasNoStar() {
        // the same sheet with 发生群体性事件 (V-MASS) recorded: 419 points, no star
        RatingResult r = village().score("V-MASS");
        assertThat(r.points()).isEqualByComparingTo("419");
        assertThat(r.vetoed()).isTrue();
        assertThat(r.stars()).isZero();
        assertThat(scheme("cun-wuxing", "2026.1").title(r.stars(), r.doubleStrong())).isEqualTo("未评星");
    }

    @Test
    void anOrganBranchWithABonusAboveItsCapIsFourStarsByHand() {
        RatingScheme qianfen = scheme("jiguan-qianfen", "2026.1");
        Sheet s = new Sheet(qianfen)
                // 政治建设 (150): 55 + 45 + 40 = 140
                .give("ZZ-1", 55).give("ZZ-2", 45).give("ZZ-3", 40)
                // 组织建设 (250): 50 + 75 + 40 + ZJ-4 (18.00% young → from 15: 30) + ZJ-5 (0 new → 0) = 195
                .give("ZJ-1", 50).give("ZJ-2", 75).give("ZJ-3", 40).metric("ZJ-4", "18.00").metric("ZJ-5", "0")
                // 作风和纪律 (150): 75 + 65 = 140
                .give("ZF-1", 75).give("ZF-2", 65)
                // 中心工作 (300): YW-1 (亮灯台 91.3 → from 90: 100) + YW-2 (红灯 7.50% → from 5: 60)
                //   + YW-3 (化解率 100.00% → 100) = 260
                .metric("YW-1", "91.3").metric("YW-2", "7.50").metric("YW-3", "100.00")
                // 服务和作用 (150): 65 + 70 = 135
                .give("FW-1", 65).give("FW-2", 70)
                // 加减分: PLUS-2 1 × 10 = 10; MINUS-1 1 person × 20 = 20; MINUS-3 2 × 5 = 10
                .count("PLUS-2", 1).count("MINUS-1", 1).count("MINUS-3", 2);
        // PLUS-1: 3 honours × 20 = 60 is above its cap of 50: counted it gives 50 …
        assertThat(qianfen.criterion("PLUS-1").orElseThrow().pointsForCount(BigDecimal.valueOf(3)))
                .isEqualByComparingTo("50");
        // … and 60 given as such is capped by the one calculation, which says so
        s.give("PLUS-1", 60);
        RatingResult r = s.score();
        assertThat(r.capped()).containsExactly("PLUS-1");
        // 加减分 = 50 + 10 − 20 − 10 = 30; total 140 + 195 + 140 + 260 + 135 + 30 = 900 → 四星 (850 ≤ 900 < 920)
        assertThat(r.dimensionPoints().get("YW")).isEqualByComparingTo("260");
        assertThat(r.dimensionPoints().get("JKF")).isEqualByComparingTo("30");
        assertThat(r.points()).isEqualByComparingTo("900");
        assertThat(r.stars()).isEqualTo(4);
        assertThat(r.doubleStrong()).isFalse();
        assertThat(qianfen.title(r.stars(), r.doubleStrong())).isEqualTo("四星");
        // a red share of 20% or more gives nothing: 900 − 60 = 840 → 三星
        assertThat(s.metric("YW-2", "20.00").score().stars()).isEqualTo(3);
    }

    @Test
    void aTownshipEarnsAStrongPerDimensionAtItsThreshold() {
        RatingResult r = new Sheet(scheme("xiangzhen-wuqiang", "2026.1"))
                // 政治引领 30 + 38 + 27 = 95 ≥ 85 → 强
                .give("ZZ-1", 30).give("ZZ-2", 38).give("ZZ-3", 27)
                // 发展实绩: FZ-1 (亮灯台 88.0 → from 80: 26) + 30 + 20 + FZ-B 2 × 5 = 10 → 86 → 强
                .metric("FZ-1", "88.0").give("FZ-2", 30).give("FZ-3", 20).count("FZ-B", 2)
                // 基层治理: ZL-1 (化解率 75.00% → from 60: 18) + ZL-2 (销号率 95.00% → 25) + 40 − ZL-D 1 × 5 = 78 → no
                .metric("ZL-1", "75.00").metric("ZL-2", "95.00").give("ZL-3", 40).count("ZL-D", 1)
                // 服务群众 30 + 30 + 25 = 85 → 强 (at the threshold)
                .give("FW-1", 30).give("FW-2", 30).give("FW-3", 25)
                // 队伍建设: DW-1 (红灯 12.00% → from 10: 10) + 30 + 30 = 70 → no
                .metric("DW-1", "12.00").give("DW-2", 30).give("DW-3", 30)
                .score();
        // 95 + 86 + 78 + 85 + 70 = 414; 三强
        assertThat(r.points()).isEqualByComparingTo("414");
        assertThat(r.stars()).isEqualTo(3);
        assertThat(scheme("xiangzhen-wuqiang", "2026.1").title(r.stars(), false)).isEqualTo("三强");
    }
}

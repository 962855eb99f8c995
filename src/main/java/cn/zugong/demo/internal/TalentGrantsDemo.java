package cn.zugong.demo.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import cn.zugong.talent.TalentBenefits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo 码上秒享 (deterministic): the facts of the demo talents — employment with their employer from arrival (nine
 * in ten on record), rentals for most of those who arrived in the last three years, a house bought after arrival by
 * one in four, social security months since arrival (nearly all paid in the city) — and the monthly grant runs of
 * the demo year up to the as-of date: computed by {@code admin}, approved by {@code reviewer} and paid, the latest
 * month left pending review. Entitlements follow the recognised levels, so the step runs after the recognitions;
 * with no talent recognised yet it records the facts and leaves the runs out (logged).
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class TalentGrantsDemo {

    private static final Logger log = LoggerFactory.getLogger(TalentGrantsDemo.class);
    static final String BY = "demo-talent-grants";
    private static final String[] STREETS = {"环城南路", "解放西路", "昌国路", "海天大道", "新城大道", "东海中路", "千岛路", "临城街道翁山路"};

    private final TalentBenefits benefits;
    private final OrgTree tree;
    private final long seed;
    private final LocalDate asOf;

    TalentGrantsDemo(TalentBenefits benefits, OrgTree tree, @Value("${zugong.demo.seed:20261123}") long seed,
                     @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.benefits = benefits;
        this.tree = tree;
        this.seed = seed;
        this.asOf = asOf;
    }

    void load() {
        if (benefits.anyRun() || tree.byCode("3309").isEmpty()) {
            return;
        }
        List<TalentBenefits.TalentRef> talents = benefits.talentsCreatedBy(TalentDemo.BY);
        if (talents.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed ^ 0x6a7a17L);
        List<TalentBenefits.House> houses = new ArrayList<>();
        List<TalentBenefits.Rental> rentals = new ArrayList<>();
        List<TalentBenefits.Social> social = new ArrayList<>();
        List<TalentBenefits.Employment> employment = new ArrayList<>();
        YearMonth last = YearMonth.from(asOf).minusMonths(1);
        for (TalentBenefits.TalentRef t : talents) {
            if (t.arrivedOn() == null || t.arrivedOn().isAfter(asOf)) {
                continue;
            }
            if (t.employerId() != null && random.nextInt(10) < 9) {
                employment.add(new TalentBenefits.Employment(t.id(), t.employerId(), t.arrivedOn(), null));
            }
            long monthsHere = ChronoUnit.MONTHS.between(YearMonth.from(t.arrivedOn()), last);
            if (monthsHere <= 36 && random.nextInt(10) < 7) {
                rentals.add(new TalentBenefits.Rental(t.id(), t.arrivedOn(), null,
                        BigDecimal.valueOf(1200 + random.nextInt(29) * 100L)));
            }
            if (random.nextInt(4) == 0) {
                long days = Math.max(1, ChronoUnit.DAYS.between(t.arrivedOn(), asOf));
                houses.add(new TalentBenefits.House(t.id(), t.arrivedOn().plusDays(random.nextLong(days)),
                        "舟山市" + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(300)) + "号",
                        BigDecimal.valueOf(60 + random.nextInt(120))));
            }
            YearMonth from = YearMonth.from(t.arrivedOn());
            if (from.isBefore(last.minusMonths(23))) {
                from = last.minusMonths(23);
            }
            boolean elsewhere = random.nextInt(25) == 0;
            for (YearMonth m = from; !m.isAfter(last); m = m.plusMonths(1)) {
                social.add(new TalentBenefits.Social(t.id(), m, !elsewhere));
            }
        }
        benefits.record(houses, rentals, social, employment, BY);
        long recognised = talents.stream().filter(t -> t.level() != null).count();
        if (recognised == 0) {
            log.warn("Demo 码上秒享: facts recorded, no talent recognised yet — grant runs left out (load after the "
                    + "recognition demo)");
            return;
        }
        OrgNode city = tree.byCode("3309").orElseThrow();
        CurrentUser admin = new CurrentUser(0, "admin", "市委组织部管理员", Role.ADMIN, city.asScope(), city.name());
        CurrentUser reviewer = new CurrentUser(0, "reviewer", "市委组织部审核员", Role.REVIEWER, city.asScope(), city.name());
        List<String> done = new ArrayList<>();
        for (YearMonth m = YearMonth.of(asOf.getYear(), 1); !m.isAfter(last); m = m.plusMonths(1)) {
            long run = benefits.computeMonth(m, admin);
            if (m.isBefore(last)) {
                benefits.approve(run, "演示：核对无误", reviewer);
                benefits.markPaid(run, admin);
            }
            done.add(benefits.summary(run, admin));
        }
        log.info("Demo 码上秒享: {} houses, {} rentals, {} social months, {} employments; runs {} in {} ms", houses.size(),
                rentals.size(), social.size(), employment.size(), done, (System.nanoTime() - start) / 1_000_000);
    }
}

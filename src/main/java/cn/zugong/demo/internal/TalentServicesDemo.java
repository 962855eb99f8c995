package cn.zugong.demo.internal;

import cn.zugong.talent.ServiceApplicationHistory;
import cn.zugong.talent.ServiceApplicationHistory.Outcome;
import cn.zugong.talent.ServiceApplicationHistory.PastApplication;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo 码上办 (deterministic): over the demo year, about 1,500 applications by 700 demo talents (and the demo
 * account {@code talent}), most of them online and some filed at the counter (代办帮办), in every state — submitted,
 * accepted, being handled (some of them late and under 督办), finished, verified and closed. Talents apply again
 * and again, for the common items of 入职到岗, 落户, 住房安居, 社会保险 and so on, so the registry's data and their
 * earlier uploads make the overall material reduction come out near the seed's 85%.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class TalentServicesDemo {

    private static final Logger log = LoggerFactory.getLogger(TalentServicesDemo.class);
    static final String BY = "demo-talent-services";
    private static final int TALENTS = 700;
    /** Items a talent is likely to apply for, most common first (the registry-held materials dominate them). */
    private static final String[] COMMON = {"S0101", "S0503", "S0902", "S0102", "S0103", "S1404", "S0106", "S0903",
            "S1103", "S0601", "S1001", "S1203", "S0604", "S0701", "S0505", "S0901", "S0504", "S1202", "S0305", "S0605",
            "S1003", "S1005", "S0301", "S0306"};

    private final ServiceApplicationHistory history;
    private final long seed;
    private final LocalDate asOf;

    TalentServicesDemo(ServiceApplicationHistory history, @Value("${zugong.demo.seed:20261123}") long seed,
                       @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.history = history;
        this.seed = seed;
        this.asOf = asOf;
    }

    void load() {
        if (history.importedBy(BY) || history.talentIds(1).isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5e7f1ceL);
        List<PastApplication> all = new ArrayList<>();
        List<Long> talents = new ArrayList<>(history.talentIds(TALENTS));
        history.talentOf("talent").ifPresent(id -> {
            talents.remove(id);
            talents.add(0, id);
        });
        LocalDate from = LocalDate.of(asOf.getYear(), 1, 5);
        int span = (int) (asOf.toEpochDay() - from.toEpochDay());
        for (int n = 0; n < talents.size(); n++) {
            long talent = talents.get(n);
            List<String> may = history.itemsFor(talent);
            List<String> common = java.util.Arrays.stream(COMMON).filter(may::contains).toList();
            if (common.isEmpty()) {
                continue;
            }
            int count = n == 0 ? 6 : 2 + random.nextInt(3) + (random.nextInt(3) == 0 ? 1 : 0);
            LocalDate day = from.plusDays(random.nextInt(Math.max(1, span / 2)));
            List<String> done = new ArrayList<>();
            for (int k = 0; k < count && !day.isAfter(asOf.minusDays(1)); k++) {
                String item = pick(random, common, may, done);
                done.add(item);
                LocalDateTime at = workday(day).atTime(8 + random.nextInt(10), random.nextInt(60));
                if (at.toLocalDate().isAfter(asOf.minusDays(1))) {
                    break;
                }
                boolean counter = random.nextInt(100) < 12;
                all.add(new PastApplication(talent, item, at, counter ? "zhuanyuan" : null,
                        counter ? "市人社局人才专窗专员" : null, outcome(random, at.toLocalDate(), n == 0 ? k : -1),
                        workdays(random, history.timeLimit(item))));
                day = at.toLocalDate().plusDays(7 + random.nextInt(60));
            }
        }
        int imported = history.importAll(all, asOf, BY);
        log.info("Demo 码上办: {} applications in {} ms", imported, (System.nanoTime() - start) / 1_000_000);
    }

    /** Mostly the common items (by weight: the first the most), sometimes any other the talent may apply for. */
    private static String pick(SplittableRandom random, List<String> common, List<String> may, List<String> done) {
        for (int tries = 0; tries < 6; tries++) {
            String item = random.nextInt(100) < 96
                    ? common.get(Math.min(common.size() - 1, (int) Math.abs(random.nextGaussian() * common.size() / 3.2)))
                    : may.get(random.nextInt(may.size()));
            if (!done.contains(item)) {
                return item;
            }
        }
        return common.get(random.nextInt(common.size()));
    }

    /** Older applications are mostly closed; recent ones still in every state. The demo talent's show each state. */
    private Outcome outcome(SplittableRandom random, LocalDate on, int ownIndex) {
        if (ownIndex >= 0) {
            return Outcome.values()[ownIndex % Outcome.values().length];
        }
        long age = asOf.toEpochDay() - on.toEpochDay();
        int r = random.nextInt(100);
        if (age > 60) {
            return r < 80 ? Outcome.CLOSED : r < 92 ? Outcome.VERIFIED : r < 97 ? Outcome.RESOLVED : Outcome.IN_PROGRESS;
        }
        if (age > 20) {
            return r < 45 ? Outcome.CLOSED : r < 65 ? Outcome.VERIFIED : r < 80 ? Outcome.RESOLVED
                    : r < 95 ? Outcome.IN_PROGRESS : Outcome.ACCEPTED;
        }
        return r < 15 ? Outcome.SUBMITTED : r < 35 ? Outcome.ACCEPTED : r < 65 ? Outcome.IN_PROGRESS
                : r < 85 ? Outcome.RESOLVED : Outcome.CLOSED;
    }

    /** Working days to 办结: most within the item's limit, about one in ten late. */
    private static int workdays(SplittableRandom random, int limit) {
        return random.nextInt(100) < 90 ? 1 + random.nextInt(limit) : limit + 1 + random.nextInt(8);
    }

    private static LocalDate workday(LocalDate d) {
        LocalDate day = d;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}

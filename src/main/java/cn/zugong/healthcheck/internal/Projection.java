package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.indicator.RetirementLaw;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.UnitFacts;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.people.PersonCard;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the years ahead hold for one unit if nobody joins: who reaches the statutory retirement age
 * under the 2025 law and the 2015 rule for women 县处级 cadres (RetirementLaw), the vacancies that opens against the 编制数, the age structure,
 * and the colour the pack's own legends would give the age and staffing indicators — with the number
 * of young recruits needed to keep 35岁及以下占比 out of warning, the input to 招录/调任 planning.
 */
@Service
class Projection {

    static final List<String> WATCHED = List.of("35周岁及以下干部占比", "56周岁及以上干部占比", "平均年龄", "空编率");
    static final String YOUNG_SHARE = "35周岁及以下干部占比";

    private final OrgTree tree;
    private final PeopleDirectory people;
    private final IndicatorPacks packs;

    Projection(OrgTree tree, PeopleDirectory people, IndicatorPacks packs) {
        this.tree = tree;
        this.people = people;
        this.packs = packs;
    }

    /** A retirement due: who, the date, and the statutory age in years and months. */
    public record Retirement(PersonCard person, LocalDate date, int ageYears, int ageMonths) {
    }

    /** An indicator's projected value and colour in one year. */
    public record Watched(String name, String unit, BigDecimal value, String colour) {
        public String css() {
            return Colour.css(colour);
        }
    }

    /** The state at the end of year {@code year} (0 = today). */
    public record Year(int year, LocalDate date, List<Retirement> retiring, int headcount, int vacancies,
                       int under35, int from36to45, int from46to55, int over55, BigDecimal averageAge,
                       List<Watched> indicators, int youngRecruitsNeeded) {
    }

    public record View(OrgNode unit, int authorized, LocalDate asOf, List<Year> years) {
    }

    View of(CurrentUser user, long unitId, LocalDate asOf, int years) {
        OrgNode unit = tree.get(unitId, user.scope());
        if (!unit.isUnit()) {
            throw new NotFoundException("预测针对单位：" + unit.name() + " 不是单位");
        }
        int authorized = tree.unitFacts(unit.id()).map(UnitFacts::authorizedHeadcount).orElse(0);
        List<PersonCard> staff = people.unit(unit.id(), user.scope(), asOf);
        IndicatorPack pack = packs.latest(HealthCheckViews.PACK);
        List<Year> result = new ArrayList<>();
        List<PersonCard> remaining = new ArrayList<>(staff);
        LocalDate previous = asOf;
        for (int k = 0; k <= Math.max(1, Math.min(years, 10)); k++) {
            LocalDate date = asOf.plusYears(k);
            List<Retirement> retiring = new ArrayList<>();
            if (k > 0) {
                LocalDate from = previous;
                for (PersonCard p : List.copyOf(remaining)) {
                    RetirementLaw.Group group = RetirementLaw.Group.of(p.gender(), p.postLevel(), p.rankLevel());
                    LocalDate retires = RetirementLaw.retirementDate(p.birthDate(), group);
                    if (retires.isAfter(from) && !retires.isAfter(date)) {
                        int months = RetirementLaw.retirementAgeMonths(p.birthDate(), group);
                        retiring.add(new Retirement(p, retires, months / 12, months % 12));
                        remaining.remove(p);
                    }
                }
                retiring.sort(java.util.Comparator.comparing(Retirement::date));
            } else {
                remaining.removeIf(p -> !RetirementLaw.retirementDate(p.birthDate(), p.gender(), p.postLevel(),
                        p.rankLevel()).isAfter(date));
            }
            result.add(year(k, date, retiring, remaining, authorized, pack));
            previous = date;
        }
        return new View(unit, authorized, asOf, result);
    }

    private static Year year(int k, LocalDate date, List<Retirement> retiring, List<PersonCard> remaining,
                             int authorized, IndicatorPack pack) {
        int[] bands = new int[4];
        double ageSum = 0;
        for (PersonCard p : remaining) {
            int age = Period.between(p.birthDate(), date).getYears();
            ageSum += age; // 平均年龄 averages 周岁, as the pack's A0113 does
            bands[age <= 35 ? 0 : age <= 45 ? 1 : age <= 55 ? 2 : 3]++;
        }
        int n = remaining.size();
        long over55 = remaining.stream().filter(p -> Period.between(p.birthDate(), date).getYears() >= 56).count();
        Double[] values = {n == 0 ? null : 100.0 * bands[0] / n, n == 0 ? null : 100.0 * over55 / n,
                n == 0 ? null : ageSum / n, authorized == 0 ? null : 100.0 * Math.max(0, authorized - n) / authorized};
        List<Watched> watched = new ArrayList<>();
        for (int i = 0; i < WATCHED.size(); i++) {
            Optional<Indicator> indicator = byName(pack, WATCHED.get(i));
            if (indicator.isEmpty()) {
                continue;
            }
            BigDecimal value = values[i] == null ? null : indicator.get().display(values[i]);
            String colour = indicator.get().legend().classify(value).map(r -> r.colour().code()).orElse(null);
            watched.add(new Watched(WATCHED.get(i), indicator.get().unit(), value, colour));
        }
        return new Year(k, date, retiring, n, Math.max(0, authorized - n), bands[0], bands[1], bands[2], bands[3],
                n == 0 ? null : BigDecimal.valueOf(ageSum / n).setScale(1, java.math.RoundingMode.HALF_UP), watched,
                youngNeeded(pack, bands[0], n));
    }

    /** Recruits aged 35 or under needed so that the young share reaches the legend's no-warning threshold. */
    static int youngNeeded(IndicatorPack pack, int young, int headcount) {
        Optional<BigDecimal> target = byName(pack, YOUNG_SHARE).flatMap(i -> i.legend().ranges().stream()
                .map(LegendRange::threshold).filter(t -> t != null).max(BigDecimal::compareTo));
        if (target.isEmpty()) {
            return 0;
        }
        double t = target.get().doubleValue() / 100.0;
        double needed = (t * headcount - young) / (1 - t);
        return needed <= 0 ? 0 : (int) Math.ceil(needed - 1e-9);
    }

    static Optional<Indicator> byName(IndicatorPack pack, String name) {
        return pack.indicators().stream().filter(i -> i.name().equals(name)).findFirst();
    }
}

package cn.zugong.indicator;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Statutory retirement age and date under the law in force since 2025-01-01 (全国人大常委会《关于实施
 * 渐进式延迟法定退休年龄的决定》, 2024-09-13, and its 附件 对照表): men 60 → 63 and women cadres 55 → 58,
 * one month later per four months of birth from births in January 1965 / January 1970; women workers
 * 50 → 55, one month per two months of birth from January 1975; capped at the target. So a man born in
 * January–April 1965 retires at 60 years 1 month (born 1965-01 → 2025-02), one born from September
 * 1976 at 63; a woman cadre born 1970-01 at 55y1m, from 1981-09 at 58; a woman worker born 1975-01 at
 * 50y1m, from 1984-11 at 55. Civil servants and 参公人员 are cadres, so the roster uses MAN and WOMAN_CADRE,
 * and WOMAN_SENIOR_CADRE for women 县处级 cadres, who retire at exactly 60 (组通字〔2015〕14号; ADR 052):
 * a woman whose 领导职务 is 县处级副职 or above, or whose 职级 is 四级调研员 or above.
 */
public final class RetirementLaw {

    public enum Group {
        MAN(60, YearMonth.of(1965, 1), 4, 36),
        WOMAN_CADRE(55, YearMonth.of(1970, 1), 4, 36),
        WOMAN_WORKER(50, YearMonth.of(1975, 1), 2, 60),
        /** Women 县处级 cadres: 60 years exactly, no gradual delay (60 is above the women cadres' 58 target). */
        WOMAN_SENIOR_CADRE(60, YearMonth.of(1900, 1), 1, 0);

        private final int baseYears;
        private final YearMonth firstDelayed;
        private final int monthsPerStep;
        private final int maxDelayMonths;

        Group(int baseYears, YearMonth firstDelayed, int monthsPerStep, int maxDelayMonths) {
            this.baseYears = baseYears;
            this.firstDelayed = firstDelayed;
            this.monthsPerStep = monthsPerStep;
            this.maxDelayMonths = maxDelayMonths;
        }

        /**
         * The group of a roster person without post or rank (every civil servant is a cadre). Prefer
         * {@link #of(String, String, String)}: a woman 县处级 cadre retires later.
         */
        public static Group ofCadre(String gender) {
            return of(gender, null, null);
        }

        /** The group of a roster person from gender, 领导职务层次 and 职级 (either may be null). */
        public static Group of(String gender, String postLevel, String rankLevel) {
            if ("男".equals(gender)) {
                return MAN;
            }
            return isCountyLevel(postLevel, rankLevel) ? WOMAN_SENIOR_CADRE : WOMAN_CADRE;
        }
    }

    /** 领导职务 counted as 县处级 or above for the 2015 rule. */
    public static final java.util.List<String> COUNTY_LEVEL_POSTS = java.util.List.of("厅局级正职", "厅局级副职",
            "县处级正职", "县处级副职");
    /** 职级 counted as 县处级 or above for the 2015 rule: 四级调研员 up to 一级巡视员. */
    public static final java.util.List<String> COUNTY_LEVEL_RANKS = java.util.List.of("一级巡视员", "二级巡视员",
            "一级调研员", "二级调研员", "三级调研员", "四级调研员");

    /** Whether a woman with this post and rank falls under 组通字〔2015〕14号 (retires at 60). */
    public static boolean isCountyLevel(String postLevel, String rankLevel) {
        // List.of(...).contains(null) throws: no post or no rank is simply not 县处级
        return postLevel != null && COUNTY_LEVEL_POSTS.contains(postLevel)
                || rankLevel != null && COUNTY_LEVEL_RANKS.contains(rankLevel);
    }

    /** A roster person's statutory retirement date. */
    public static LocalDate retirementDate(LocalDate birth, String gender, String postLevel, String rankLevel) {
        return retirementDate(birth, Group.of(gender, postLevel, rankLevel));
    }

    private RetirementLaw() {
    }

    /** Retirement age in months for someone born in {@code birth}'s month. */
    public static int retirementAgeMonths(LocalDate birth, Group group) {
        long k = YearMonth.from(birth).getYear() * 12L + birth.getMonthValue() - 1
                - (group.firstDelayed.getYear() * 12L + group.firstDelayed.getMonthValue() - 1);
        int delay = k < 0 ? 0 : (int) Math.min(group.maxDelayMonths, k / group.monthsPerStep + 1);
        return group.baseYears * 12 + delay;
    }

    /** The day the person reaches the statutory age (its month is the official table's 退休时间). */
    public static LocalDate retirementDate(LocalDate birth, Group group) {
        return birth.plusMonths(retirementAgeMonths(birth, group));
    }

    /**
     * The earliest birth date whose retirement date is on or after {@code date} ({@code strictlyAfter}:
     * after it). Retirement dates never fall when birth dates rise, so "retires before T" is exactly
     * "born before this bound" — which lets SQL test a plain, indexable birth-date comparison.
     */
    public static LocalDate firstBirthRetiringFrom(LocalDate date, Group group, boolean strictlyAfter) {
        long lo = date.minusYears(70).toEpochDay();
        long hi = date.minusYears(group.baseYears - 1).toEpochDay();
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            LocalDate retires = retirementDate(LocalDate.ofEpochDay(mid), group);
            boolean reached = strictlyAfter ? retires.isAfter(date) : !retires.isBefore(date);
            if (reached) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return LocalDate.ofEpochDay(lo);
    }
}

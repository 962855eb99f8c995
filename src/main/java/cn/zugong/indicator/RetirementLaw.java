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
 * 50y1m, from 1984-11 at 55. Civil servants and 参公人员 are cadres, so the roster uses MAN and WOMAN_CADRE.
 */
public final class RetirementLaw {

    public enum Group {
        MAN(60, YearMonth.of(1965, 1), 4, 36),
        WOMAN_CADRE(55, YearMonth.of(1970, 1), 4, 36),
        WOMAN_WORKER(50, YearMonth.of(1975, 1), 2, 60);

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

        /** The group of a roster person: every civil servant is a cadre. */
        public static Group ofCadre(String gender) {
            return "男".equals(gender) ? MAN : WOMAN_CADRE;
        }
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

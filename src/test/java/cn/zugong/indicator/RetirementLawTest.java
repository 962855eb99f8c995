package cn.zugong.indicator;

import static cn.zugong.indicator.RetirementLaw.Group.MAN;
import static cn.zugong.indicator.RetirementLaw.Group.WOMAN_CADRE;
import static cn.zugong.indicator.RetirementLaw.Group.WOMAN_WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.indicator.RetirementLaw.Group;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 2025 law's schedule (《关于实施渐进式延迟法定退休年龄的决定》附件 对照表一、二、三): birth month →
 * retirement age and month, for men, women cadres (原55周岁) and women workers (原50周岁).
 */
class RetirementLawTest {

    @ParameterizedTest(name = "{0} born {1}: {2}y{3}m, retires {4}")
    @CsvSource({
            // 对照表一 男职工（原60周岁）
            "MAN, 1964-12, 60, 0, 2024-12",
            "MAN, 1965-01, 60, 1, 2025-02",
            "MAN, 1965-04, 60, 1, 2025-05",
            "MAN, 1965-05, 60, 2, 2025-07",
            "MAN, 1965-12, 60, 3, 2026-03",
            "MAN, 1966-01, 60, 4, 2026-05",
            "MAN, 1970-01, 61, 4, 2031-05",
            "MAN, 1976-08, 62, 11, 2039-07",
            "MAN, 1976-09, 63, 0, 2039-09",
            "MAN, 1976-12, 63, 0, 2039-12",
            "MAN, 1980-06, 63, 0, 2043-06",
            // 对照表二 原法定退休年龄55周岁的女职工（女干部）
            "WOMAN_CADRE, 1969-12, 55, 0, 2024-12",
            "WOMAN_CADRE, 1970-01, 55, 1, 2025-02",
            "WOMAN_CADRE, 1970-05, 55, 2, 2025-07",
            "WOMAN_CADRE, 1975-06, 56, 5, 2031-11",
            "WOMAN_CADRE, 1980-12, 57, 9, 2038-09",
            "WOMAN_CADRE, 1981-08, 57, 11, 2039-07",
            "WOMAN_CADRE, 1981-09, 58, 0, 2039-09",
            // 对照表三 原法定退休年龄50周岁的女职工（女工人）
            "WOMAN_WORKER, 1974-12, 50, 0, 2024-12",
            "WOMAN_WORKER, 1975-01, 50, 1, 2025-02",
            "WOMAN_WORKER, 1975-03, 50, 2, 2025-05",
            "WOMAN_WORKER, 1980-01, 52, 7, 2032-08",
            "WOMAN_WORKER, 1984-10, 54, 11, 2039-09",
            "WOMAN_WORKER, 1984-11, 55, 0, 2039-11",
    })
    void officialTable(Group group, String birthMonth, int years, int months, String retires) {
        LocalDate birth = YearMonth.parse(birthMonth).atDay(15);
        assertThat(RetirementLaw.retirementAgeMonths(birth, group)).isEqualTo(years * 12 + months);
        assertThat(YearMonth.from(RetirementLaw.retirementDate(birth, group))).isEqualTo(YearMonth.parse(retires));
    }

    @Test
    void everyBirthMonthFrom1964To1980FollowsTheSchedule() {
        for (Group group : Group.values()) {
            int start = switch (group) {
                case MAN -> 1965;
                case WOMAN_CADRE -> 1970;
                case WOMAN_WORKER -> 1975;
            };
            int base = switch (group) {
                case MAN -> 60;
                case WOMAN_CADRE -> 55;
                case WOMAN_WORKER -> 50;
            };
            int per = group == WOMAN_WORKER ? 2 : 4;
            int cap = group == WOMAN_WORKER ? 60 : 36;
            int previous = 0;
            for (YearMonth m = YearMonth.of(1964, 1); !m.isAfter(YearMonth.of(1980, 12)); m = m.plusMonths(1)) {
                int age = RetirementLaw.retirementAgeMonths(m.atDay(1), group);
                long monthsFromStart = (m.getYear() - start) * 12L + m.getMonthValue() - 1;
                int expectedDelay = monthsFromStart < 0 ? 0 : (int) Math.min(cap, monthsFromStart / per + 1);
                assertThat(age).as(group + " " + m).isEqualTo(base * 12 + expectedDelay);
                assertThat(age).as("never falls").isGreaterThanOrEqualTo(previous);
                previous = age;
                // the same for every day of the birth month, and the retirement month is birth month + age
                LocalDate last = m.atEndOfMonth();
                assertThat(RetirementLaw.retirementAgeMonths(last, group)).isEqualTo(age);
                assertThat(YearMonth.from(RetirementLaw.retirementDate(last, group))).isEqualTo(m.plusMonths(age));
            }
        }
        assertThat(RetirementLaw.retirementAgeMonths(LocalDate.of(1990, 1, 1), MAN)).isEqualTo(63 * 12);
        assertThat(RetirementLaw.retirementAgeMonths(LocalDate.of(1990, 1, 1), WOMAN_CADRE)).isEqualTo(58 * 12);
        assertThat(RetirementLaw.retirementAgeMonths(LocalDate.of(1990, 1, 1), WOMAN_WORKER)).isEqualTo(55 * 12);
    }

    @Test
    void birthBoundSplitsWhoRetiresBeforeADate() {
        LocalDate date = LocalDate.of(2027, 11, 1);
        for (Group group : Group.values()) {
            LocalDate bound = RetirementLaw.firstBirthRetiringFrom(date, group, false);
            assertThat(RetirementLaw.retirementDate(bound, group)).isAfterOrEqualTo(date);
            assertThat(RetirementLaw.retirementDate(bound.minusDays(1), group)).isBefore(date);
            LocalDate strict = RetirementLaw.firstBirthRetiringFrom(date, group, true);
            assertThat(RetirementLaw.retirementDate(strict, group)).isAfter(date);
            assertThat(RetirementLaw.retirementDate(strict.minusDays(1), group)).isBeforeOrEqualTo(date);
        }
        // a man born 1966-07-01 retires at 60y5m on 2026-12-01
        assertThat(RetirementLaw.retirementDate(LocalDate.of(1966, 7, 1), MAN)).isEqualTo("2026-12-01");
        assertThat(RetirementLaw.Group.ofCadre("女")).isEqualTo(WOMAN_CADRE);
    }
}

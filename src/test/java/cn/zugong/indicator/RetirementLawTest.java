package cn.zugong.indicator;

import static cn.zugong.indicator.RetirementLaw.Group.MAN;
import static cn.zugong.indicator.RetirementLaw.Group.WOMAN_CADRE;
import static cn.zugong.indicator.RetirementLaw.Group.WOMAN_SENIOR_CADRE;
import static cn.zugong.indicator.RetirementLaw.Group.WOMAN_WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.indicator.RetirementLaw.Group;
import java.time.LocalDate;
import java.util.List;
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
        for (Group group : List.of(MAN, WOMAN_CADRE, WOMAN_WORKER)) {
            int start = switch (group) {
                case MAN -> 1965;
                case WOMAN_CADRE -> 1970;
                default -> 1975;
            };
            int base = switch (group) {
                case MAN -> 60;
                case WOMAN_CADRE -> 55;
                default -> 50;
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

    /** 组通字〔2015〕14号 (ADR 052): women 县处级 cadres retire at exactly 60, by post or by rank; dates by hand. */
    @Test
    void womenCountyLevelCadresRetireAtSixty() {
        LocalDate born = LocalDate.of(1970, 3, 15);
        // by post: 县处级正职 / 县处级副职 and 厅局级
        assertThat(RetirementLaw.retirementDate(born, "女", "县处级正职", "一级主任科员")).isEqualTo("2030-03-15");
        assertThat(RetirementLaw.retirementDate(born, "女", "县处级副职", null)).isEqualTo("2030-03-15");
        assertThat(RetirementLaw.retirementDate(born, "女", "厅局级副职", null)).isEqualTo("2030-03-15");
        // by rank: 四级调研员 and above, 巡视员 included, without a post
        assertThat(RetirementLaw.retirementDate(born, "女", null, "四级调研员")).isEqualTo("2030-03-15");
        assertThat(RetirementLaw.retirementDate(LocalDate.of(1972, 2, 29), "女", null, "二级巡视员"))
                .isEqualTo("2032-02-29");
        // not 县处级: a 乡科级正职 who is 一级主任科员 follows the 2025 law, born 1970-03 → 55y1m → 2025-04-15
        assertThat(RetirementLaw.retirementDate(born, "女", "乡科级正职", "一级主任科员")).isEqualTo("2025-04-15");
        assertThat(RetirementLaw.Group.of("女", "乡科级正职", "一级主任科员")).isEqualTo(WOMAN_CADRE);
        // a woman born 1985 under the 2025 law would reach 58; as 四级调研员 she serves to 60
        assertThat(RetirementLaw.retirementDate(LocalDate.of(1985, 6, 1), "女", null, "四级调研员")).isEqualTo("2045-06-01");
        assertThat(RetirementLaw.retirementDate(LocalDate.of(1985, 6, 1), "女", null, "一级主任科员")).isEqualTo("2043-06-01");
        // men are unaffected by post or rank: born 1965-12-20 → 60y3m → 2026-03-20
        assertThat(RetirementLaw.retirementDate(LocalDate.of(1965, 12, 20), "男", "县处级正职", "一级调研员"))
                .isEqualTo("2026-03-20");
        LocalDate bound = RetirementLaw.firstBirthRetiringFrom(LocalDate.of(2027, 11, 1), WOMAN_SENIOR_CADRE, false);
        assertThat(bound).isEqualTo("1967-11-01");
    }
}

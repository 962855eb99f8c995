package cn.zugong.indicator.reference;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.indicator.Applicability;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.reference.Roster.Assessment;
import cn.zugong.indicator.reference.Roster.Period;
import cn.zugong.indicator.reference.Roster.Record;
import cn.zugong.indicator.reference.Roster.State;
import cn.zugong.indicator.reference.Roster.Unit;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference itself, checked by hand on the edges DEFINITIONS15 decided (so that a difference from the
 * engine can be trusted to be the engine's): 周岁 on the birthday, positive parts, C0610's whole year,
 * the records' and assessments' year windows, women 县处级 cadres' retirement, and the legend lines.
 */
class ReferenceIndicatorsTest {

    static final LocalDate D = LocalDate.of(2026, 11, 1);
    static final Period ALWAYS = new Period(LocalDate.of(1900, 1, 1), Roster.OPEN_DATE,
            LocalDate.of(2000, 1, 1).atStartOfDay(), Roster.OPEN_TIME);

    @Test
    void agesAreWholeYearsCompletedOnTheDay() {
        UnitView u = unit(10, person("男", "1990-11-01", null, "一级科员", "2010-01-01"),   // 36 on D
                person("女", "1991-11-02", null, "一级科员", "2010-01-01"));               // 34 on D
        assertThat(cell("A0102", u)).isEqualTo(new Cell(1, 2));
        assertThat(cell("A0103", u)).isEqualTo(new Cell(1, 2));
        assertThat(cell("A0113", u)).isEqualTo(new Cell(70, 2));     // 36 + 34: 周岁, not exact years
    }

    @Test
    void overAndUnderStaffingArePositivePartsPerUnit() {
        UnitView over = unit(1, person("男", "1980-01-01", null, "一级科员", "2000-01-01"),
                person("男", "1981-01-01", null, "一级科员", "2000-01-01"));
        UnitView under = unit(5, person("男", "1980-01-01", null, "一级科员", "2000-01-01"));
        assertThat(cell("B0103", over).num()).isEqualTo(1);
        assertThat(cell("B0103", under).num()).isZero();
        assertThat(cell("B0102", over).num()).isZero();
        assertThat(cell("B0102", under).num()).isEqualTo(4);
        assertThat(cell("B0103", over).plus(cell("B0103", under)).num()).isEqualTo(1);   // never netted
    }

    @Test
    void c0610CountsOnlyThoseWhoServedTheWholeYearWithoutAResult() {
        LocalDate d = LocalDate.of(2026, 3, 1);
        Staff due = staff(d, person("男", "1980-01-01", null, "一级科员", "2024-12-31"), List.of(), List.of());
        Staff startedOnNewYear = staff(d, person("男", "1980-01-01", null, "一级科员", "2025-01-01"), List.of(),
                List.of());
        Staff assessed = staff(d, person("男", "1980-01-01", null, "一级科员", "2020-01-01"),
                List.of(new Assessment(1, 2025, "称职", ALWAYS)), List.of());
        UnitView u = new UnitView(unitRow(10), List.of(due, startedOnNewYear, assessed), 2026);
        assertThat(cell("C0610", u).num()).isEqualTo(1);
    }

    @Test
    void yearWindowsOfRecordsAndAssessments() {
        LocalDate d = LocalDate.of(2026, 6, 1);
        List<Record> records = List.of(discipline(2023), discipline(2024), discipline(2025), discipline(2026));
        List<Assessment> assessments = List.of(new Assessment(1, 2023, "优秀", ALWAYS),
                new Assessment(1, 2024, "基本称职", ALWAYS), new Assessment(1, 2025, "不称职", ALWAYS),
                new Assessment(1, 2026, "优秀", ALWAYS));
        Staff p = staff(d, person("男", "1980-01-01", null, "一级科员", "2000-01-01"), assessments, records);
        UnitView u = new UnitView(unitRow(10), List.of(p), 2026);
        assertThat(cell("C0501", u).num()).isEqualTo(3);             // 2024–2026
        assertThat(cell("C0206", u)).isEqualTo(new Cell(0, 2));      // 前两年度: 2024 and 2025
        assertThat(cell("C0208", u).num()).isEqualTo(1);
        assertThat(cell("C0211", u)).isEqualTo(new Cell(1, 3));      // 前三年度: 2023–2025
        assertThat(cell("C0216", u)).isEqualTo(new Cell(1, 3));      // 近三年 assessments: 2023–2025, not 2026
    }

    @Test
    void womenCountyCadresRetireAtSixty() {
        LocalDate d = LocalDate.of(2025, 4, 10);
        // a woman cadre born 1970-03 retires at 55 years 1 month (2025-04-10); a 县处级 one at 60 (2030-03-10)
        Staff cadre = staff(d, person("女", "1970-03-10", null, "一级主任科员", "1990-01-01"), List.of(), List.of());
        Staff county = staff(d, person("女", "1970-03-10", "县处级副职", "一级主任科员", "1990-01-01"), List.of(),
                List.of());
        Staff byRank = staff(d, person("女", "1970-03-10", null, "四级调研员", "1990-01-01"), List.of(), List.of());
        assertThat(cadre.retirementDate()).isEqualTo(LocalDate.of(2025, 4, 10));
        assertThat(county.retirementDate()).isEqualTo(LocalDate.of(2030, 3, 10));
        assertThat(byRank.retirementDate()).isEqualTo(LocalDate.of(2030, 3, 10));
        UnitView u = new UnitView(unitRow(10), List.of(cadre, county, byRank), 2025);
        assertThat(cell("A0119", u).num()).isEqualTo(1);             // reached on D counts
        assertThat(cell("B0701", u).num()).isZero();
        assertThat(cell("B0707", u).num()).isEqualTo(2);             // 2030-03-10 is before D + 5 years
    }

    @Test
    void aValueOnALineTakesTheBetterColour() {
        Indicator band = indicator("%", Legend.band(bd(12), bd(20), bd(3), bd(6)));
        assertThat(colour(band, "12")).isEqualTo("GREEN");
        assertThat(colour(band, "23")).isEqualTo("BLUE");
        assertThat(colour(band, "23.1")).isEqualTo("YELLOW");
        assertThat(colour(band, "26")).isEqualTo("YELLOW");
        assertThat(colour(band, "26.1")).isEqualTo("RED");
        assertThat(colour(band, "8.9")).isEqualTo("YELLOW");
        Indicator higher = indicator("%", Legend.warning(Direction.HIGHER_IS_BETTER, bd(8), bd(12), bd(15)));
        assertThat(colour(higher, "7.9")).isEqualTo("RED");
        assertThat(colour(higher, "8")).isEqualTo("YELLOW");
        assertThat(colour(higher, "15")).isEqualTo("GREEN");
        Indicator anyRed = indicator("人", Legend.warning(Direction.LOWER_IS_BETTER, bd(0), null, null));
        assertThat(colour(anyRed, "0")).isEqualTo("GREEN");
        assertThat(colour(anyRed, "1")).isEqualTo("RED");
        // shown value first: 14.96% shows as 15.0% and is not below 15
        assertThat(ReferenceEvaluator.result(higher, "n", false, new Cell(1496, 10000)).colour()).isEqualTo("GREEN");
    }

    private static String colour(Indicator i, String value) {
        return ReferenceEvaluator.colour(i, new BigDecimal(value));
    }

    private static Indicator indicator(String unit, Legend legend) {
        return new Indicator("T0001", "测试", "T", "T01", "count()", unit, Applicability.ALL, legend, Map.of(), null, null, null);
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }

    private static Cell cell(String code, UnitView u) {
        return ReferenceEvaluator.definitions().get(code).apply(u);
    }

    private static Record discipline(int year) {
        return new Record(1, "DISCIPLINE", year, "警告", ALWAYS);
    }

    private static Unit unitRow(int headcount) {
        return new Unit("U", "C", "县直", "政府部门", headcount, Map.of());
    }

    private static UnitView unit(int headcount, State... people) {
        return new UnitView(unitRow(headcount), java.util.Arrays.stream(people)
                .map(s -> staff(D, s, List.of(), List.of())).toList(), D.getYear());
    }

    private static Staff staff(LocalDate d, State s, List<Assessment> assessments, List<Record> records) {
        return new Staff(1, s, d, assessments, List.of(), records);
    }

    private static State person(String gender, String birth, String post, String rank, String workStart) {
        LocalDate start = LocalDate.parse(workStart);
        return new State("U", "在职", gender, LocalDate.parse(birth), "汉族", "中共党员", "大学本科", "学士", null, null,
                "法学类", "公务员", rank, start, post, post == null ? null : start, start, start, "考录", null);
    }
}

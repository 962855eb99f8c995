package cn.zugong.indicator.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.indicator.internal.compile.FactTable;
import cn.zugong.indicator.internal.pack.PackLoader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The as-of person source (ADR 050): bound parameters only, so the SQL text is the same for every date. */
class PackPlanAsOfTest {

    private static final String PACK = """
            pack: {code: adhoc, version: 1, name: 测试}
            modules:
              - code: T
                name: 测试
                categories:
                  - code: T01
                    name: 测试
                    indicators:
                      - code: T0100
                        name: 人数
                        unit: 人
                        formula: "count(where age(birth_date) < 36)"
                        definition: 测试口径
                        levels: {above_unit: none}
                        level_note: 测试
                        legend: {direction: higher, blue: 0}
                        advice: {blue: "{name}"}
                      - code: T0101
                        name: 学时
                        unit: 学时
                        formula: "sum(training.hours where year = eval_year)"
                        definition: 测试口径
                        legend: {direction: higher, blue: 0}
                        advice: {blue: "{name}"}
                      - code: T0102
                        name: 编制
                        unit: 人
                        formula: "authorized_headcount - count()"
                        definition: 测试口径
                        levels: {above_unit: none}
                        level_note: 测试
                        legend: {direction: higher, blue: 0}
                        advice: {blue: "{name}"}
            """;

    @Test
    void peopleAndFactsAreReadAsOfTheDateAndKnowledgeThroughParameters() {
        PackPlan plan = new PackPlan(PackLoader.load(PACK, "adhoc.yaml"));
        Map<FactTable, String> sql = new java.util.EnumMap<>(FactTable.class);
        plan.queries().forEach(q -> sql.put(q.table(), q.sql(false)));
        String versionValid = "p.valid_from <= :asof and p.valid_to > :asof and p.recorded_at <= :knownAt"
                + " and p.superseded_at > :knownAt and p.service_status = '在职'";
        assertThat(sql.get(FactTable.PERSON)).contains("from person_version p", versionValid)
                .doesNotContain("from person p");
        assertThat(sql.get(FactTable.TRAINING))
                .contains("person_training t join person_version p on p.person_id = t.person_id",
                        "t.valid_from <= :asof and t.valid_to > :asof and t.recorded_at <= :knownAt"
                                + " and t.superseded_at > :knownAt", versionValid);
        assertThat(sql.get(FactTable.UNIT)).doesNotContain(":asof", ":knownAt");
        assertThat(plan.queries().get(0).sql(true)).contains("= :unitId", versionValid);

        LocalDateTime known = LocalDateTime.of(2026, 6, 1, 23, 59);
        Map<String, Object> may = plan.parameters(LocalDate.of(2026, 5, 1), known);
        assertThat(may).containsEntry("asof", LocalDate.of(2026, 5, 1)).containsEntry("knownAt", known);
        assertThat(plan.parameters(LocalDate.of(2026, 11, 1))).containsEntry("knownAt", Engine.LATEST)
                .containsOnlyKeys(may.keySet());
    }

    private static final String HAS_PACK = """
            pack: {code: adhoc, version: 1, name: 测试}
            modules:
              - code: T
                name: 测试
                categories:
                  - code: T01
                    name: 测试
                    indicators:
                      - code: T0100
                        name: 无培训
                        unit: 人
                        formula: "count(where not has(training where year = eval_year))"
                        definition: 测试口径
                        levels: {above_unit: none}
                        level_note: 测试
                        legend: {direction: lower, blue: 0}
                        advice: {blue: "{name}"}
                      - code: T0101
                        name: 无考核
                        unit: 人
                        formula: "count(where age(birth_date) >= 30 and not has(assessment where year = eval_year - 1))"
                        definition: 测试口径
                        levels: {above_unit: none}
                        level_note: 测试
                        legend: {direction: lower, blue: 0}
                        advice: {blue: "{name}"}
            """;

    /**
     * has() never stays inside an aggregate of the scan (issue 15: joined inside the person scan, the persons who
     * have the fact were grouped again by every parallel worker): the person scan reads the test as false, and
     * each test gets a query of its own over the persons who have the fact, an exists in its where clause.
     */
    @Test
    void hasTestsBecomeQueriesOfTheirOwn() {
        PackPlan plan = new PackPlan(PackLoader.load(HAS_PACK, "adhoc.yaml"));
        assertThat(plan.queries()).extracting(q -> q.table() + " " + q.having().size())
                .containsExactly("PERSON 0", "PERSON 1", "PERSON 1");
        PackPlan.TableQuery person = plan.queries().get(0);
        assertThat(person.sql(false)).doesNotContain("exists", "left join")
                .contains("count(*) filter (where not (false))");
        assertThat(plan.queries().get(1).sql(false)).contains("and exists (select 1 from person_training t where",
                "count(*) filter (where not (true))", "count(*) filter (where not (false))");
        assertThat(plan.queries().get(2).sql(true)).contains("= :unitId", "and exists (select 1 from person_assessment a");
        // T0100 = all(not false) + training(not true) − training(not false)
        PackPlan.Terms t0100 = plan.numerator(0);
        assertThat(t0100.table()).containsExactly(0, 1, 1);
        assertThat(t0100.coefficient()).containsExactly(1.0, 1.0, -1.0);
    }
}

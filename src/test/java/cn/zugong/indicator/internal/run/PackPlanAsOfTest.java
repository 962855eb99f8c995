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
     * has() in the unit scan is a left join of the persons who have such a fact, once per table (issue 15: a
     * correlated exists per row kept the million-row scan serial); the condition itself keeps the exists, which
     * the numerator lists run over person_version alone (and the one-unit re-check).
     */
    @Test
    void hasIsJoinedOnceInTheScanAndStaysAnExistsInTheCondition() {
        PackPlan plan = new PackPlan(PackLoader.load(HAS_PACK, "adhoc.yaml"));
        PackPlan.TableQuery person = plan.queries().get(0);
        assertThat(person.table()).isEqualTo(FactTable.PERSON);
        assertThat(person.sql(false)).doesNotContain("exists")
                .contains("left join (select t.person_id from person_training t where t.valid_from <= :asof",
                        "group by t.person_id) h0 on h0.person_id = p.person_id",
                        "left join (select a.person_id from person_assessment a where",
                        "group by a.person_id) h1 on h1.person_id = p.person_id",
                        "not (h0.person_id is not null)", "not (h1.person_id is not null)");
        // one unit (the re-check) probes its people's facts instead of grouping everybody's
        assertThat(person.sql(true)).doesNotContain("left join").contains("not (exists (select 1 from person_training t");
        assertThat(person.columns()).allSatisfy(c -> assertThat(c.condition()).contains("exists (select 1 from person_"));
    }
}

package cn.zugong.talent.internal.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.talent.Credential;
import cn.zugong.talent.CredentialKind;
import cn.zugong.talent.internal.Classification;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.recognition.RecognitionRules.Evaluation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 常规认定 rules of {@code talent/recognition-rules.yaml} on hand-made talents, at every boundary the rules
 * draw (salary band minimum, full years in the city, age in full years, one credential more or less), with the
 * reason for the next level up in Chinese; the file's checks at load; the 举荐 arithmetic of 2/3.
 */
class RecognitionRulesTest {

    static final Classification CLASSIFICATION = Classification.load();
    static final RecognitionRules RULES = RecognitionRules.load(CLASSIFICATION);
    static final LocalDate ON = LocalDate.of(2026, 12, 4);

    /** A talent of 其他 field with a college diploma, 20 years old, no salary, no credentials: nothing holds. */
    static Talent talent() {
        return new Talent();
    }

    static final class Talent {
        String category = "OTHER";
        String field = "OTHER";
        String education = "COLLEGE";
        BigDecimal salary;
        LocalDate birth = ON.minusYears(20);
        LocalDate arrived;
        final List<Credential> credentials = new ArrayList<>();

        Talent with(CredentialKind kind, String code) {
            credentials.add(new Credential(kind, code, 2024, null));
            return this;
        }

        TalentRecord record() {
            return new TalentRecord(1, 1, "/1/", null, null, "测试", "男", birth, "330902199001010011", null, null,
                    category, field, education, null, null, salary, arrived, null, null, null, null, null, "ACTIVE",
                    List.copyOf(credentials));
        }

        Evaluation evaluate() {
            return RULES.evaluate(record(), ON);
        }
    }

    @Test
    void nothingHoldsAndTheReasonNamesEveryRuleOfLevelE() {
        Evaluation e = talent().evaluate();
        assertThat(e.level()).isNull();
        assertThat(e.nextLevel()).isEqualTo("E");
        assertThat(e.nextMisses()).extracting(m -> m.rule().id()).containsExactly("E-1", "E-2", "E-3", "E-4", "E-5");
        assertThat(e.reason()).startsWith("不符合任何常规认定规则。未认定为E类：")
                .contains("E-1「硕士研究生」未满足：学历应为硕士研究生，该人才为大专")
                .contains("职称应为中级职称、高级技师之一，该人才无职称")
                .contains("E-5「年薪15万元以上、到舟工作满1年的企业经营管理或工程技术人才」未满足：人才类别应为企业经营管理人才、工程技术人员、创业人才，该人才为其他；"
                        + "年薪应不低于15万元（15万–30万元），该人才未登记年薪；到舟工作应满1年，该人才未登记到舟日期");
    }

    @Test
    void aMasterIsEAndDIsMissedWithTheTalentsValues() {
        Talent t = talent();
        t.education = "MASTER";
        Evaluation e = t.evaluate();
        assertThat(e.level()).isEqualTo("E");
        assertThat(e.matched().id()).isEqualTo("E-1");
        assertThat(e.nextLevel()).isEqualTo("D");
        assertThat(e.reason()).startsWith("符合E类规则 E-1「硕士研究生」。未认定为D类：")
                .contains("D-3「博士研究生」未满足：学历应为博士研究生，该人才为硕士研究生")
                .contains("D-4「正高级或副高级职称」未满足：职称应为正高级职称、副高级职称之一，该人才无职称");
    }

    @Test
    void salaryBandBoundaryOfD5() {
        Talent t = talent();
        t.field = "OIL_GAS_TRADE";
        t.arrived = ON.minusYears(3);
        t.salary = new BigDecimal("299999");
        Evaluation below = t.evaluate();
        assertThat(below.level()).isNull(); // E-4 needs a bachelor, E-5 a category: nothing at E either
        t.category = "ENGINEER";
        below = t.evaluate();
        assertThat(below.level()).isEqualTo("E");
        assertThat(below.matched().id()).isEqualTo("E-5");
        assertThat(below.reason()).contains("D-5「年薪30万元以上、到舟工作满3年的自贸重点领域人才」未满足：年薪应不低于30万元（30万–50万元），该人才年薪为29.9999万元");
        t.salary = new BigDecimal("300000");
        Evaluation at = t.evaluate();
        assertThat(at.level()).isEqualTo("D");
        assertThat(at.matched().id()).isEqualTo("D-5");
        assertThat(at.nextLevel()).isEqualTo("C");
    }

    @Test
    void fullYearsInTheCityBoundary() {
        Talent t = talent();
        t.field = "MARITIME_SHIPPING";
        t.salary = new BigDecimal("400000");
        t.arrived = ON.minusYears(3).plusDays(1); // two full years and 364 days
        Evaluation short1 = t.evaluate();
        assertThat(short1.level()).isNull();
        assertThat(short1.reason()).doesNotContain("D-5"); // D is not the next level up of nothing
        t.category = "MANAGER";
        Evaluation e = t.evaluate();
        assertThat(e.level()).isEqualTo("E");
        assertThat(e.reason()).contains("到舟工作应满3年，该人才到舟工作2年（" + t.arrived + "到舟）");
        t.arrived = ON.minusYears(3);
        assertThat(t.evaluate().level()).isEqualTo("D");
    }

    @Test
    void ageBoundaryOfE4() {
        Talent t = talent();
        t.education = "BACHELOR";
        t.field = "BONDED_FUEL";
        t.birth = ON.minusYears(35); // 35 today
        assertThat(t.evaluate().level()).isEqualTo("E");
        assertThat(t.evaluate().matched().id()).isEqualTo("E-4");
        t.birth = ON.minusYears(36);
        Evaluation e = t.evaluate();
        assertThat(e.level()).isNull();
        assertThat(e.reason()).contains("E-4「35周岁以下本科毕业、在自贸重点领域工作的高校毕业生」未满足：年龄应不超过35周岁，该人才为36周岁");
        t.field = "TOURISM";
        assertThat(t.evaluate().reason()).contains("应在自贸重点领域工作，该人才所在领域为海岛旅游（非自贸重点领域）");
    }

    @Test
    void credentialsStepByStepUpToA() {
        Talent t = talent().with(CredentialKind.TITLE, "SENIOR_DEPUTY");
        assertThat(t.evaluate().matched().id()).isEqualTo("D-4");
        t.credentials.clear();
        t.with(CredentialKind.TITLE, "SENIOR_FULL");
        t.field = "PETROCHEM_MATERIALS";
        t.salary = new BigDecimal("499999");
        Evaluation d = t.evaluate();
        assertThat(d.level()).isEqualTo("D");
        assertThat(d.reason()).contains("C-3「正高级职称、年薪50万元以上的自贸重点领域人才」未满足：年薪应不低于50万元（50万–100万元），该人才年薪为49.9999万元")
                .contains("C-1「国家级青年或省级重点人才计划入选者」未满足：人才计划应为国家级青年人才计划、省级重点人才计划之一，该人才无人才计划");
        t.salary = new BigDecimal("500000");
        assertThat(t.evaluate().matched().id()).isEqualTo("C-3");
        t.with(CredentialKind.PROGRAMME, "PROVINCIAL_KEY");
        Evaluation c = t.evaluate();
        assertThat(c.level()).isEqualTo("C");
        assertThat(c.reason()).contains("B-1「国家级重点人才计划入选者」未满足：人才计划应为国家级重点人才计划之一，该人才的人才计划为省级重点人才计划");
        assertThat(c.fastTrack()).isEqualTo("TO_RECOGNITION");
        assertThat(c.directRecognition().id()).isEqualTo("ZR-07");
        t.with(CredentialKind.PROGRAMME, "NATIONAL_KEY");
        Evaluation b = t.evaluate();
        assertThat(b.level()).isEqualTo("B");
        assertThat(b.directRecognition().id()).isEqualTo("ZR-03");
        assertThat(b.reason()).endsWith("未认定为A类：A-1「诺贝尔奖获得者或两院院士」未满足：奖项应为诺贝尔奖、中国科学院院士、中国工程院院士之一，该人才无奖项");
        t.with(CredentialKind.AWARD, "ACADEMICIAN");
        Evaluation a = t.evaluate();
        assertThat(a.level()).isEqualTo("A");
        assertThat(a.nextLevel()).isNull();
        assertThat(a.reason()).isEqualTo("符合A类规则 A-1「诺贝尔奖获得者或两院院士」");
    }

    @Test
    void directFinalListIsFoundWithoutARegularLevel() {
        Talent t = talent();
        t.salary = new BigDecimal("1000000");
        Evaluation e = t.evaluate();
        assertThat(e.level()).isNull();
        assertThat(e.fastTrack()).isEqualTo("TO_FINAL");
        assertThat(e.directFinal().id()).isEqualTo("ZF-05");
        t.salary = new BigDecimal("999999");
        assertThat(t.evaluate().fastTrack()).isNull();
    }

    @Test
    void theFileIsCheckedAtLoadWithTheRuleAndTheReason() throws Exception {
        String good;
        try (var in = getClass().getClassLoader().getResourceAsStream(RecognitionRules.RESOURCE)) {
            good = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThatThrownBy(() -> RecognitionRules.parse(good.replace("award_in: [CITY_SCI_TECH]}]}",
                "award_in: [CITY_PRIZE]}]}"), CLASSIFICATION))
                .hasMessageContaining("规则 E-3：award_in 的代码“CITY_PRIZE”不在人才分类目录中");
        assertThatThrownBy(() -> RecognitionRules.parse(good.replace("{education_in: [DOCTOR]}]}",
                "{degree_in: [DOCTOR]}]}"), CLASSIFICATION))
                .hasMessageContaining("规则 D-3：未知条件“degree_in”");
        assertThatThrownBy(() -> RecognitionRules.parse(good.replace("{id: D-3, level: D,", "{id: D-3, level: F,"),
                CLASSIFICATION)).hasMessageContaining("规则 D-3：等级“F”不在人才分类目录中");
        assertThatThrownBy(() -> RecognitionRules.parse(good.lines()
                .filter(l -> !l.contains("{id: ZF-10,")).collect(java.util.stream.Collectors.joining("\n")), CLASSIFICATION))
                .hasMessageContaining("应各有10类，实际为10类和9类");
        assertThatThrownBy(() -> RecognitionRules.parse(good.replace("salary_band_at_least: S3}, {key_field: true}, {years",
                "salary_band_at_least: S9}, {key_field: true}, {years"), CLASSIFICATION))
                .hasMessageContaining("规则 D-5：薪酬档次“S9”不在人才分类目录中");
    }

    @Test
    void twoThirdsIsExact() {
        RecognitionRules.Fraction f = RULES.agree();
        assertThat(f.reachedBy(2, 3)).isTrue();
        assertThat(f.reachedBy(3, 5)).isFalse();
        assertThat(f.reachedBy(4, 6)).isTrue();
        assertThat(f.of(5)).isEqualTo(4);
        assertThat(f.of(6)).isEqualTo(4);
        assertThat(f.of(3)).isEqualTo(2);
    }
}

package cn.zugong.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.IdNumbers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The projection of a hand-built unit (编制 10) from the demo evaluation's date 2026-11-01, checked against
 * the 2025 retirement law by hand: a man born 1966-03 retired at 60y4m in 2026-07 (gone already); a man
 * born 1967-01 retires at 60y7m on 2027-08-10 (year 1); a woman cadre born 1972-06 at 55y8m on 2028-02-20
 * (year 2); a man born 1995 stays.
 */
@IntegrationTest
class ProjectionIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;

    @Test
    void retirementsVacanciesAndAgeStructureYearByYear() throws Exception {
        if (tree.byCode("330902P01").isEmpty()) {
            orgBuilder.addUnits(List.of(new NewUnit("330902", "330902P01", "定海区预测测试局", 991, "行政机关", "县直", 10,
                    List.of())));
            long unit = tree.byCode("330902P01").orElseThrow().id();
            roster.save(List.of(
                    person(unit, "预测甲", "男", LocalDate.of(1966, 3, 15), 911),
                    person(unit, "预测乙", "男", LocalDate.of(1967, 1, 10), 913),
                    person(unit, "预测丙", "女", LocalDate.of(1972, 6, 20), 914),
                    person(unit, "预测丁", "男", LocalDate.of(1995, 5, 5), 915)));
        }
        long unit = tree.byCode("330902P01").orElseThrow().id();
        String html = mvc.perform(get("/healthcheck/nodes/" + unit + "/projection?years=3").with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("定海区预测测试局", "id=\"authorized\">10<");
        assertThat(row(html, 0)).startsWith("当前|—|3|7|1|0|1|1|");
        assertThat(row(html, 1)).startsWith("第 1 年（2027-11-01）|1|2|8|1|0|1|0|");
        assertThat(row(html, 2)).startsWith("第 2 年（2028-11-01）|1|1|9|1|0|0|0|");
        assertThat(row(html, 3)).startsWith("第 3 年（2029-11-01）|0|1|9|");
        assertThat(html).contains("预测乙", "2027-08", "60 岁 7 个月", "预测丙", "2028-02", "55 岁 8 个月")
                .doesNotContain("预测甲");
        // 35周岁及以下占比 of 1 in 3 is 33.3%: no warning, nobody needed; then 1 in 1
        assertThat(row(html, 0)).contains("33.3%").endsWith("|0 人");

        mvc.perform(get("/healthcheck/nodes/" + unit + "/projection").with(users.page("putuo")))
                .andExpect(status().isNotFound());
    }

    /**
     * 组通字〔2015〕14号 (ADR 052): a woman 县处级副职 born 1968-03-01 retires at 60 on 2028-03-01 (year 2), not at 55
     * in 2023 as a woman cadre would; a woman 四级调研员 without a post born 1967-12-05 at 60 on 2027-12-05 (also
     * year 2, not 2022-12 at 55). Both still serve today.
     */
    @Test
    void womenCountyLevelCadresAreProjectedToRetireAtSixty() throws Exception {
        if (tree.byCode("330902P02").isEmpty()) {
            orgBuilder.addUnits(List.of(new NewUnit("330902", "330902P02", "定海区预测测试二局", 992, "行政机关", "县直", 4,
                    List.of())));
            long unit = tree.byCode("330902P02").orElseThrow().id();
            LocalDate b1 = LocalDate.of(1968, 3, 1);
            LocalDate b2 = LocalDate.of(1967, 12, 5);
            roster.save(List.of(
                    new PersonRow(null, unit, "预测戊", "女", b1, IdNumbers.of("330902", b1, 1832), null, "汉族", "中共党员",
                            "大学本科", "学士", null, null, "法学类", "公务员", "一级调研员", LocalDate.of(2020, 1, 1),
                            "县处级副职", LocalDate.of(2020, 1, 1), LocalDate.of(1990, 7, 1), LocalDate.of(2010, 3, 1),
                            "考录", null, Map.of(), Map.of(), List.of(), List.of()),
                    new PersonRow(null, unit, "预测己", "女", b2, IdNumbers.of("330902", b2, 1834), null, "汉族", "中共党员",
                            "大学本科", "学士", null, null, "法学类", "公务员", "四级调研员", LocalDate.of(2020, 1, 1),
                            null, null, LocalDate.of(1990, 7, 1), LocalDate.of(2010, 3, 1),
                            "考录", null, Map.of(), Map.of(), List.of(), List.of())));
        }
        long unit = tree.byCode("330902P02").orElseThrow().id();
        String html = mvc.perform(get("/healthcheck/nodes/" + unit + "/projection?years=3").with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(row(html, 0)).startsWith("当前|—|2|");
        assertThat(row(html, 1)).startsWith("第 1 年（2027-11-01）|0|2|");
        assertThat(row(html, 2)).startsWith("第 2 年（2028-11-01）|2|0|");
        assertThat(html).contains("预测己", "2027-12", "预测戊", "2028-03", "60 岁<");
    }

    /** The cells of a projection row, joined by |. */
    private static String row(String html, int year) {
        Matcher m = Pattern.compile("data-year=\"" + year + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return Pattern.compile("<td[^>]*>").splitAsStream(m.group(1))
                .map(c -> c.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip()).filter(c -> !c.isEmpty())
                .reduce((a, b) -> a + "|" + b).orElse("");
    }

    private static PersonRow person(long unit, String name, String gender, LocalDate birth, int seq) {
        String id = IdNumbers.of("330902", birth, gender.equals("男") ? seq * 2 + 1 : seq * 2);
        return new PersonRow(null, unit, name, gender, birth, id, null, "汉族", "中共党员", "大学本科", "学士", null, null,
                "法学类", "公务员", "一级主任科员", LocalDate.of(2020, 1, 1), null, null, LocalDate.of(1990, 7, 1),
                LocalDate.of(2010, 3, 1), "考录", null, Map.of(), Map.of(), List.of(), List.of());
    }
}

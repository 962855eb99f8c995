package cn.zugong.talent.internal.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.IdNumbers;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.TalentCodes;
import cn.zugong.talent.TalentRegistry;
import cn.zugong.talent.internal.TalentStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 数据看板 and 一张屏 in the demo world: a small fixture of its own (talents in 定海 and 普陀, verifications) checked
 * as hand-made differences of the figures before and after; every figure of 定海 and of the city against an
 * independent count in SQL written here; 定海 sees only its own district and none of the city's unattributed
 * verifications; the Excel opened with POI; a TALENT and a 举荐委员 are refused.
 */
@IntegrationTest
class TalentFiguresIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TalentRegistry registry;
    @Autowired TalentStore store;
    @Autowired TalentCodes codes;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired Clock clock;

    private JsonNode figures(String user) throws Exception {
        var r = mvc.perform(get("/api/talent/figures").with(TestUsers.api(user))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private long talent(OrgNode node, int n, String field, String level) {
        LocalDate birth = LocalDate.of(1988, 5, n);
        long id = registry.register(new NewTalent(node.id(), null, "看板测试" + n, "男", birth,
                IdNumbers.of(node.code(), birth, 810 + n), null, null, "ENGINEER", field, "MASTER", null, null,
                new BigDecimal("200000"), LocalDate.of(2025, 3, 1), List.of()), "figures-it");
        if (level != null) {
            store.setLevel(id, level, "REGULAR", LocalDate.of(2026, 6, 1), null);
        }
        return id;
    }

    /** Whether every node lies under the scope (path pattern) or above it: the 口径 of 未归属 verifications. */
    private boolean wholeTree(String pathPattern) {
        String path = pathPattern.substring(0, pathPattern.length() - 1);
        return jdbc.sql("select count(*) from org_node o where o.path not like :p and :path not like concat(o.path, '%')")
                .param("p", pathPattern).param("path", path).query(Long.class).single() == 0;
    }

    private static long cell(JsonNode f, String field, int level) {
        for (JsonNode row : f.at("/talents/byField")) {
            if (row.get("code").asText().equals(field)) {
                return row.get("byLevel").get(level).asLong();
            }
        }
        return 0;
    }

    @Test
    void aSmallFixtureMovesTheFiguresByHand() throws Exception {
        OrgNode dinghai = tree.byCode("330902").orElseThrow();
        OrgNode putuo = tree.byCode("330903").orElseThrow();
        JsonNode d0 = figures("dinghai");
        JsonNode c0 = figures("admin");
        // 定海: one A in 油气贸易交易 (key field), one without a level in 现代渔业; 普陀: one C in 油气贸易交易
        talent(dinghai, 1, "OIL_GAS_TRADE", "A");
        talent(dinghai, 2, "FISHERY", null);
        talent(putuo, 3, "OIL_GAS_TRADE", "C");
        // a verification of a text that is no code (no talent: the city's only), and of a valid code in 定海
        assertThat(codes.verify("not a code")).isNotEqualTo("有效");
        Long dinghaiCoded = codes.talentsWithValidCode(3000).stream()
                .filter(id -> store.find(id).orElseThrow().nodeId() == dinghai.id()).findFirst().orElseThrow();
        assertThat(codes.verify(codes.validCode(dinghaiCoded))).isEqualTo("有效");
        JsonNode d1 = figures("dinghai");
        JsonNode c1 = figures("admin");

        assertThat(d1.at("/talents/total").asLong() - d0.at("/talents/total").asLong()).isEqualTo(2);
        assertThat(d1.at("/talents/recognised").asLong() - d0.at("/talents/recognised").asLong()).isEqualTo(1);
        assertThat(d1.at("/talents/keyFieldTotal").asLong() - d0.at("/talents/keyFieldTotal").asLong()).isEqualTo(1);
        assertThat(cell(d1, "OIL_GAS_TRADE", 0) - cell(d0, "OIL_GAS_TRADE", 0)).isEqualTo(1); // A
        assertThat(cell(d1, "OIL_GAS_TRADE", 2) - cell(d0, "OIL_GAS_TRADE", 2)).isZero(); // 普陀's C not in 定海
        assertThat(cell(d1, "FISHERY", 5) - cell(d0, "FISHERY", 5)).isEqualTo(1); // 未认定
        assertThat(c1.at("/talents/total").asLong() - c0.at("/talents/total").asLong()).isEqualTo(3);
        assertThat(cell(c1, "OIL_GAS_TRADE", 2) - cell(c0, "OIL_GAS_TRADE", 2)).isEqualTo(1);
        assertThat(c1.at("/talents/keyFieldTotal").asLong() - c0.at("/talents/keyFieldTotal").asLong()).isEqualTo(2);

        // verifications: 定海 +1 (valid, of its own talent), the city +2, one of them unattributed — when the city
        // holds the whole tree (other tests may add a city beside it: the unattributed then belong to none)
        int unattributed = wholeTree(tree.byCode("3309").orElseThrow().path() + "%") ? 1 : 0;
        assertThat(d1.at("/codes/verifications").asLong() - d0.at("/codes/verifications").asLong()).isEqualTo(1);
        assertThat(d1.at("/codes/unattributed").asLong()).isZero();
        assertThat(c1.at("/codes/verifications").asLong() - c0.at("/codes/verifications").asLong())
                .as(c0.get("codes").toString() + "\n" + c1.get("codes").toString()).isEqualTo(1 + unattributed);
        assertThat(c1.at("/codes/unattributed").asLong() - c0.at("/codes/unattributed").asLong())
                .isEqualTo(unattributed);
        JsonNode today = last(d1.at("/codes/perDay"));
        assertThat(today.get("day").asText()).isEqualTo(LocalDate.now(clock).toString());
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    @Test
    void everyFigureAgreesWithAnIndependentCountAndTheScope() throws Exception {
        for (String user : List.of("dinghai", "admin")) {
            JsonNode f = figures(user);
            String path = jdbc.sql("select n.path from account a join org_node n on n.id = a.scope_node_id where a.username = :u")
                    .param("u", user).query(String.class).single() + "%";
            int year = LocalDate.now(clock).getYear();
            assertThat(f.get("year").asInt()).isEqualTo(year);
            assertThat(f.at("/talents/total").asLong()).isEqualTo(count("""
                    select count(*) from talent where status = 'ACTIVE'
                       and node_id in (select id from org_node where path like :p)""", path));
            assertThat(f.at("/talents/recognised").asLong()).isEqualTo(count("""
                    select count(*) from talent where status = 'ACTIVE' and level is not null
                       and node_id in (select id from org_node where path like :p)""", path));
            long districts = 0;
            for (JsonNode d : f.at("/talents/byDistrict")) {
                districts += d.get("talents").asLong();
            }
            assertThat(districts).isEqualTo(f.at("/talents/total").asLong());
            // recognitions of the year per route
            for (JsonNode route : f.at("/recognitions/byRoute")) {
                assertThat(route.get("total").asLong()).as(user + " " + route.get("code")).isEqualTo(jdbc.sql("""
                        select count(*) from talent_recognition_case c
                         where c.route = :r and c.node_id in (select id from org_node where path like :p)
                           and ((c.decided_on is not null and extract(year from c.decided_on) = :y)
                             or (c.decided_on is null and extract(year from c.created_at) = :y))""")
                        .param("r", route.get("code").asText()).param("p", path).param("y", year)
                        .query(Long.class).single());
            }
            // 码上办 of the year
            var apps = jdbc.sql("""
                    select count(*) n, coalesce(sum(a.needed), 0) needed, coalesce(sum(a.reused), 0) reused
                      from talent_service_application a join closure_item i on i.id = a.item_id
                     where i.owner_node_id in (select id from org_node where path like :p)
                       and extract(year from a.submitted_at) = :y""").param("p", path).param("y", year)
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
            assertThat(f.at("/services/total/applications").asLong()).isEqualTo(apps[0]);
            assertThat(f.at("/services/total/needed").asLong()).isEqualTo(apps[1]);
            assertThat(f.at("/services/total/reused").asLong()).isEqualTo(apps[2]);
            assertThat(f.get("reduction").decimalValue()).isEqualByComparingTo(apps[1] == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(apps[2] * 100).divide(BigDecimal.valueOf(apps[1]), 1,
                    java.math.RoundingMode.HALF_UP));
            // 码上秒享 paid and pending
            for (String status : List.of("PAID", "PENDING")) {
                BigDecimal sum = jdbc.sql("""
                        select coalesce(sum(l.amount), 0) from talent_grant_line l
                         where l.run_id in (select id from talent_grant_run where status = :s and period / 100 = :y)
                           and l.talent_id in (select t.id from talent t join org_node n on n.id = t.node_id
                                                where n.path like :p)""")
                        .param("s", status).param("y", year).param("p", path).query(BigDecimal.class).single();
                assertThat(f.at("/grants/" + status.toLowerCase()).decimalValue()).as(user + " " + status)
                        .isEqualByComparingTo(sum);
            }
            // 人才码
            assertThat(f.at("/codes/valid").asLong()).isEqualTo(count("""
                    select count(*) from talent_code where status = 'VALID' and valid_until >= date '%s'
                       and talent_id in (select t.id from talent t join org_node n on n.id = t.node_id
                                          where n.path like :p)""".formatted(LocalDate.now(clock)), path));
            long checks = count("""
                    select count(*) from talent_code_check k where extract(year from k.checked_on) = %d
                       and k.code_id in (select c.id from talent_code c join talent t on t.id = c.talent_id
                                          join org_node n on n.id = t.node_id where n.path like :p)""".formatted(year),
                    path);
            long lost = count("""
                    select count(*) from talent_code_check k where extract(year from k.checked_on) = %d
                       and (k.code_id is null or k.code_id not in (select id from talent_code))
                       and :p like '%%'""".formatted(year), path);
            if (user.equals("dinghai") || !wholeTree(path)) {
                lost = 0; // texts that name no code belong to no district: only a scope holding the whole tree
            }
            assertThat(f.at("/codes/verifications").asLong()).as(user).isEqualTo(checks + lost);
            assertThat(f.at("/codes/unattributed").asLong()).isEqualTo(lost);
        }
        // scope: 定海 sees only its own district; the city all of them and the unattributed verifications
        JsonNode d = figures("dinghai");
        // (the district's own node first; nodes under it that hold talents — other tests' townships — after it)
        assertThat(d.at("/talents/byDistrict/0/name").asText()).isEqualTo("定海区");
        long underDinghai = jdbc.sql("""
                select count(distinct t.node_id) from talent t join org_node n on n.id = t.node_id
                 where t.status = 'ACTIVE' and n.path like :p""")
                .param("p", tree.byCode("330902").orElseThrow().path() + "%").query(Long.class).single();
        assertThat(d.at("/talents/byDistrict")).hasSize((int) underDinghai);
        assertThat(d.get("scopeName").asText()).contains("定海");
        JsonNode c = figures("admin");
        assertThat(c.at("/talents/byDistrict").size()).isGreaterThan(1);
        assertThat(c.at("/talents/total").asLong()).isGreaterThan(d.at("/talents/total").asLong());
        String page = mvc.perform(get("/talent/figures").with(users.page("dinghai"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("数据看板", "定海区", "★", "id=\"support-figures\"").doesNotContain("普陀区")
                .doesNotContain("无法对应到人才");
        save("figures-dinghai.html", page);
        String cityPage = mvc.perform(get("/talent/figures").with(users.page("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(cityPage).contains("定海区", "普陀区");
        save("figures-city.html", cityPage);
        String screen = mvc.perform(get("/talent/screen").with(users.page("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(screen).contains("人才工作一张屏", "id=\"chart-fields\"", "/js/talent-screen.js", "echarts.min.js",
                "kpi-reduction");
        save("screen-city.html", screen);
        String data = mvc.perform(get("/talent/screen/data").with(users.page("dinghai"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(data).at("/talents/total").asLong()).isEqualTo(d.at("/talents/total").asLong());
        save("screen-data-city.json", mvc.perform(get("/talent/screen/data").with(users.page("admin"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        String home = mvc.perform(get("/talent").with(users.page("dinghai"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("href=\"/talent/figures\"", "href=\"/talent/screen\"");
    }

    @Test
    void theExcelHasASheetPerFigureWithTheNumbers() throws Exception {
        JsonNode f = figures("dinghai");
        var r = mvc.perform(get("/talent/figures.xlsx").with(users.page("dinghai"))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).contains("spreadsheetml");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            List<String> names = new ArrayList<>();
            book.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly(FiguresExcel.SHEETS);
            Sheet fields = book.getSheet("人才层次领域");
            Row total = fields.getRow(fields.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("合计");
            assertThat((long) total.getCell(total.getLastCellNum() - 1).getNumericCellValue())
                    .isEqualTo(f.at("/talents/total").asLong());
            Sheet districts = book.getSheet("人才区域分布");
            assertThat(districts.getRow(3).getCell(0).getStringCellValue()).isEqualTo("定海区");
            long inDistricts = 0; // the district's own node and any node under it that holds talents
            for (int i = 3; i <= districts.getLastRowNum(); i++) {
                if (!"合计".equals(districts.getRow(i).getCell(0).getStringCellValue())) {
                    inDistricts += (long) districts.getRow(i).getCell(1).getNumericCellValue();
                }
            }
            assertThat(inDistricts).isEqualTo(f.at("/talents/total").asLong());
            Sheet routes = book.getSheet("人才认定");
            long cases = 0;
            for (int i = 3; i <= routes.getLastRowNum(); i++) {
                cases += (long) routes.getRow(i).getCell(1 + f.at("/recognitions/statuses").size()).getNumericCellValue();
            }
            assertThat(cases).isEqualTo(f.at("/recognitions/total").asLong());
            Sheet services = book.getSheet("码上办");
            Row st = services.getRow(services.getLastRowNum());
            assertThat(st.getCell(1).getStringCellValue()).isEqualTo("合计");
            assertThat((long) st.getCell(3).getNumericCellValue()).isEqualTo(f.at("/services/total/applications").asLong());
            assertThat((long) st.getCell(5).getNumericCellValue()).isEqualTo(f.at("/services/total/reused").asLong());
            Sheet grants = book.getSheet("码上秒享");
            Row gt = grants.getRow(grants.getLastRowNum());
            assertThat(BigDecimal.valueOf(gt.getCell(5).getNumericCellValue()))
                    .isEqualByComparingTo(f.at("/grants/paid").decimalValue());
            Sheet code = book.getSheet("人才码");
            assertThat((long) code.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(f.at("/codes/valid").asLong());
            Sheet perDay = book.getSheet("人才码核验");
            Row vt = perDay.getRow(perDay.getLastRowNum());
            assertThat((long) vt.getCell(vt.getLastCellNum() - 1).getNumericCellValue())
                    .isEqualTo(f.at("/codes/verifications").asLong());
            assertThat(perDay.getLastRowNum() - 3).isEqualTo(f.at("/codes/perDay").size());
        }
    }

    @Test
    void aTalentAndARefereeAreRefused() throws Exception {
        for (String user : List.of("talent", "referee")) {
            for (String url : List.of("/talent/figures", "/talent/figures.xlsx", "/talent/screen", "/talent/screen/data")) {
                mvc.perform(get(url).with(users.page(user)))
                        .andExpect(r -> assertThat(r.getResponse().getStatus()).as(user + " " + url).isIn(403, 404));
            }
            mvc.perform(get("/api/talent/figures").with(TestUsers.api(user)))
                    .andExpect(r -> assertThat(r.getResponse().getStatus()).as(user).isIn(403, 404));
        }
        mvc.perform(get("/api/talent/figures").param("year", "1999").with(TestUsers.api("dinghai")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(400));
    }

    private long count(String sql, String path) {
        return jdbc.sql(sql).param("p", path).query(Long.class).single();
    }

    private static void save(String name, String text) throws Exception {
        Path dir = Path.of("target", "talent-figures-pages");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
    }
}

package cn.zugong.cadre.frontline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.people.RosterWriter;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 一线考察 over HTTP and the database (ADR 075): the campaign's workflow with each illegal step refused in Chinese and
 * absent from the database (a team member outside the scope, a cadre twice, a record without a rating or outside the
 * period or after the campaign closed, an outcome for a cadre not assessed or on another cadre's record), photos
 * checked by content, the Word report parsed back, scope (普陀's ADMIN gets 404 and nothing changes) and roles.
 */
@IntegrationTest
class FrontlineIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;

    FrontlineFixture fx;
    long dinghai;
    long dinghaiUnit;
    long putuoUnit;

    @BeforeEach
    void setUp() {
        fx = new FrontlineFixture(jdbc, roster);
        dinghai = fx.nodeId("330902");
        dinghaiUnit = fx.unit("330902");
        putuoUnit = fx.unit("330903");
    }

    private ResultActions postJson(String who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(TestUsers.api(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long campaign(String who, String name) throws Exception {
        String body = postJson(who, "/api/cadres/frontline/campaigns", """
                {"nodeId": %d, "name": "%s", "kind": "TYPHOON", "startsOn": "2026-11-01", "endsOn": "2026-12-31",
                 "dimensions": "担当作为、应急处置、群众评价"}""".formatted(dinghai, name))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    private String record(long cadreRow, String method, String on, String ratings) {
        return """
                {"cadreId": %d, "method": "%s", "recordedOn": "%s", "place": "定海港", "seen": "连夜转移群众",
                 "talkedTo": "村民张某", "summary": "靠前指挥", "ratings": %s}""".formatted(cadreRow, method, on, ratings);
    }

    static final String RATINGS = "{\"担当作为\": \"5\", \"应急处置\": \"4\", \"群众评价\": \"5\"}";

    @Test
    void aCampaignRunsFromTeamsToOutcomesAndEveryIllegalStepIsRefused() throws Exception {
        long id = campaign("dinghai", "防台一线考察" + FrontlineFixture.RUN);
        List<Long> members = fx.people(dinghaiUnit, "考核组员", 2);
        List<Long> cadres = fx.people(dinghaiUnit, "一线干部", 3);
        long putuoPerson = fx.person(putuoUnit, "普陀干部");

        // a team member out of the scope: 普陀's unit is absent for 定海 (404); a 普陀 person named under a 定海 unit 400
        postJson("dinghai", "/api/cadres/frontline/campaigns/" + id + "/teams",
                "{\"name\": \"第一组\", \"unitId\": %d, \"personIds\": [%d]}".formatted(putuoUnit, putuoPerson))
                .andExpect(status().isNotFound());
        postJson("dinghai", "/api/cadres/frontline/campaigns/" + id + "/teams",
                "{\"name\": \"第一组\", \"unitId\": %d, \"personIds\": [%d, %d]}".formatted(dinghaiUnit, members.get(0),
                        putuoPerson))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", Matchers.containsString("不在所选单位或不在您的管理范围内")))
                .andExpect(jsonPath("$.error", Matchers.containsString(String.valueOf(putuoPerson))));
        assertThat(fx.count("select count(*) from frontline_team where campaign_id = ?", id)).isZero();

        String teamBody = postJson("dinghai", "/api/cadres/frontline/campaigns/" + id + "/teams",
                "{\"name\": \"第一专项考核组\", \"unitId\": %d, \"personIds\": %s}".formatted(dinghaiUnit, ids(members)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long team = ((Number) JsonPath.read(teamBody, "$.id")).longValue();
        assertThat(fx.count("select count(*) from frontline_team_member where team_id = ? and role = 'LEADER' "
                + "and person_id = ?", team, members.get(0))).isEqualTo(1);

        postJson("dinghai", "/api/cadres/frontline/campaigns/" + id + "/cadres",
                "{\"teamId\": %d, \"unitId\": %d, \"personIds\": %s}".formatted(team, dinghaiUnit, ids(cadres)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(3));
        postJson("dinghai", "/api/cadres/frontline/campaigns/" + id + "/cadres",
                "{\"teamId\": %d, \"unitId\": %d, \"personIds\": [%d]}".formatted(team, dinghaiUnit, cadres.get(0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", Matchers.containsString("已是本次考察的对象")));
        assertThat(fx.count("select count(*) from frontline_cadre where campaign_id = ?", id)).isEqualTo(3);

        long row0 = fx.count("select id from frontline_cadre where campaign_id = ? and person_id = ?", id, cadres.get(0));
        long row1 = fx.count("select id from frontline_cadre where campaign_id = ? and person_id = ?", id, cadres.get(1));
        String path = "/api/cadres/frontline/campaigns/" + id + "/records";
        postJson("dinghai", path, record(row0, "SEE", "2026-11-20", "{\"担当作为\": \"5\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", Matchers.containsString("请为以下维度评分：应急处置、群众评价")));
        postJson("dinghai", path, record(row0, "SEE", "2026-11-20", "{\"担当作为\": \"5\", \"应急处置\": \"4\", "
                + "\"群众评价\": \"5\", \"颜值\": \"5\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", Matchers.containsString("颜值")));
        postJson("dinghai", path, record(row0, "SEE", "2026-10-20", RATINGS))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", Matchers.containsString("考察期间")));
        postJson("dinghai", path, record(row0, "SEE", "2026-12-05", RATINGS))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", Matchers.containsString("不能晚于今天")));
        postJson("dinghai", path, """
                {"cadreId": %d, "method": "VISIT", "recordedOn": "2026-11-21", "summary": "好", "ratings": %s}"""
                .formatted(row0, RATINGS))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", Matchers.containsString("走访对象")));
        assertThat(fx.count("select count(*) from frontline_record where campaign_id = ?", id)).isZero();

        long rec0 = ((Number) JsonPath.read(postJson("dinghai", path, record(row0, "SEE", "2026-11-20", RATINGS))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        long rec1 = ((Number) JsonPath.read(postJson("dinghai", path, record(row1, "VISIT", "2026-11-22", RATINGS))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        assertThat(fx.count("select sum(score) from frontline_rating where record_id = ?", rec0)).isEqualTo(14);

        // outcomes: a cadre not assessed, no evidence, another cadre's record — refused, nothing written
        String outcomes = "/api/cadres/frontline/campaigns/" + id + "/outcomes";
        postJson("dinghai", outcomes, "{\"personId\": %d, \"outcome\": \"ADVANCED\", \"note\": \"抢险\", \"evidence\": [%d]}"
                .formatted(members.get(1), rec0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", Matchers.containsString("不是本次考察")));
        postJson("dinghai", outcomes, "{\"personId\": %d, \"outcome\": \"ADVANCED\", \"note\": \"抢险\"}"
                .formatted(cadres.get(0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", Matchers.containsString("至少一条现场记录")));
        postJson("dinghai", outcomes, "{\"personId\": %d, \"outcome\": \"ADVANCED\", \"note\": \"抢险\", \"evidence\": [%d]}"
                .formatted(cadres.get(0), rec1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", Matchers.containsString("不是对")));
        assertThat(fx.count("select count(*) from frontline_cadre where campaign_id = ? and outcome is not null", id))
                .isZero();
        assertThat(fx.count("select count(*) from frontline_evidence e join frontline_cadre x on x.id = e.cadre_id "
                + "where x.campaign_id = ?", id)).isZero();

        postJson("dinghai", outcomes, ("{\"personId\": %d, \"outcome\": \"ADVANCED\", \"note\": \"连夜转移群众 300 人\", "
                + "\"evidence\": [%d]}").formatted(cadres.get(0), rec0)).andExpect(status().isOk());
        postJson("dinghai", outcomes, ("{\"personId\": %d, \"outcome\": \"CASE\", \"note\": \"破解转移难题\", "
                + "\"evidence\": [%d]}").formatted(cadres.get(1), rec1)).andExpect(status().isOk());
        postJson("dinghai", outcomes, "{\"personId\": %d, \"outcome\": \"ORDINARY\"}".formatted(cadres.get(2)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select outcome from frontline_cadre where id = :r").param("r", row0).query(String.class)
                .single()).isEqualTo("ADVANCED");
        assertThat(fx.count("select record_id from frontline_evidence where cadre_id = ?", row0)).isEqualTo(rec0);

        // the lists page: one list at a time, paged (the campaign's start day as the period keeps other fixtures out)
        String lists = "/cadres/frontline/lists?from=2026-11-01&to=2026-11-01";
        mvc.perform(get(lists).with(users.page("dinghai"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("连夜转移群众 300 人")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("破解转移难题"))))
                .andExpect(content().string(Matchers.containsString("先进人物名单（")));
        mvc.perform(get(lists + "&list=cases").with(users.page("dinghai"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("破解转移难题")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("连夜转移群众 300 人"))));
        mvc.perform(get(lists + "&list=cases&size=1&page=999").with(users.page("dinghai"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("暂无")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("破解转移难题"))));
        mvc.perform(get(lists).with(users.page("putuo"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("连夜转移群众 300 人"))));

        // closed: no more records, no more teams, no second close
        postJson("dinghai", "/api/cadres/frontline/campaigns/" + id + "/close", "{}").andExpect(status().isOk());
        postJson("dinghai", path, record(row0, "ASSESS", "2026-11-30", RATINGS))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", Matchers.containsString("已结束")))
                .andExpect(jsonPath("$.error", Matchers.containsString("不能再添加现场记录")));
        postJson("dinghai", "/api/cadres/frontline/campaigns/" + id + "/teams",
                "{\"name\": \"第二组\", \"unitId\": %d, \"personIds\": [%d]}".formatted(dinghaiUnit, members.get(1)))
                .andExpect(status().isConflict());
        postJson("dinghai", "/api/cadres/frontline/campaigns/" + id + "/close", "{}").andExpect(status().isConflict());
        assertThat(fx.count("select count(*) from frontline_record where campaign_id = ?", id)).isEqualTo(2);
        assertThat(fx.count("select count(*) from frontline_team where campaign_id = ?", id)).isEqualTo(1);
        assertThat(jdbc.sql("select status from frontline_campaign where id = :i").param("i", id).query(String.class)
                .single()).isEqualTo("CLOSED");

        // the public figures for the appointments part
        mvc.perform(get("/api/cadres/frontline/campaigns/" + id).with(TestUsers.api("leader")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.cadres.length()").value(3));

        // the Word report parsed back
        byte[] docx = mvc.perform(get("/cadres/frontline/" + id + "/report.docx").with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "frontline-report.docx"), docx); // for a look in LibreOffice
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            String tables = doc.getTables().stream().map(t -> t.getText()).collect(Collectors.joining("\n"));
            assertThat(text).contains("防台一线考察" + FrontlineFixture.RUN + " 一线考察报告")
                    .contains("组建专项考核组 1 个，考察单位 1 个、干部 3 名，形成现场记录 2 条（现场看 1 条、一线访 1 条、综合评 0 条）")
                    .contains("五、先进人物名单").contains("六、担当破难典型案例").contains("连夜转移群众 300 人")
                    .contains("依据：2026-11-20 现场看 @定海港").contains("破解转移难题");
            String advanced = text.substring(text.indexOf("五、先进人物名单"), text.indexOf("六、担当破难典型案例"));
            assertThat(advanced).contains("一线干部" + FrontlineFixture.RUN).doesNotContain("破解转移难题");
            assertThat(tables).contains("第一专项考核组").contains("考核组员" + FrontlineFixture.RUN).contains("现场看\t1")
                    .contains("先进\t1").contains("典型案例\t1").contains("一般\t1").contains("问题\t0");
        }
    }

    @Test
    void photosAreCheckedByContentAndStoredWithTheRecord() throws Exception {
        long id = campaign("dinghai", "疫情一线考察" + FrontlineFixture.RUN);
        List<Long> members = fx.people(dinghaiUnit, "组员", 1);
        List<Long> cadres = fx.people(dinghaiUnit, "对象", 1);
        postJson("dinghai", "/api/cadres/frontline/campaigns/" + id + "/teams",
                "{\"name\": \"组一\", \"unitId\": %d, \"personIds\": %s}".formatted(dinghaiUnit, ids(members)));
        long team = fx.count("select id from frontline_team where campaign_id = ?", id);
        postJson("dinghai", "/api/cadres/frontline/campaigns/" + id + "/cadres",
                "{\"teamId\": %d, \"unitId\": %d, \"personIds\": %s}".formatted(team, dinghaiUnit, ids(cadres)))
                .andExpect(status().isOk());
        long row = fx.count("select id from frontline_cadre where campaign_id = ?", id);
        var fake = new MockMultipartFile("photos", "scene.png", "image/png", "not an image".getBytes());
        String html = mvc.perform(multipart("/cadres/frontline/" + id + "/records").file(fake)
                        .param("cadreId", String.valueOf(row)).param("method", "SEE").param("recordedOn", "2026-11-20")
                        .param("seen", "卡口值守").param("summary", "到岗到位").param("rating.担当作为", "5")
                        .param("rating.应急处置", "4").param("rating.群众评价", "4")
                        .with(users.page("dinghai")).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("与扩展名 .png 不符").contains("卡口值守");
        assertThat(fx.count("select count(*) from frontline_record where campaign_id = ?", id)).isZero();

        var png = new MockMultipartFile("photos", "scene.png", "image/png", PNG);
        mvc.perform(multipart("/cadres/frontline/" + id + "/records").file(png)
                        .param("cadreId", String.valueOf(row)).param("method", "SEE").param("recordedOn", "2026-11-20")
                        .param("seen", "卡口值守").param("summary", "到岗到位").param("rating.担当作为", "5")
                        .param("rating.应急处置", "4").param("rating.群众评价", "4")
                        .with(users.page("dinghai")).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        long record = fx.count("select id from frontline_record where campaign_id = ?", id);
        long photo = fx.count("select id from frontline_photo where record_id = ?", record);
        mvc.perform(get("/cadres/frontline/records/" + record + "/photos/" + photo).with(users.page("leader")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("image/png"));
        mvc.perform(get("/cadres/frontline/records/" + record + "/photos/" + photo).with(users.page("putuo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anotherDistrictGets404AndReadersOnlyRead() throws Exception {
        long id = campaign("dinghai", "重大项目考察" + FrontlineFixture.RUN);
        long before = fx.count("select count(*) from frontline_team");
        mvc.perform(get("/api/cadres/frontline/campaigns/" + id).with(TestUsers.api("putuo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cadres/frontline/" + id).with(users.page("putuo"))).andExpect(status().isNotFound());
        postJson("putuo", "/api/cadres/frontline/campaigns/" + id + "/teams",
                "{\"name\": \"越权组\", \"unitId\": %d, \"personIds\": [1]}".formatted(putuoUnit))
                .andExpect(status().isNotFound());
        postJson("putuo", "/api/cadres/frontline/campaigns/" + id + "/close", "{}").andExpect(status().isNotFound());
        postJson("putuo", "/api/cadres/frontline/campaigns", """
                {"nodeId": %d, "name": "越权考察", "kind": "OTHER", "startsOn": "2026-11-01"}""".formatted(dinghai))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select status from frontline_campaign where id = :i").param("i", id).query(String.class)
                .single()).isEqualTo("OPEN");
        assertThat(fx.count("select count(*) from frontline_team")).isEqualTo(before);
        assertThat(fx.count("select count(*) from frontline_campaign where name = '越权考察'")).isZero();

        // the reporter's scope is one unit of 定海: the district's campaign lies outside it (404), its figures are its own
        mvc.perform(get("/api/cadres/frontline/campaigns/" + id).with(TestUsers.api("reporter")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cadres/frontline/figures").with(users.page("reporter"))).andExpect(status().isOk());
        for (String reader : List.of("leader", "jiandu", "admin", "reviewer")) {
            mvc.perform(get("/api/cadres/frontline/campaigns/" + id).with(TestUsers.api(reader)))
                    .andExpect(status().isOk());
            mvc.perform(get("/cadres/frontline/figures").with(users.page(reader))).andExpect(status().isOk());
        }
        for (String reader : List.of("leader", "jiandu")) {
            postJson(reader, "/api/cadres/frontline/campaigns/" + id + "/close", "{}").andExpect(status().isForbidden());
        }
        for (String outsider : List.of("cadre", "talent", "dangyuan")) {
            mvc.perform(get("/api/cadres/frontline/campaigns/" + id).with(TestUsers.api(outsider)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/cadres/frontline").with(users.page(outsider))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select status from frontline_campaign where id = :i").param("i", id).query(String.class)
                .single()).isEqualTo("OPEN");
    }
}

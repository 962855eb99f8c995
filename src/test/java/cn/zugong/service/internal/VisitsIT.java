package cn.zugong.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.service.CadreVisitCount;
import cn.zugong.service.NodeVisitCount;
import cn.zugong.service.ServiceCadres;
import cn.zugong.service.VisitStatistics;
import cn.zugong.service.Visits;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * 走访记录: a cadre logs a visit with a photo (stored with its SHA-256, served as an image), a future date and a
 * disguised file are refused, a cadre cannot log for another cadre's charge nor see another's visits, another
 * district gets 404, and the figures match counts made by hand, on the page and in the Excel export.
 */
@IntegrationTest
class VisitsIT {

    /** The 8-byte PNG signature and a few bytes: enough for the magic-byte check. */
    static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceCadres cadres;
    @Autowired Visits visits;
    @Autowired VisitStatistics statistics;
    @Autowired TestClock clock;

    ServiceTestData data() {
        return new ServiceTestData(mvc, users, jdbc);
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    MockMultipartHttpServletRequestBuilder visit(String kind, long charge, LocalDate date, String whom) {
        var builder = multipart("/service/visits");
        builder.param("kind", kind).param("chargeId", String.valueOf(charge)).param("date", date.toString())
                .param("place", "企业会议室").param("whom", whom).param("notes", "了解生产经营情况");
        return builder;
    }

    long ownEnterpriseCharge() {
        long cadre = cadres.byUsername("cadre").orElseThrow().id();
        return jdbc.sql("""
                select min(id) from service_charge where cadre_id = :c and target_kind = 'ENTERPRISE' and valid_to is null
                """).param("c", cadre).query(Long.class).single();
    }

    @Test
    void aCadreLogsAVisitWithAPhotoAndItsProblemLinksToATicket() throws Exception {
        long charge = ownEnterpriseCharge();
        String whom = ServiceTestData.unique("张总经理");
        MvcResult saved = mvc.perform(visit("ENTERPRISE", charge, LocalDate.now(clock).minusDays(1), whom)
                .file(new MockMultipartFile("photos", "现场.png", "image/png", PNG)).param("problem", "true")
                .with(users.page("cadre")).with(csrf())).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        long id = Long.parseLong(saved.getResponse().getRedirectedUrl().replace("/service/visits/", ""));
        String page = body(mvc.perform(get("/service/visits/" + id).with(users.page("cadre"))).andReturn());
        assertThat(page).contains(whom, "走访企业", "由此次走访登记问题", "/tickets/new?visitId=" + id, "现场.png");
        long photo = jdbc.sql("select id from service_visit_photo where visit_id = :v").param("v", id)
                .query(Long.class).single();
        assertThat(jdbc.sql("select sha256 from service_visit_photo where id = :id").param("id", photo)
                .query(String.class).single()).isEqualTo(cn.zugong.shared.UploadedFiles.sha256(PNG));
        MvcResult image = mvc.perform(get("/service/visits/" + id + "/photos/" + photo).with(users.page("cadre")))
                .andReturn();
        assertThat(image.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(image.getResponse().getContentAsByteArray()).isEqualTo(PNG);
        assertThat(image.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        // the tickets module's view of it
        var user = new CurrentUser(0, "cadre", "定海区暖企专员", Role.CADRE, scope("330902"), "定海区");
        var summary = visits.get(id, user);
        assertThat(summary.whom()).isEqualTo(whom);
        assertThat(summary.cadreUsername()).isEqualTo("cadre");
        assertThat(summary.kind().label()).isEqualTo("走访企业");
        var putuo = new CurrentUser(0, "putuo", "普陀", Role.ADMIN, scope("330903"), "普陀区");
        assertThatThrownBy(() -> visits.get(id, putuo)).isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(get("/service/visits/" + id).with(users.page("putuo"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/service/visits/" + id + "/photos/" + photo).with(users.page("putuo"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/service/visits/" + id).with(users.page("dinghai"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        // the same through the API
        assertThat(body(mvc.perform(get("/api/service/visits/" + id).with(TestUsers.api("cadre"))).andReturn()))
                .contains("\"whom\":\"" + whom + "\"", "\"kind\":\"ENTERPRISE\"");
        assertThat(mvc.perform(get("/api/service/visits/" + id).with(TestUsers.api("putuo"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aFutureDateADisguisedPhotoAndAnotherCadresChargeAreRefused() throws Exception {
        long charge = ownEnterpriseCharge();
        long before = jdbc.sql("select count(*) from service_visit").query(Long.class).single();
        MvcResult future = mvc.perform(visit("ENTERPRISE", charge, LocalDate.now(clock).plusDays(1), "明日访客")
                .with(users.page("cadre")).with(csrf())).andReturn();
        assertThat(future.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(future)).contains("data-field=\"date\"", "走访日期不能晚于今天");
        MvcResult disguised = mvc.perform(visit("ENTERPRISE", charge, LocalDate.now(clock), "伪装照片")
                .file(new MockMultipartFile("photos", "photo.jpg", "image/jpeg", "not a photo".getBytes()))
                .with(users.page("cadre")).with(csrf())).andReturn();
        assertThat(disguised.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(disguised)).contains("data-field=\"photos\"", "内容与扩展名 .jpg 不符");
        MvcResult wrongKind = mvc.perform(visit("PROJECT", charge, LocalDate.now(clock), "类型不符")
                .with(users.page("cadre")).with(csrf())).andReturn();
        assertThat(body(wrongKind)).contains("data-field=\"chargeId\"", "项目对接应选择项目类的联系对象");

        var data = data();
        long other = data.cadre("dinghai", "330902", ServiceTestData.unique("他人干部"));
        long otherCharge = data.charge("dinghai", other, "ENTERPRISE", "enterpriseId",
                data.enterprise("dinghai", "330902"), "2026-01-01");
        assertThat(mvc.perform(visit("ENTERPRISE", otherCharge, LocalDate.now(clock), "冒名走访")
                .param("cadreId", String.valueOf(other)).with(users.page("cadre")).with(csrf())).andReturn()
                .getResponse().getStatus()).isIn(403, 404);
        assertThat(mvc.perform(visit("ENTERPRISE", otherCharge, LocalDate.now(clock), "冒名走访")
                .with(users.page("cadre")).with(csrf())).andReturn().getResponse().getStatus()).isIn(403, 404);
        // a leader reads but does not log
        assertThat(mvc.perform(visit("ENTERPRISE", otherCharge, LocalDate.now(clock), "领导登记")
                .param("cadreId", String.valueOf(other)).with(users.page("leader")).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from service_visit").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aCadreSeesOnlyTheOwnVisitsAndAnotherDistrictNone() throws Exception {
        var data = data();
        String name = ServiceTestData.unique("可见性干部");
        long other = data.cadre("dinghai", "330902", name);
        long charge = data.charge("dinghai", other, "ENTERPRISE", "enterpriseId", data.enterprise("dinghai", "330902"),
                "2026-01-01");
        MvcResult saved = mvc.perform(visit("ENTERPRISE", charge, LocalDate.of(2026, 2, 3), "管理员代登记")
                .param("cadreId", String.valueOf(other)).with(users.page("dinghai")).with(csrf())).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        String url = saved.getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(url).with(users.page("cadre"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(url).with(users.page("putuo"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(body(mvc.perform(get("/service/visits?from=2026-02-03&to=2026-02-03").with(users.page("cadre")))
                .andReturn())).doesNotContain(name);
        assertThat(body(mvc.perform(get("/service/visits?from=2026-02-03&to=2026-02-03").with(users.page("putuo")))
                .andReturn())).doesNotContain(name);
        assertThat(body(mvc.perform(get("/service/visits?cadreId=" + other).with(users.page("dinghai"))).andReturn()))
                .contains(name, "管理员代登记");
        assertThat(mvc.perform(get("/service/visits?cadreId=" + other).with(users.page("putuo"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void figuresCountTheVisitsByKindAsCountedByHand() throws Exception {
        var data = data();
        String name = ServiceTestData.unique("统计干部");
        long cadre = data.cadre("dinghai", "330902", name);
        long enterprise = data.charge("dinghai", cadre, "ENTERPRISE", "enterpriseId",
                data.enterprise("dinghai", "330902"), "2026-01-01");
        long project = data.charge("dinghai", cadre, "PROJECT", "projectId", data.project("dinghai", "330902"),
                "2026-01-01");
        long village = data.charge("dinghai", cadre, "VILLAGE", "villageId", data.village("330902"), "2026-01-01");
        OrgScope dinghai = scope("330902");
        LocalDate q1From = LocalDate.of(2026, 1, 1);
        LocalDate q1To = LocalDate.of(2026, 3, 31);
        NodeVisitCount nodeBefore = node(statistics.byNode(dinghai, q1From, q1To), data.node("330902"));

        // Q1: 2 enterprise visits, 1 project, 1 farmers' visit (31 March counts, 1 April does not)
        log("ENTERPRISE", enterprise, cadre, LocalDate.of(2026, 1, 15));
        log("ENTERPRISE", enterprise, cadre, LocalDate.of(2026, 3, 31));
        log("PROJECT", project, cadre, LocalDate.of(2026, 2, 10));
        log("FARMER", village, cadre, LocalDate.of(2026, 3, 1));
        log("ENTERPRISE", enterprise, cadre, LocalDate.of(2026, 4, 1));

        CadreVisitCount q1 = statistics.byCadre(dinghai, q1From, q1To).stream().filter(c -> c.cadreId() == cadre)
                .findFirst().orElseThrow();
        assertThat(List.of(q1.projects(), q1.enterprises(), q1.farmers(), q1.total())).containsExactly(1L, 2L, 1L, 4L);
        CadreVisitCount year = statistics.byCadre(dinghai, q1From, LocalDate.of(2026, 12, 31)).stream()
                .filter(c -> c.cadreId() == cadre).findFirst().orElseThrow();
        assertThat(year.enterprises()).isEqualTo(3);
        NodeVisitCount nodeAfter = node(statistics.byNode(dinghai, q1From, q1To), data.node("330902"));
        assertThat(nodeAfter.cadres() - nodeBefore.cadres()).isZero();
        assertThat(List.of(nodeAfter.projects() - nodeBefore.projects(), nodeAfter.enterprises()
                - nodeBefore.enterprises(), nodeAfter.farmers() - nodeBefore.farmers())).containsExactly(1L, 2L, 1L);
        assertThat(statistics.byCadre(scope("330903"), q1From, q1To)).noneMatch(c -> c.cadreId() == cadre);

        String page = body(mvc.perform(get("/service/figures?period=quarter&year=2026&quarter=1")
                .with(users.page("dinghai"))).andReturn());
        assertThat(page).contains("2026年第1季度", name, "data-cadre=\"" + cadre + "\"");

        MvcResult export = mvc.perform(get("/service/figures/export?period=quarter&year=2026&quarter=1")
                .with(users.page("dinghai"))).andReturn();
        assertThat(export.getResponse().getStatus()).isEqualTo(200);
        assertThat(export.getResponse().getHeader("Content-Disposition")).contains("attachment", ".xlsx");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheet("按服务干部");
            Row row = null;
            for (Row r : sheet) {
                if (r.getCell(0) != null && name.equals(r.getCell(0).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).as("the cadre's row in the export").isNotNull();
            assertThat(List.of(row.getCell(3).getNumericCellValue(), row.getCell(4).getNumericCellValue(),
                    row.getCell(5).getNumericCellValue(), row.getCell(6).getNumericCellValue()))
                    .containsExactly(1.0, 2.0, 1.0, 4.0);
            assertThat(book.getSheet("按单位")).isNotNull();
        }
        assertThat(body(mvc.perform(get("/service/figures/export?period=quarter&year=2026&quarter=1")
                .with(users.page("putuo"))).andReturn())).doesNotContain(name);
        assertThat(body(mvc.perform(get("/api/service/figures?period=custom&from=2026-01-01&to=2026-03-31")
                .with(TestUsers.api("dinghai"))).andReturn())).contains("\"cadreName\":\"" + name + "\"",
                "\"projects\":1,\"enterprises\":2,\"farmers\":1");
    }

    void log(String kind, long charge, long cadre, LocalDate date) throws Exception {
        assertThat(mvc.perform(visit(kind, charge, date, "统计用走访").param("cadreId", String.valueOf(cadre))
                .with(users.page("dinghai")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    OrgScope scope(String code) {
        return jdbc.sql("select id, path from org_node where code = :c").param("c", code)
                .query((rs, i) -> new OrgScope(rs.getLong(1), rs.getString(2))).single();
    }

    static NodeVisitCount node(List<NodeVisitCount> nodes, long nodeId) {
        return nodes.stream().filter(n -> n.nodeId() == nodeId).findFirst()
                .orElse(new NodeVisitCount(nodeId, "", 0, 0, 0, 0));
    }
}

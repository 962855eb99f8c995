package cn.zugong.party.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.people.RosterWriter;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 源头查找's import is all or nothing with every error by row and column; a file is invisible outside its scope
 * (404, on pages and API) and refused to roles that may not write it (403), the database unchanged in both cases.
 */
@IntegrationTest
class MobileImportAndAccessIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;

    @Test
    void aListWithErrorsIsRefusedWholeWithEveryErrorAndNothingSaved() throws Exception {
        MobileFixtures fx = new MobileFixtures(jdbc, roster);
        var good = fx.member(fx.villageBranch("330902"), "名单甲");
        String dup = fx.idNumber();
        String badCheck = dup.substring(0, 17) + (dup.charAt(17) == '0' ? '1' : '0');
        byte[] list = MobileFixtures.sheet(List.of(
                Arrays.asList(good.name(), good.idNumber(), null, "杭州市", null, null, "13900002222"),
                Arrays.asList(null, fx.idNumber(), null, "杭州市", null, null, null),
                Arrays.asList("乙" + fx.run, badCheck, null, "杭州市", null, null, null),
                Arrays.asList("丙" + fx.run, dup, null, null, null, null, "12345"),
                Arrays.asList("丁" + fx.run, dup, null, "宁波市", null, null, null)));
        String answer = mvc.perform(multipart("/api/party/mobile/sources/import")
                        .file(new MockMultipartFile("file", "名单.xlsx", null, list)).with(TestUsers.api("dinghai")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> errors = JsonPath.read(answer, "$.errors");
        assertThat(errors).containsExactlyInAnyOrder(
                "第 3 行 A 列（姓名）：必填项，不能为空",
                "第 4 行 B 列（身份证号）：身份证号校验位错误",
                "第 5 行 D 列（流向城市）：必填项，不能为空",
                "第 5 行 G 列（联系电话）：应为11位手机号或带区号的固定电话",
                "第 6 行 B 列（身份证号）：与第 5 行重复");
        assertThat(jdbc.sql("select count(*) from mobile_candidate where member_id = :m").param("m", good.id())
                .query(Long.class).single()).isZero();

        // a wrong header refuses the file as a whole, on the page too, with the column named
        byte[] wrong = MobileFixtures.sheet(List.of());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(wrong));
             var out = new java.io.ByteArrayOutputStream()) {
            wb.getSheetAt(0).getRow(0).getCell(1).setCellValue("证件号");
            wb.getSheetAt(0).createRow(1).createCell(0).setCellValue("某人");
            wb.write(out);
            wrong = out.toByteArray();
        }
        mvc.perform(multipart("/party/mobile/sources/import").file(new MockMultipartFile("file", "错表头.xlsx", null, wrong))
                        .with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("B 列应为“身份证号”")));
    }

    @Test
    void outsideTheScopeA404AndAWriteOfAReadingRoleRefusedWithTheDatabaseUnchanged() throws Exception {
        MobileFixtures fx = new MobileFixtures(jdbc, roster);
        var m = fx.member(fx.villageBranch("330902"), "范围甲");
        String answer = mvc.perform(post("/api/party/mobile/files").with(TestUsers.api("dinghai"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"memberId\":" + m.id()
                                + ",\"city\":\"杭州市\",\"leftOn\":\"2026-05-01\",\"reason\":\"务工\",\"relation\":\"保留\","
                                + "\"phone\":\"13900003333\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long file = ((Number) JsonPath.read(answer, "$.id")).longValue();

        // another county's administrator, another county's village reporter: not found, on pages and API
        mvc.perform(get("/party/mobile/files/" + file).with(users.page("putuo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/party/mobile/files/" + file).with(TestUsers.api("putuo"))).andExpect(status().isNotFound());
        mvc.perform(get("/party/mobile/files/" + file).with(users.page("donghai"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/party/mobile/files/" + file + "/contacts").with(TestUsers.api("putuo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\":\"2026-12-01\",\"channel\":\"电话\",\"by\":\"x\",\"content\":\"y\"}"))
                .andExpect(status().isNotFound());
        // a member of another county cannot be filed by dinghai
        var other = fx.member(fx.villageBranch("330903"), "范围乙");
        mvc.perform(post("/api/party/mobile/files").with(TestUsers.api("dinghai")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"memberId\":" + other.id() + ",\"city\":\"杭州市\",\"leftOn\":\"2026-05-01\","
                                + "\"reason\":\"务工\",\"relation\":\"保留\"}"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from mobile_file where member_id = :m").param("m", other.id())
                .query(Long.class).single()).isZero();

        // reading roles: the city's reviewer and leader see the file but may not write it
        mvc.perform(get("/api/party/mobile/files/" + file).with(TestUsers.api("reviewer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.file.phone").value("139****3333"));
        mvc.perform(post("/api/party/mobile/files/" + file + "/contacts").with(TestUsers.api("reviewer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\":\"2026-12-01\",\"channel\":\"电话\",\"by\":\"x\",\"content\":\"y\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/party/mobile/files/" + file + "/events").with(users.page("leader")).with(csrf())
                .param("kind", "RETURNED").param("on", "2026-12-01")).andExpect(status().isForbidden());
        mvc.perform(post("/party/mobile/unmanaged/assign").with(users.page("reporter")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from mobile_contact where file_id = :f").param("f", file)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from mobile_event where file_id = :f").param("f", file)
                .query(Long.class).single()).isEqualTo(1); // only the 外出 of the filing
        assertThat(jdbc.sql("select state || ':' || coalesce(cast(host_id as varchar(20)), '-') from mobile_file where id = :f")
                .param("f", file).query(String.class).single()).isEqualTo("OUT:-");
        // a 党员 account reaches none of the office's 流动党员 routes
        mvc.perform(get("/party/mobile").with(users.page("dangyuan"))).andExpect(status().isForbidden());
    }
}

package cn.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.IdNumbers;
import java.io.ByteArrayOutputStream;
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

/**
 * 人才库 over HTTP on the demo world: scope (定海区 ADMIN sees 定海区 only, 404 outside), read-only roles refused
 * (403, nothing written), the form's checks, the 统一社会信用代码 check, the import's errors by row and column with
 * nothing saved, and unmasking (ADMIN only, audited).
 */
@IntegrationTest
class TalentRegistryIT {

    static final String[] HEADERS = {"姓名", "性别", "身份证号", "手机号", "电子邮箱", "所属区域代码", "用人单位统一社会信用代码",
            "人才类别", "所属领域", "学历", "毕业院校", "专业", "年薪（元）", "到岗日期", "职称", "奖项", "人才计划"};

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree tree;

    private long dinghai() {
        return tree.byCode("330902").orElseThrow().id();
    }

    private long talentOf(String county) {
        return jdbc.sql("select min(t.id) from talent t join org_node n on n.id = t.node_id where n.code = :c")
                .param("c", county).query(Long.class).single();
    }

    private long talents() {
        return jdbc.sql("select count(*) from talent").query(Long.class).single();
    }

    private long employers() {
        return jdbc.sql("select count(*) from talent_employer").query(Long.class).single();
    }

    @Test
    void dinghaiSeesDinghaiOnlyAnd404Outside() throws Exception {
        String json = mvc.perform(get("/api/talent/talents").param("size", "200").with(TestUsers.api("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Integer> nodes = com.jayway.jsonpath.JsonPath.read(json, "$.items[*].nodeId");
        assertThat(nodes).isNotEmpty().allMatch(n -> n == dinghai());
        long total = ((Number) com.jayway.jsonpath.JsonPath.read(json, "$.total")).longValue();
        long inDinghai = jdbc.sql("select count(*) from talent where node_id = :n").param("n", dinghai())
                .query(Long.class).single();
        assertThat(total).isEqualTo(inDinghai);
        long putuo = talentOf("330903");
        mvc.perform(get("/talent/registry/" + putuo).with(users.page("dinghai"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/talent/talents/" + putuo).with(TestUsers.api("dinghai"))).andExpect(status().isNotFound());
        mvc.perform(get("/talent/registry/" + talentOf("330902")).with(users.page("dinghai"))).andExpect(status().isOk());
        // the list's masking: the API never answers a whole ID number
        mvc.perform(get("/api/talent/talents/" + talentOf("330902")).with(TestUsers.api("dinghai")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.idNumberMasked").value(org.hamcrest.Matchers.containsString("**********")));
    }

    @Test
    void readOnlyRolesAreRefusedAndNothingIsWritten() throws Exception {
        long before = talents();
        long employersBefore = employers();
        for (String who : List.of("reviewer", "leader")) {
            mvc.perform(post("/talent/registry").params(validTalent("330902", 1)).with(users.page(who)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/talent/employers").param("nodeId", String.valueOf(dinghai()))
                            .param("creditCode", CreditCodes.of(true, "330902", 77_000_001)).param("name", "测试企业")
                            .param("kind", "ENTERPRISE").param("industry", "OIL_GAS_TRADE")
                            .with(users.page(who)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/talent/registry/" + talentOf("330902")).params(validTalent("330902", 2))
                    .with(users.page(who)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/talent/registry/" + talentOf("330902") + "/account").param("username", "talentx")
                    .with(users.page(who)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(get("/talent/registry/new").with(users.page(who))).andExpect(status().isForbidden());
        }
        assertThat(talents()).isEqualTo(before);
        assertThat(employers()).isEqualTo(employersBefore);
    }

    @Test
    void theFormChecksTheIdNumberAgainstGenderAndBirthAndSaves() throws Exception {
        long before = talents();
        var bad = validTalent("330902", 3);
        String id = bad.getFirst("idNumber");
        bad.set("gender", IdNumbers.normalise(id).charAt(16) % 2 == 1 ? "女" : "男");
        bad.set("birthDate", "1980-01-01");
        bad.set("phone", "12345");
        String page = mvc.perform(post("/talent/registry").params(bad).with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"gender-error\">性别与身份证号不一致")
                .contains("id=\"birthDate-error\">出生日期与身份证号不一致")
                .contains("id=\"phone-error\">手机号格式不正确");
        var wrongCheck = validTalent("330902", 4);
        String v = wrongCheck.getFirst("idNumber");
        wrongCheck.set("idNumber", v.substring(0, 17) + (v.charAt(17) == '1' ? '2' : '1'));
        mvc.perform(post("/talent/registry").params(wrongCheck).with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isBadRequest());
        var outside = validTalent("330903", 5);
        mvc.perform(post("/talent/registry").params(outside).with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(talents()).isEqualTo(before);

        var good = validTalent("330902", 6);
        good.add("titles", "SENIOR_DEPUTY");
        mvc.perform(post("/talent/registry").params(good).with(users.page("dinghai")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(talents()).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                select count(*) from talent_credential c join talent t on t.id = c.talent_id
                 where t.name = :n and c.code = 'SENIOR_DEPUTY'""").param("n", good.getFirst("name"))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBadCreditCodeIsRefusedBesideTheField() throws Exception {
        long before = employers();
        String valid = CreditCodes.of(true, "330902", 77_000_002);
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == 'A' ? 'B' : 'A');
        String page = mvc.perform(post("/talent/employers").param("nodeId", String.valueOf(dinghai()))
                        .param("creditCode", wrong).param("name", "舟山测试能源有限公司").param("kind", "ENTERPRISE")
                        .param("industry", "OIL_GAS_TRADE").with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"creditCode-error\">统一社会信用代码校验位错误");
        assertThat(employers()).isEqualTo(before);
        mvc.perform(post("/talent/employers").param("nodeId", String.valueOf(dinghai())).param("creditCode", valid)
                        .param("name", "舟山测试能源有限公司").param("kind", "ENTERPRISE").param("industry", "OIL_GAS_TRADE")
                        .with(users.page("dinghai")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(employers()).isEqualTo(before + 1);
    }

    @Test
    void anImportWithErrorsListsEachByRowAndColumnAndSavesNothing() throws Exception {
        long before = talents();
        String dinghaiEmployer = jdbc.sql("select min(credit_code) from talent_employer e join org_node n on n.id = e.node_id"
                + " where n.code = '330902'").query(String.class).single();
        String ok1 = IdNumbers.of("330902", LocalDate.of(1990, 3, 4), 901);
        String ok2 = IdNumbers.of("330902", LocalDate.of(1991, 5, 6), 903);
        String badCheck = ok1.substring(0, 17) + (ok1.charAt(17) == '1' ? '2' : '1');
        byte[] file = xlsx(new String[][] {
                {"王导入", "", ok1, "13800000001", "", "330902", dinghaiEmployer, "ENGINEER", "油气贸易交易", "MASTER", "", "", "200000", "2024-07-01", "中级职称", "", ""},
                {"李导入", "", badCheck, "", "", "330902", "", "ENGINEER", "OIL_GAS_TRADE", "MASTER", "", "", "", "", "", "", ""},
                {"赵导入", "女", ok2, "", "", "330903", "", "火箭人才", "OIL_GAS_TRADE", "MASTER", "", "", "多少", "", "不存在的职称", "", ""},
                {"", "", ok1, "", "", "330902", "", "ENGINEER", "OIL_GAS_TRADE", "MASTER", "", "", "", "", "", "", ""}});
        String page = mvc.perform(multipart("/talent/registry/import")
                        .file(new MockMultipartFile("file", "人才.xlsx", "application/octet-stream", file))
                        .with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("未导入任何数据")
                .contains("<td>3</td><td>C</td><td>身份证号</td><td>身份证号校验位错误</td>")
                .contains("<td>4</td><td>B</td><td>性别</td><td>性别与身份证号不一致")
                .contains("<td>4</td><td>F</td><td>所属区域代码</td><td>区域代码不存在或不在您的管理范围内")
                .contains("<td>4</td><td>H</td><td>人才类别</td><td>“火箭人才”不在分类目录中")
                .contains("<td>4</td><td>M</td><td>年薪（元）</td><td>应为数字")
                .contains("<td>4</td><td>O</td><td>职称</td><td>职称“不存在的职称”不在分类目录中")
                .contains("<td>5</td><td>A</td><td>姓名</td><td>必填项，不能为空</td>")
                .contains("<td>5</td><td>C</td><td>身份证号</td><td>身份证号与第 2 行重复</td>");
        assertThat(talents()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'IMPORT_FAILED' and object_type = 'talent'")
                .query(Long.class).single()).isPositive();

        byte[] good = xlsx(new String[][] {
                {"王导入", "", ok1, "13800000001", "", "330902", dinghaiEmployer, "ENGINEER", "油气贸易交易", "MASTER", "", "", "200000", "2024-07-01", "中级职称、高级技师", "", ""}});
        mvc.perform(multipart("/talent/registry/import")
                        .file(new MockMultipartFile("file", "人才.xlsx", "application/octet-stream", good))
                        .with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isOk());
        assertThat(talents()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from talent_credential c join talent t on t.id = c.talent_id where t.name = '王导入'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void unmaskingIsForAdminOnlyAndAudited() throws Exception {
        long id = talentOf("330902");
        String full = jdbc.sql("select count(*) from audit_entry where action = 'UNMASK' and object_type = 'talent' and object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single().toString();
        String page = mvc.perform(post("/talent/registry/" + id + "/unmask").param("field", "idNumber")
                        .with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsPattern("[0-9]{17}[0-9X]");
        long after = jdbc.sql("select count(*) from audit_entry where action = 'UNMASK' and object_type = 'talent' and object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single();
        assertThat(after).isEqualTo(Long.parseLong(full) + 1);
        assertThat(jdbc.sql("select count(*) from audit_entry where summary like '%' || :v || '%'")
                .param("v", page.replaceAll("(?s).*?([0-9]{17}[0-9X]).*", "$1")).query(Long.class).single()).isZero();
        mvc.perform(post("/talent/registry/" + id + "/unmask").param("field", "idNumber")
                .with(users.page("reviewer")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/talent/registry/" + talentOf("330903") + "/unmask").param("field", "phone")
                .with(users.page("dinghai")).with(csrf())).andExpect(status().isNotFound());
        // the detail page itself shows the masked value only
        String detail = mvc.perform(get("/talent/registry/" + id).with(users.page("dinghai")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).doesNotContainPattern(">[0-9]{17}[0-9X]<").contains("**********");
    }

    @Test
    void theAdminOpensATalentOnlyAccountThatMustChangeItsPassword() throws Exception {
        long id = jdbc.sql("""
                select max(t.id) from talent t join org_node n on n.id = t.node_id
                 where n.code = '330902' and t.username is null""").query(Long.class).single();
        mvc.perform(post("/talent/registry/" + id + "/account").param("username", "Bad Name")
                .with(users.page("dinghai")).with(csrf())).andExpect(status().isConflict());
        var result = mvc.perform(post("/talent/registry/" + id + "/account").param("username", "talent-dh-test")
                .with(users.page("dinghai")).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String message = String.valueOf(result.getFlashMap().get("message"));
        assertThat(message).contains("已开通人才账号 talent-dh-test").contains("首次登录须修改密码");
        assertThat(jdbc.sql("select role from account where username = 'talent-dh-test'").query(String.class).single())
                .isEqualTo("TALENT");
        assertThat(jdbc.sql("select must_change_password from account where username = 'talent-dh-test'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select scope_node_id from account where username = 'talent-dh-test'")
                .query(Long.class).single()).isEqualTo(dinghai());
        assertThat(jdbc.sql("select username from talent where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("talent-dh-test");
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'account' and object_id = 'talent-dh-test'"
                + " and actor = 'dinghai'").query(Long.class).single()).isPositive();
        // the password is never in the trail
        String password = message.replaceAll(".*初始密码：(\\S{14})（.*", "$1");
        assertThat(jdbc.sql("select count(*) from audit_entry where summary like :p or after_json like :p")
                .param("p", "%" + password + "%").query(Long.class).single()).isZero();
        // a second account for the same talent is refused
        mvc.perform(post("/talent/registry/" + id + "/account").param("username", "talent-dh-test2")
                .with(users.page("dinghai")).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void theLandingPageLinksEveryPartAndCounts() throws Exception {
        String page = mvc.perform(get("/talent").with(users.page("admin"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/talent/registry\"", "href=\"/talent/employers\"", "href=\"/talent/directory\"",
                "href=\"/talent/recognition\"", "href=\"/talent/services\"", "href=\"/talent/applications\"",
                "href=\"/talent/grants\"", "href=\"/talent/codes\"", "href=\"/talent/support\"");
        mvc.perform(get("/talent").with(users.page("talent"))).andExpect(status().is4xxClientError());
    }

    private org.springframework.util.LinkedMultiValueMap<String, String> validTalent(String county, int n) {
        long node = tree.byCode(county).orElseThrow().id();
        var m = new org.springframework.util.LinkedMultiValueMap<String, String>();
        m.add("nodeId", String.valueOf(node));
        m.add("name", "测试人才" + n);
        m.add("idNumber", IdNumbers.of("330902", LocalDate.of(1988, 2, 10 + n), 500 + n * 2 + 1));
        m.add("phone", "13900000000");
        m.add("category", "ENGINEER");
        m.add("field", "OIL_GAS_TRADE");
        m.add("education", "MASTER");
        return m;
    }

    static byte[] xlsx(String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("人才");
            Row h = s.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                h.createCell(i).setCellValue(HEADERS[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}

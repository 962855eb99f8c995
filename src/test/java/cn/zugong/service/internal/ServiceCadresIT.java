package cn.zugong.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.service.ServiceCadres;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 服务干部及联系对象: a district administrator creates a cadre, an enterprise and charges; bad input comes back
 * with a Chinese message naming the field and nothing saved; a charge's period ends; other roles read only and
 * another district gets 404.
 */
@IntegrationTest
class ServiceCadresIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceCadres cadres;

    ServiceTestData data() {
        return new ServiceTestData(mvc, users, jdbc);
    }

    String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void creditCodesAreCheckedByTheirCheckCharacter() {
        assertThat(CreditCodes.problem("91330100716105852F")).isEmpty(); // a real company's code
        assertThat(CreditCodes.problem("91330100716105852E")).contains("统一社会信用代码校验位错误");
        assertThat(CreditCodes.problem("9133010071610585")).contains("统一社会信用代码应为18位");
        assertThat(CreditCodes.problem("91330100716105852I").orElseThrow()).contains("第18位");
        assertThat(CreditCodes.problem(CreditCodes.of("91330902MA2000001"))).isEmpty();
    }

    @Test
    void anAdministratorCreatesACadreWithChargesAndBadInputNamesItsField() throws Exception {
        var data = data();
        long marker = AuditLog.last(jdbc);
        String name = ServiceTestData.unique("测试干部");
        long cadre = data.cadre("dinghai", "330902", name);
        long enterprise = data.enterprise("dinghai", "330902");
        assertThat(AuditLog.since(jdbc, marker)).extracting(AuditLog.Entry::objectType)
                .contains("service_cadre", "service_enterprise");

        // a bad credit code: 400, the field named, nothing saved
        String bad = ServiceTestData.creditCode();
        bad = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
        MvcResult refused = mvc.perform(post("/service/enterprises").param("name", "舟山错误代码水产有限公司")
                .param("creditCode", bad).param("industry", "水产加工")
                .param("nodeId", String.valueOf(data.node("330902"))).with(users.page("dinghai")).with(csrf()))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(refused)).contains("data-field=\"creditCode\"", "统一社会信用代码校验位错误");
        assertThat(jdbc.sql("select count(*) from service_enterprise where credit_code = :c").param("c", bad)
                .query(Long.class).single()).isZero();

        // a bad phone and no type: both named, nothing saved
        String other = ServiceTestData.unique("测试干部");
        MvcResult invalid = mvc.perform(post("/service/cadres").param("name", other).param("phone", "12345")
                .param("nodeId", String.valueOf(data.node("330902"))).with(users.page("dinghai")).with(csrf()))
                .andReturn();
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(invalid)).contains("data-field=\"phone\"", "联系电话格式不正确", "data-field=\"type\"",
                "请选择干部类型");
        assertThat(jdbc.sql("select count(*) from service_cadre where name = :n").param("n", other).query(Long.class)
                .single()).isZero();
        // an account that does not exist cannot be linked
        MvcResult noAccount = mvc.perform(post("/service/cadres/" + cadre).param("name", name)
                .param("phone", "13800001111").param("nodeId", String.valueOf(data.node("330902")))
                .param("type", "FIVE_BATCHES").param("username", "no-such-account")
                .with(users.page("dinghai")).with(csrf())).andReturn();
        assertThat(body(noAccount)).contains("data-field=\"username\"", "关联账号「no-such-account」不存在");

        // a charge, then a period that ends before it starts, then the charge ends
        long charge = data.charge("dinghai", cadre, "ENTERPRISE", "enterpriseId", enterprise, "2026-01-01");
        var flash = mvc.perform(post("/service/cadres/" + cadre + "/charges").param("targetKind", "ENTERPRISE")
                .param("enterpriseId", String.valueOf(enterprise)).param("from", "2026-05-01").param("to", "2026-04-01")
                .with(users.page("dinghai")).with(csrf())).andReturn().getFlashMap();
        assertThat(String.valueOf(flash.get("error"))).contains("联系截止日期不能早于起始日期");
        assertThat(jdbc.sql("select count(*) from service_charge where cadre_id = :c").param("c", cadre)
                .query(Long.class).single()).isOne();
        String page = body(mvc.perform(get("/service/cadres/" + cadre).with(users.page("dinghai"))).andReturn());
        assertThat(page).contains(name, "舟山测试水产有限公司", "联系中", "138****1111").doesNotContain("13800001111");

        mvc.perform(post("/service/cadres/" + cadre + "/charges/" + charge).param("from", "2026-01-01")
                .param("to", "2026-03-31").with(users.page("dinghai")).with(csrf())).andReturn();
        assertThat(jdbc.sql("select valid_to from service_charge where id = :id").param("id", charge)
                .query(java.time.LocalDate.class).single()).isEqualTo("2026-03-31");
        assertThat(body(mvc.perform(get("/service/cadres/" + cadre).with(users.page("dinghai"))).andReturn()))
                .contains("2026-01-01 至 2026-03-31", "已结束");

        // the list shows the cadre with a masked phone; other roles read, another district sees nothing
        assertThat(body(mvc.perform(get("/service/cadres").with(users.page("leader"))).andReturn()))
                .contains(name, "138****1111").doesNotContain("13800001111");
        assertThat(mvc.perform(post("/service/cadres").param("name", "越权新增").with(users.page("reporter"))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/service/cadres/" + cadre).with(users.page("putuo"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(body(mvc.perform(get("/service/cadres").with(users.page("putuo"))).andReturn())).doesNotContain(name);
        // a cadre sees only the own record
        assertThat(mvc.perform(get("/service/cadres/" + cadre).with(users.page("cadre"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void theDemoCadreAccountIsLinkedToADemoCadre() throws Exception {
        var own = cadres.byUsername("cadre").orElseThrow();
        assertThat(own.type().label()).isEqualTo("暖企专员");
        assertThat(own.nodeName()).startsWith("定海区");
        assertThat(cadres.byUsername("dinghai")).isEmpty();
        assertThat(body(mvc.perform(get("/service").with(users.page("cadre"))).andReturn()))
                .contains(own.name(), "我的联系对象", "登记走访", "年以来：项目对接");
        assertThat(body(mvc.perform(get("/service").with(users.page("dinghai"))).andReturn()))
                .contains("服务干部及联系对象", "走访统计", "代服务干部登记走访");
        String list = body(mvc.perform(get("/service/cadres").with(users.page("cadre"))).andReturn());
        assertThat(list).contains(own.name()).contains("共 1 名服务干部");
        assertThat(jdbc.sql("select count(*) from service_cadre where created_by = 'demo'").query(Long.class).single())
                .isEqualTo(30);
        assertThat(jdbc.sql("select count(distinct cadre_type) from service_cadre where created_by = 'demo'")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from service_visit where created_by = 'demo'").query(Long.class).single())
                .isBetween(250L, 400L);
    }
}

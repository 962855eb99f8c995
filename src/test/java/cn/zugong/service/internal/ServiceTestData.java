package cn.zugong.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.TestUsers;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Makes the tests' own cadres, enterprises, projects and charges through the pages, with unique names. */
final class ServiceTestData {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final MockMvc mvc;
    private final TestUsers users;
    private final JdbcClient jdbc;

    ServiceTestData(MockMvc mvc, TestUsers users, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
    }

    static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    /** A valid 统一社会信用代码 not used yet. */
    static String creditCode() {
        return CreditCodes.of("91330902MA2" + String.format("%06d", (System.nanoTime() / 1000 + SEQ.incrementAndGet())
                % 1_000_000));
    }

    long node(String code) {
        return jdbc.sql("select id from org_node where code = :c").param("c", code).query(Long.class).single();
    }

    /** A village (VILLAGE node) of the district. */
    long village(String districtCode) {
        return jdbc.sql("""
                select min(id) from org_node where kind = 'VILLAGE'
                  and path like (select path from org_node where code = :c) || '%'
                """).param("c", districtCode).query(Long.class).single();
    }

    long enterprise(String admin, String districtCode) throws Exception {
        String name = unique("舟山测试水产有限公司");
        String code = creditCode();
        mvc.perform(post("/service/enterprises").param("name", name).param("creditCode", code)
                .param("industry", "水产加工").param("address", "测试路1号").param("nodeId", String.valueOf(node(districtCode)))
                .with(users.page(admin)).with(csrf())).andReturn();
        return jdbc.sql("select id from service_enterprise where credit_code = :c").param("c", code).query(Long.class)
                .single();
    }

    long project(String admin, String districtCode) throws Exception {
        String name = unique("测试配套工程");
        mvc.perform(post("/service/projects").param("name", name).param("industry", "石油化工")
                .param("nodeId", String.valueOf(node(districtCode))).with(users.page(admin)).with(csrf())).andReturn();
        return jdbc.sql("select id from service_project where name = :n").param("n", name).query(Long.class).single();
    }

    long cadre(String admin, String districtCode, String name) throws Exception {
        var result = mvc.perform(post("/service/cadres").param("name", name).param("phone", "13800001111")
                .param("nodeId", String.valueOf(node(districtCode))).param("type", "WARM_ENTERPRISE")
                .with(users.page(admin)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as("create cadre " + name).isEqualTo(302);
        return Long.parseLong(result.getResponse().getRedirectedUrl().replace("/service/cadres/", ""));
    }

    long charge(String admin, long cadre, String kind, String param, long target, String from) throws Exception {
        mvc.perform(post("/service/cadres/" + cadre + "/charges").param("targetKind", kind)
                .param(param, String.valueOf(target)).param("from", from).with(users.page(admin)).with(csrf()))
                .andReturn();
        return jdbc.sql("""
                select max(id) from service_charge where cadre_id = :c and target_kind = :k
                """).param("c", cadre).param("k", kind).query(Long.class).single();
    }
}

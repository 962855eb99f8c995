package cn.zugong.prosperity.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.TestUsers;
import cn.zugong.talent.CreditCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Workshops of a test's own, made through the register page as the city's admin, and removed by name prefix. */
final class WorkshopFixtures {

    private final MockMvc mvc;
    private final TestUsers users;
    private final JdbcClient jdbc;

    WorkshopFixtures(MockMvc mvc, TestUsers users, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The first village (by code) whose code starts so. */
    long village(String codePrefix) {
        return jdbc.sql("select id from org_node where kind = 'VILLAGE' and code like :c order by code fetch first 1 rows only")
                .param("c", codePrefix + "%").query(Long.class).single();
    }

    long nodeByCode(String code) {
        return jdbc.sql("select id from org_node where code = :c").param("c", code).query(Long.class).single();
    }

    /** Removes every workshop whose name starts with the prefix, with its ledger and links. */
    void removeAll(String prefix) {
        String ids = "(select id from workshop where name like :p)";
        for (String table : new String[] {"workshop_ledger_change", "workshop_ledger", "workshop_village",
                "workshop_runner"}) {
            jdbc.sql("delete from " + table + " where workshop_id in " + ids).param("p", prefix + "%").update();
        }
        jdbc.sql("delete from workshop where name like :p").param("p", prefix + "%").update();
    }

    /** A workshop at {@code nodeId} serving {@code villageId}, made by the city's admin through the page. */
    long create(String name, long nodeId, long villageId, String startedOn, boolean model, int enterpriseBody)
            throws Exception {
        MvcResult r = mvc.perform(post("/prosperity/workshops").with(users.page("admin")).with(csrf())
                .param("name", name).param("nodeId", String.valueOf(nodeId)).param("type", "PROCESSING")
                .param("products", "来料加工服装").param("startedOn", startedOn)
                .param("provincialModel", String.valueOf(model)).param("villageIds", String.valueOf(villageId))
                .param("enterprises", "测试服饰有限公司 " + CreditCodes.of(true, "330902", enterpriseBody)))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302);
        return jdbc.sql("select id from workshop where name = :n").param("n", name).query(Long.class).single();
    }

    /** One ledger month entered through the phone page's form by {@code user}; the answer's status. */
    int enter(String user, long workshopId, String month, int employed, int low, String wages, String sales,
              String collective) throws Exception {
        return mvc.perform(post("/prosperity/workshops/" + workshopId + "/ledger").with(users.page(user)).with(csrf())
                .param("month", month).param("employed", String.valueOf(employed))
                .param("lowIncome", String.valueOf(low)).param("wages", wages).param("sales", sales)
                .param("collectiveIncome", collective)).andReturn().getResponse().getStatus();
    }
}

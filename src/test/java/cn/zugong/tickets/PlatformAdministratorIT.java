package cn.zugong.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.Role;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One rule for the platform administrator (docs/adr/038): an 组织部管理员 whose scope covers the deployment's
 * root division. An administrator of a province-level unit sits high in the tree but does not cover 舟山市,
 * so neither the tickets' SLA nor the warning rules are hers to change.
 */
@IntegrationTest
class PlatformAdministratorIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    String category;
    String provinceUnitAdmin;

    @BeforeEach
    void fixtures() {
        int n = ThreadLocalRandom.current().nextInt(1000, 9999);
        org.addUnits(List.of(new NewUnit("33", "33PA" + n, "省直测试厅" + n, 990, "行政机关", "省直", 10, List.of())));
        provinceUnitAdmin = "pa-province-" + n;
        accounts.create(new NewAccount(provinceUnitAdmin, IntegrationTest.PASSWORD, "省直测试厅管理员", Role.ADMIN,
                tree.byCode("33PA" + n).orElseThrow().id()));
        category = "PA" + n;
        jdbc.sql("insert into ticket_category (code, name, sla_days, sort_order) values (:c, :n, 30, 99)")
                .param("c", category).param("n", "平台测试类别" + n).update();
    }

    @Test
    void anAdministratorOutsideTheDeploymentRootSetsNoTicketSla() throws Exception {
        setSla(provinceUnitAdmin, 5).andExpect(status().isForbidden());
        assertThat(slaDays()).isEqualTo(30);
        rules(provinceUnitAdmin).andExpect(status().isForbidden());
    }

    @Test
    void theCityAdministratorSetsTheSlaAndTheWarningRules() throws Exception {
        setSla("admin", 7).andExpect(status().is3xxRedirection());
        assertThat(slaDays()).isEqualTo(7);
        rules("admin").andExpect(status().isOk());
    }

    @Test
    void aCountyAdministratorIsNoPlatformAdministrator() throws Exception {
        setSla("dinghai", 9).andExpect(status().isForbidden());
        assertThat(slaDays()).isEqualTo(30);
        rules("dinghai").andExpect(status().isForbidden());
    }

    private ResultActions setSla(String username, int days) throws Exception {
        return mvc.perform(post("/tickets/categories/{code}", category).param("slaDays", String.valueOf(days))
                .param("active", "true").with(users.page(username)).with(csrf()));
    }

    private ResultActions rules(String username) throws Exception {
        return mvc.perform(get("/healthcheck/rules").with(users.page(username)));
    }

    private int slaDays() {
        return jdbc.sql("select sla_days from ticket_category where code = :c").param("c", category)
                .query(Integer.class).single();
    }
}

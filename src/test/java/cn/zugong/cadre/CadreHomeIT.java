package cn.zugong.cadre;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The cadre work landing page (ADR 074): who reaches it, who sees the 激励关爱 tile, and 干部监督 reaching nothing else. */
@IntegrationTest
class CadreHomeIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    @Test
    void theOfficeAndTheSupervisorReachTheModuleOnlyAdminAndSupervisorSeeTheCareTile() throws Exception {
        for (String who : new String[] {"admin", "jiandu"}) {
            mvc.perform(get("/cadres").with(users.page(who))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("选拔任用纪实")))
                    .andExpect(content().string(containsString("/cadres/care")));
        }
        for (String who : new String[] {"leader", "reviewer", "reporter"}) {
            mvc.perform(get("/cadres").with(users.page(who))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("选拔任用纪实")))
                    .andExpect(content().string(not(containsString("/cadres/care"))));
        }
        for (String who : new String[] {"cadre", "talent", "dangyuan", "referee", "sysadmin", "auditor"}) {
            mvc.perform(get("/cadres").with(users.page(who))).andExpect(status().isForbidden());
        }
    }

    @Test
    void theSupervisorIsRefusedEverywhereElse() throws Exception {
        for (String page : new String[] {"/people", "/healthcheck", "/lighting", "/party", "/talent", "/org"}) {
            mvc.perform(get(page).with(users.page("jiandu"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/people").with(TestUsers.api("jiandu"))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(users.page("jiandu"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("cadre-supervisor-tiles")))
                .andExpect(content().string(not(containsString("tile-lighting"))));
    }
}

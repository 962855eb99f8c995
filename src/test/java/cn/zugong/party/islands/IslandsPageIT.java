package cn.zugong.party.islands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The islands page and its API: what each scope sees, the party members recounted in SQL, 404 and 403. */
@IntegrationTest
class IslandsPageIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @Test
    void eachScopeSeesItsIslandsWithTheirVillagesAndMembers() throws Exception {
        // the city's islands counted in SQL (other tests may add islands of their own, e.g. CheckinFiguresIT's)
        int islands = count("select count(*) from island");
        int remote = count("select count(*) from island where remote = true");
        assertThat(islands).isGreaterThanOrEqualTo(43);
        assertThat((Integer) JsonPath.read(api("admin", ""), "$.totals.islands")).isEqualTo(islands);
        assertThat((Integer) JsonPath.read(api("admin", ""), "$.totals.remote")).isEqualTo(remote);
        assertThat((Integer) JsonPath.read(api("admin", ""), "$.totals.villages"))
                .isEqualTo(count("select count(*) from island_village"));
        assertThat((Integer) JsonPath.read(api("admin", "?remote=true"), "$.totals.islands")).isEqualTo(remote);

        String putuo = api("putuo", "");
        List<String> counties = JsonPath.read(putuo, "$.islands[*].countyName");
        assertThat(counties).hasSize(count("""
                select count(*) from island i join org_node c on c.id = i.county_id where c.code = '330903'"""))
                .hasSizeGreaterThanOrEqualTo(16).containsOnly("普陀区");
        List<Integer> taohua = JsonPath.read(putuo, "$.islands[?(@.name == '桃花岛')].villageCount");
        assertThat(taohua).containsExactly(8);
        // the members of 桃花岛 recounted by hand: members of the branches under its villages, joined by the year's end
        long id = ((Number) ((List<?>) JsonPath.read(putuo, "$.islands[?(@.name == '桃花岛')].id")).get(0)).longValue();
        long expected = jdbc.sql("""
                select count(*) from party_member m join org_node b on b.id = m.branch_id
                join org_node v on b.path like v.path || '%' join island_village iv on iv.village_id = v.id
                where iv.island_id = ? and m.joined_party_date <= ?""")
                .params(id, LocalDate.now(clock).withMonth(12).withDayOfMonth(31)).query(Long.class).single();
        assertThat(expected).isPositive();
        String island = mvc.perform(get("/api/party/islands/" + id).with(TestUsers.api("putuo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(((Number) JsonPath.read(island, "$.members")).longValue()).isEqualTo(expected);
        List<String> villages = JsonPath.read(island, "$.villages[*].code");
        assertThat(villages).contains("330903104202");

        // a township's administrator sees the islands of its villages, with only those villages: 菜园镇 lies on
        // 泗礁山 (which it shares with 五龙乡) but for 绿华村 on 绿华岛
        String caiyuan = api("caiyuan", "");
        assertThat((List<String>) JsonPath.read(caiyuan, "$.islands[*].name")).containsExactly("泗礁山", "绿华岛");
        assertThat((Integer) JsonPath.read(caiyuan, "$.islands[0].villageCount")).isEqualTo(13 - 1);
        assertThat((Integer) JsonPath.read(caiyuan, "$.islands[1].villageCount")).isEqualTo(1);

        // another county's island answers 404; the page lists only the scope's islands
        mvc.perform(get("/party/islands/" + id).with(users.page("dinghai"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/party/islands/" + id).with(TestUsers.api("dinghai"))).andExpect(status().isNotFound());
        String page = mvc.perform(get("/party/islands").with(users.page("dinghai"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("金塘岛", "五联诸岛").doesNotContain("桃花岛");
        mvc.perform(get("/party/islands/" + id).with(users.page("putuo"))).andExpect(status().isOk());
        // a party member's account reaches nothing of the office
        mvc.perform(get("/party/islands").with(users.page("dangyuan"))).andExpect(status().isForbidden());
    }

    private String api(String who, String query) throws Exception {
        return mvc.perform(get("/api/party/islands" + query).with(TestUsers.api(who))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}

package cn.zugong.people;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The roster list: filters give the same subsets as SQL over the roster, paging covers every row once. */
@IntegrationTest
class RosterListIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired Clock clock;

    @Test
    void filtersMatchTheRoster() throws Exception {
        assertThat(total("gender=" + enc("女"))).isEqualTo(count("p.gender = '女'")).isPositive();
        assertThat(total("education=" + enc("研究生"))).isEqualTo(count("p.ft_education = '研究生'")).isPositive();
        assertThat(total("rank=" + enc("一级主任科员"))).isEqualTo(count("p.rank_level = '一级主任科员'")).isPositive();
        assertThat(total("source=" + enc("军转"))).isEqualTo(count("p.source = '军转'")).isPositive();
        assertThat(total("political=" + enc("中共党员") + "&gender=" + enc("男")))
                .isEqualTo(count("p.political_status = '中共党员' and p.gender = '男'"));
        long dinghai = tree.byCode("330902").orElseThrow().id();
        assertThat(total("nodeId=" + dinghai)).isEqualTo(count("u.path like '/33/3309/330902/%'"));
        String name = jdbc.sql("select name from person order by id limit 1").query(String.class).single();
        assertThat(total("q=" + enc(name))).isEqualTo(count("p.name like '%" + name + "%'"));
    }

    @Test
    void ageFilterIsInclusive() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long under35 = total("ageMax=34");
        long expected = jdbc.sql("select count(*) from person where service_status = '在职' and birth_date > :d")
                .param("d", today.minusYears(35)).query(Long.class).single();
        assertThat(under35).isEqualTo(expected).isPositive();
        assertThat(total("ageMin=35") + under35).isEqualTo(total(""));
    }

    @Test
    void pagingVisitsEveryPersonOnce() throws Exception {
        long unit = tree.byCode("3309U02").orElseThrow().id();
        long expected = total("nodeId=" + unit);
        Set<Long> seen = new HashSet<>();
        for (int page = 1; page <= (expected + 6) / 7; page++) {
            getJson("/api/people?size=7&nodeId=" + unit + "&page=" + page).get("items")
                    .forEach(p -> seen.add(p.get("id").asLong()));
        }
        assertThat(seen).hasSize((int) expected);
    }

    @Test
    void listPageShowsFiltersPagingAndMaskedIdentifiers() throws Exception {
        String html = mvc.perform(get("/people").param("gender", "女").with(users.page("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("干部名册", "下一页", "gender=%E5%A5%B3&amp;page=2", "**********");
        assertThat(html).containsPattern("\\d{3}\\*{4}\\d{4}");
    }

    private long total(String query) throws Exception {
        return getJson("/api/people?size=1&" + query).get("total").asLong();
    }

    private JsonNode getJson(String url) throws Exception {
        return json.readTree(mvc.perform(get(java.net.URI.create(url))
                        .with(api("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from person p join org_node u on u.id = p.unit_id where p.service_status = '在职' and "
                        + condition)
                .query(Long.class).single();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package cn.zugong.party.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.people.RosterWriter;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 三个一批 (ADR 070): the ordered rule gives each kind of member its organisation — 工作地纳管 (the employer's 两新
 * organisation), 居住地接收 (the community where the member lives), 区域性党组织覆盖 (the 驻外 organisation of the
 * destination) — the workplace winning over the regional one for a member both could take; a member no rule fits
 * stays on the 逐人纳管 list with each rule's reason. Cities carry a run tag, so no demo row or earlier run interferes.
 */
@IntegrationTest
class MobileRuleIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;

    @Test
    void eachKindOfMemberIsManagedByTheRuleAndTheRestAreListedWithWhy() throws Exception {
        MobileFixtures fx = new MobileFixtures(jdbc, roster);
        long branch = fx.villageBranch("330902");
        String work = "工城" + fx.run, live = "居城" + fx.run, away = "驻城" + fx.run, none = "空城" + fx.run;
        String employer = "测试科技" + fx.run;

        host("WORKPLACE", "工作地党支部" + fx.run, work, null, employer, null, null);
        host("WORKPLACE", "驻城企业党支部" + fx.run, away, null, "驻城企业" + fx.run, null, null);
        host("RESIDENCE", "居住地社区党委" + fx.run, live, "东区", null, null, null);
        host("REGIONAL", "舟山驻外流动党员党委" + fx.run, null, null, null, null, away);

        long w = open(fx.member(branch, "工作地"), work, null, employer, null, null);
        long r = open(fx.member(branch, "居住地"), "别城" + fx.run, null, "别的公司", live, "东区");
        long g = open(fx.member(branch, "区域"), away, null, "别的公司", null, null);
        long both = open(fx.member(branch, "两可"), away, null, "驻城企业" + fx.run, null, null);
        long u = open(fx.member(branch, "未纳管"), none, "南区", "无组织公司", null, null);

        // before the rule runs, all five are on the list
        assertThat(unmanagedIds()).contains(w, r, g, both, u);

        String answer = mvc.perform(post("/api/party/mobile/assign").with(TestUsers.api("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((Integer) JsonPath.read(answer, "$.assigned")).isGreaterThanOrEqualTo(4);

        assertThat(managed(w)).isEqualTo("WORKPLACE:工作地党支部" + fx.run);
        assertThat(managed(r)).isEqualTo("RESIDENCE:居住地社区党委" + fx.run);
        assertThat(managed(g)).isEqualTo("REGIONAL:舟山驻外流动党员党委" + fx.run);
        assertThat(managed(both)).isEqualTo("WORKPLACE:驻城企业党支部" + fx.run);
        assertThat(jdbc.sql("select count(*) from mobile_file where id = :id and host_id is null").param("id", u)
                .query(Long.class).single()).isEqualTo(1);

        // the 逐人纳管 list: only the one no rule fits, with each rule's reason in the rule's order
        assertThat(unmanagedIds()).contains(u).doesNotContain(w, r, g, both);
        List<List<String>> reasons = List.of();
        for (int p = 1; reasons.isEmpty() && p <= 100; p++) {
            String list = mvc.perform(get("/api/party/mobile/unmanaged").param("size", "200")
                            .param("page", String.valueOf(p)).with(TestUsers.api("dinghai")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            reasons = JsonPath.read(list, "$.items[?(@.file.id == " + u + ")].reasons");
        }
        assertThat(reasons.get(0)).containsExactly(
                "工作地纳管一批：" + none + "南区“无组织公司”没有登记的工作地党组织",
                "居住地接收一批：未登记居住地",
                "区域性党组织覆盖一批：没有覆盖" + none + "的驻外（区域性）党组织");
        String page = mvc.perform(get("/party/mobile/unmanaged").param("page", "1").with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("逐人纳管");

        // a host for the last one's destination, the rule again: nobody of this run is left
        host("REGIONAL", "舟山驻空城党支部" + fx.run, null, null, null, null, none);
        mvc.perform(post("/party/mobile/unmanaged/assign").with(users.page("dinghai")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(managed(u)).isEqualTo("REGIONAL:舟山驻空城党支部" + fx.run);
        assertThat(unmanagedIds()).doesNotContain(w, r, g, both, u);
    }

    private void host(String kind, String name, String city, String district, String employer, String community,
                      String destinations) throws Exception {
        var request = post("/party/mobile/hosts").with(users.page("dinghai")).with(csrf()).param("kind", kind)
                .param("name", name);
        for (var p : Map.of("city", String.valueOf(city), "district", String.valueOf(district), "employer",
                String.valueOf(employer), "community", String.valueOf(community), "destinations",
                String.valueOf(destinations)).entrySet()) {
            if (!p.getValue().equals("null")) {
                request = request.param(p.getKey(), p.getValue());
            }
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from mobile_host where name = :n").param("n", name).query(Long.class)
                .single()).isEqualTo(1);
    }

    private long open(MobileFixtures.Member m, String city, String district, String employer, String liveCity,
                      String liveDistrict) throws Exception {
        String body = "{\"memberId\":" + m.id() + ",\"city\":\"" + city + "\"" + (district == null ? "" : ",\"district\":\""
                + district + "\"") + ",\"employer\":\"" + employer + "\"" + (liveCity == null ? "" : ",\"liveCity\":\""
                + liveCity + "\",\"liveDistrict\":\"" + liveDistrict + "\"")
                + ",\"leftOn\":\"2026-06-01\",\"reason\":\"务工\",\"relation\":\"未转出\"}";
        String answer = mvc.perform(post("/api/party/mobile/files").with(TestUsers.api("dinghai"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    private String managed(long file) {
        return jdbc.sql("select f.host_rule || ':' || h.name from mobile_file f join mobile_host h on h.id = f.host_id "
                + "where f.id = :id").param("id", file).query(String.class).single();
    }

    /** Every unmanaged file in dinghai's scope, page by page. */
    private List<Long> unmanagedIds() throws Exception {
        List<Long> out = new java.util.ArrayList<>();
        for (int page = 1; page <= 100; page++) {
            String list = mvc.perform(get("/api/party/mobile/unmanaged").param("size", "200")
                            .param("page", String.valueOf(page)).with(TestUsers.api("dinghai")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            List<Number> ids = JsonPath.read(list, "$.items[*].file.id");
            ids.forEach(n -> out.add(n.longValue()));
            if (ids.size() < 200) {
                break;
            }
        }
        return out;
    }
}

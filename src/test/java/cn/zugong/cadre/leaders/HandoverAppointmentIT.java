package cn.zugong.cadre.leaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.cadre.young.YoungFixture;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.Role;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A 离任交接 linked to the 选拔任用纪实 that moves the leader out of the township (issue 19 items 2 and 5, ADR 078):
 * linked when opened (the latest record of the leader, or the one named), linked at 任职 to a handover opened before,
 * listed as 待发起 after 任职 and opened from there for a leader the roster has already moved; the record and the
 * handover pages show each other; wrong links refused with nothing written; scope and role. Townships of its own,
 * the clock pinned at 2026-12-04.
 */
@IntegrationTest
class HandoverAppointmentIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired TestClock clock;

    YoungFixture fx;

    @BeforeEach
    void pin() {
        clock.setTo(LocalDateTime.of(2026, 12, 4, 10, 0));
        fx = new YoungFixture(jdbc, roster, accounts, org, tree);
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    long leader(long unit, String name, String post) {
        return fx.person(unit, name, LocalDate.of(1975, 1, 1), "研究生", "一级调研员", post, LocalDate.of(1997, 7, 1));
    }

    ResultActions postJson(String who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(TestUsers.api(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
                .longValue();
    }

    String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** An 交流 of the person to {@code unit} opened at 动议 by 定海's office; {@code leavePost} the 拟免职务 or null. */
    long exchange(long person, long unit, String leavePost) throws Exception {
        return id(postJson("dinghai", "/api/cadres/appointments", "{\"personId\":\"" + person + "\",\"kind\":\"EXCHANGE\","
                + "\"unitId\":\"" + unit + "\",\"targetPost\":\"党委副书记\"," + (leavePost == null ? ""
                : "\"leavePost\":\"" + leavePost + "\",") + "\"reason\":\"工作需要\",\"proposedOn\":\"2026-10-08\"}")
                .andExpect(status().isOk()));
    }

    /** The remaining steps, 任职 on 2026-11-20 (公示 2026-11-02 to 11-13). */
    void complete(long id) throws Exception {
        String[][] steps = {{"RECOMMENDATION", "2026-10-12", null}, {"INSPECTION", "2026-10-16", null},
            {"DECISION", "2026-10-27", null}, {"PUBLICITY", "2026-11-02", "2026-11-13"}, {"APPOINTMENT", "2026-11-20", null}};
        for (String[] s : steps) {
            postJson("dinghai", "/api/cadres/appointments/" + id + "/steps", "{\"step\":\"" + s[0] + "\",\"doneOn\":\""
                    + s[1] + "\"" + (s[2] == null ? "" : ",\"endsOn\":\"" + s[2] + "\"") + "}").andExpect(status().isOk());
        }
    }

    Long linkOf(long handover) {
        return jdbc.sql("select appointment_id from leader_handover where id = :h").param("h", handover)
                .query(Long.class).optional().orElse(null);
    }

    long handovers(long person) {
        return jdbc.sql("select count(*) from leader_handover where leaving_person_id = :p").param("p", person)
                .query(Long.class).single();
    }

    static String open(long township, long leaving, long receiving, String leavesOn, Long appointment) {
        return "{\"townshipId\":\"" + township + "\",\"leavingId\":\"" + leaving + "\",\"receivingId\":\"" + receiving
                + "\"" + (leavesOn == null ? "" : ",\"leavesOn\":\"" + leavesOn + "\"")
                + (appointment == null ? "" : ",\"appointmentId\":\"" + appointment + "\"") + "}";
    }

    @Test
    void aHandoverOpenedBeforeTheAppointmentIsLinkedAtItsAppointmentAndOneOpenedAfterFindsTheRecord() throws Exception {
        long[] t = fx.township("纪实交接");
        long[] to = fx.township("纪实去向");
        long head = leader(t[1], "书记", "乡科级正职");
        long next = leader(t[1], "镇长", "乡科级副职");

        // opened first, no record yet: unlinked; the record's 任职 links it
        long h1 = id(postJson("dinghai", "/api/cadres/leaders/handovers", open(t[0], head, next, "2026-11-20", null))
                .andExpect(status().isOk()));
        assertThat(linkOf(h1)).isNull();
        long a1 = exchange(head, to[1], "纪实交接镇党委书记");
        complete(a1);
        assertThat(linkOf(h1)).isEqualTo(a1);
        assertThat(jdbc.sql("select unit_id from person where id = :p").param("p", head).query(Long.class).single())
                .as("the roster moved the leader out").isEqualTo(to[1]);
        assertThat(body(mvc.perform(get("/cadres/leaders/handovers/" + h1).with(users.page("dinghai")))
                .andExpect(status().isOk()))).contains("/cadres/appointments/" + a1).contains("交流：").contains("免去纪实交接镇党委书记");
        assertThat(body(mvc.perform(get("/cadres/appointments/" + a1).with(users.page("dinghai"))).andExpect(status().isOk())))
                .contains("/cadres/leaders/handovers/" + h1).doesNotContain("start-handover");

        // a record at 动议: the handover opened now takes it without being told
        long deputy = leader(t[1], "副书记", "乡科级副职");
        long a2 = exchange(deputy, to[1], "纪实交接镇党委副书记");
        long h2 = id(postJson("dinghai", "/api/cadres/leaders/handovers", open(t[0], deputy, next, "2026-12-01", null))
                .andExpect(status().isOk()));
        assertThat(linkOf(h2)).isEqualTo(a2);
    }

    @Test
    void aLeaderMovedByTheRecordIsPendingAndHandsOverFromItWhileWrongLinksAreRefused() throws Exception {
        long[] t = fx.township("待交接");
        long[] to = fx.township("待去向");
        long head = leader(t[1], "书记", "乡科级正职");
        long next = leader(t[1], "镇长", "乡科级副职");
        long noPost = leader(t[1], "未写拟免", "乡科级副职");
        long stranger = leader(to[1], "外镇", "乡科级副职");
        long a = exchange(head, to[1], "待交接镇党委书记");
        complete(a);
        long silent = exchange(noPost, to[1], null);
        complete(silent);

        // 待发起: the record in force, the leader named; not the record without 拟免职务; not another district's office
        String list = body(mvc.perform(get("/cadres/leaders/handovers").with(users.page("dinghai"))).andExpect(status().isOk()));
        assertThat(list).contains("data-appointment=\"" + a + "\"").doesNotContain("data-appointment=\"" + silent + "\"");
        assertThat(body(mvc.perform(get("/cadres/leaders/handovers").with(users.page("putuo"))).andExpect(status().isOk())))
                .doesNotContain("data-appointment=\"" + a + "\"");
        assertThat(body(mvc.perform(get("/cadres/appointments/" + a).with(users.page("dinghai"))).andExpect(status().isOk())))
                .contains("调离").contains("start-handover");

        // refused, nothing written: someone never in the township; a record without 拟免职务; another person's record
        assertThat(body(postJson("dinghai", "/api/cadres/leaders/handovers", open(t[0], stranger, next, "2026-11-20", null))
                .andExpect(status().isBadRequest()))).contains("也没有调离");
        assertThat(body(postJson("dinghai", "/api/cadres/leaders/handovers", open(t[0], noPost, next, "2026-11-20", silent))
                .andExpect(status().isBadRequest()))).contains("未写拟免职务");
        assertThat(body(postJson("dinghai", "/api/cadres/leaders/handovers", open(t[0], head, next, null, silent))
                .andExpect(status().isBadRequest()))).contains("不是").contains("调离");
        // another township's office: the township is not theirs (404); a LEADER of the district may not write (403)
        String other = fx.account(Role.ADMIN, to[0]);
        postJson(other, "/api/cadres/leaders/handovers", open(t[0], head, next, null, a)).andExpect(status().isNotFound());
        String viewer = fx.account(Role.LEADER, tree.byCode("330902").orElseThrow().id());
        postJson(viewer, "/api/cadres/leaders/handovers", open(t[0], head, next, null, a)).andExpect(status().isForbidden());
        assertThat(handovers(head) + handovers(noPost) + handovers(stranger)).isZero();

        // 发起 from the record on the page: the 离任日期 left empty is the 任职 day
        String form = body(mvc.perform(get("/cadres/leaders/handovers").param("township", String.valueOf(t[0]))
                .param("appointment", String.valueOf(a)).with(users.page("dinghai"))).andExpect(status().isOk()));
        assertThat(form).contains("name=\"appointmentId\" value=\"" + a + "\"");
        String to1 = mvc.perform(post("/cadres/leaders/handovers").with(users.page("dinghai")).with(csrf())
                        .param("townshipId", String.valueOf(t[0])).param("leavingId", String.valueOf(head))
                        .param("receivingId", String.valueOf(next)).param("appointmentId", String.valueOf(a))
                        .param("leavesOn", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long h = Long.parseLong(to1.substring(to1.lastIndexOf('/') + 1));
        assertThat(linkOf(h)).isEqualTo(a);
        assertThat(jdbc.sql("select leaves_on from leader_handover where id = :h").param("h", h).query(LocalDate.class)
                .single()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(body(mvc.perform(get("/cadres/leaders/handovers").with(users.page("dinghai"))).andExpect(status().isOk())))
                .doesNotContain("data-appointment=\"" + a + "\"");
        // the record is taken: a second handover naming it is refused
        long deputy = leader(t[1], "副镇长", "乡科级副职");
        assertThat(body(postJson("dinghai", "/api/cadres/leaders/handovers", open(t[0], deputy, next, "2026-11-20", a))
                .andExpect(status().isBadRequest()))).contains("已关联其他离任交接");
        assertThat(handovers(deputy)).isZero();
        // the API's handover shows the record
        assertThat(body(mvc.perform(get("/api/cadres/leaders/handovers/" + h).with(TestUsers.api("dinghai")))
                .andExpect(status().isOk()))).contains("\"appointmentId\":" + a);
    }
}

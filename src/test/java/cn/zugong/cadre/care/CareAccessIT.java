package cn.zugong.cadre.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The care records exist only for ADMIN of the scope and 干部监督 (ADR 074/077): every page and API route answers 404
 * to LEADER, REVIEWER, REPORTER and another district's ADMIN with nothing changed in the database, the filter chain
 * refuses CADRE, TALENT, PARTY_MEMBER and the officers (403), and every read of a record, a list or an export is in
 * the audit trail.
 */
@IntegrationTest
class CareAccessIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    long create(String path, String json) throws Exception {
        String body = mvc.perform(post("/api/cadres/care" + path).with(TestUsers.api("dinghai"))
                        .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void everyCareRouteIsAbsentForOtherRolesAndOtherDistrictsAndReadsAreAudited() throws Exception {
        CareFixtures fx = new CareFixtures(jdbc);
        List<Long> p = fx.people("330902", 20, 3);
        long c = create("/cases", "{\"personId\":" + p.get(0) + ",\"matter\":\"事由\",\"appliedOn\":\"2026-11-02\"}");
        long cl = create("/clearances", "{\"personId\":" + p.get(0) + ",\"report\":\"不实\",\"clearedOn\":\"2026-11-02\","
                + "\"published\":\"会议通报\",\"reach\":\"本单位\"}");
        long d = create("/disciplines", "{\"personId\":" + p.get(1) + ",\"kind\":\"警告\",\"decidedOn\":\"2025-01-02\","
                + "\"summary\":\"失职\"}");
        long b = create("/rewards", "{\"name\":\"批次\",\"awardedOn\":\"2026-11-02\",\"basis\":\"通知\",\"items\":[]}");
        long e = create("/exemplars", "{\"personId\":" + p.get(2) + ",\"round\":\"2026\",\"deeds\":\"事迹\"}");
        long a = fx.appointment(p.get(1), "PROMOTION", "DONE", java.time.LocalDate.of(2026, 10, 1));

        List<String> gets = List.of("", "/export.xlsx", "/cases", "/cases/" + c, "/clearances", "/visits",
                "/disciplines/" + d, "/reuses", "/rewards", "/rewards/" + b, "/exemplars", "/exemplars/" + e);
        List<String> apiGets = List.of("/figures", "/export.xlsx", "/people?q=a", "/criteria", "/cases", "/cases/" + c,
                "/clearances", "/clearances/" + cl, "/disciplines", "/disciplines/" + d, "/overdue", "/reuses",
                "/rewards", "/rewards/" + b, "/exemplars", "/exemplars/" + e);
        String person = "{\"personId\":" + p.get(0) + ",\"matter\":\"x\",\"appliedOn\":\"2026-11-02\",\"report\":\"x\","
                + "\"clearedOn\":\"2026-11-02\",\"published\":\"会议通报\",\"reach\":\"本单位\",\"kind\":\"警告\","
                + "\"decidedOn\":\"2026-11-02\",\"summary\":\"x\",\"round\":\"x\",\"deeds\":\"x\"}";
        List<String[]> apiPosts = new ArrayList<>(List.of(new String[] {"/cases", person},
                new String[] {"/cases/" + c + "/verify", "{\"finding\":\"x\",\"verifiedOn\":\"2026-11-03\"}"},
                new String[] {"/cases/" + c + "/decide", "{\"result\":\"REFUSED\",\"note\":\"x\"}"},
                new String[] {"/clearances", person}, new String[] {"/disciplines", person},
                new String[] {"/disciplines/" + d + "/visits", "{\"visitedOn\":\"2026-11-03\",\"visitors\":\"x\",\"content\":\"x\"}"},
                new String[] {"/disciplines/" + d + "/dunning", "{}"},
                new String[] {"/reuses", "{\"disciplineId\":" + d + ",\"appointmentId\":" + a + "}"},
                new String[] {"/rewards", "{\"name\":\"x\",\"awardedOn\":\"2026-11-02\",\"basis\":\"x\"}"},
                new String[] {"/rewards/" + b + "/items", "{\"personId\":" + p.get(0) + ",\"reason\":\"x\"}"},
                new String[] {"/exemplars", person},
                new String[] {"/exemplars/" + e + "/review", "{\"passed\":true}"},
                new String[] {"/exemplars/" + e + "/publicity", "{}"},
                new String[] {"/exemplars/" + e + "/publish", "{}"}));
        List<String[]> pagePosts = List.of(new String[] {"/cases", "personId", String.valueOf(p.get(0))},
                new String[] {"/cases/" + c + "/verify", "finding", "x"},
                new String[] {"/cases/" + c + "/decide", "result", "REFUSED"},
                new String[] {"/clearances", "personId", String.valueOf(p.get(0))},
                new String[] {"/disciplines", "personId", String.valueOf(p.get(0))},
                new String[] {"/disciplines/" + d + "/visits", "visitors", "x"},
                new String[] {"/disciplines/" + d + "/dunning", "x", "x"},
                new String[] {"/disciplines/" + d + "/reuses", "appointmentId", String.valueOf(a)},
                new String[] {"/rewards", "name", "x"}, new String[] {"/rewards/" + b + "/items", "reason", "x"},
                new String[] {"/exemplars", "personId", String.valueOf(p.get(0))},
                new String[] {"/exemplars/" + e + "/review", "passed", "true"},
                new String[] {"/exemplars/" + e + "/publicity", "workdays", "5"},
                new String[] {"/exemplars/" + e + "/publish", "x", "x"});

        String before = fx.snapshot();
        long audits = jdbc.sql("select count(*) from audit_entry where object_type like 'care%'").query(Long.class)
                .single();
        // LEADER, REVIEWER, REPORTER reach /cadres but not these; putuo's ADMIN reaches them, not 定海's records
        for (String who : List.of("leader", "reviewer", "reporter", "putuo")) {
            boolean outOfScopeOnly = who.equals("putuo");
            for (String g : gets) {
                boolean listOrFigures = !g.matches(".*/\\d+$");
                int expected = outOfScopeOnly && listOrFigures ? 200 : 404;
                mvc.perform(get("/cadres/care" + g).with(users.page(who))).andExpect(status().is(expected));
            }
            for (String g : apiGets) {
                boolean listOrFigures = !g.matches(".*/\\d+$");
                int expected = outOfScopeOnly && listOrFigures ? 200 : 404;
                mvc.perform(get("/api/cadres/care" + g).with(TestUsers.api(who))).andExpect(status().is(expected));
            }
            for (String[] w : apiPosts) {
                if (outOfScopeOnly && w[0].equals("/rewards")) {
                    continue; // an ADMIN awards in the own scope: not a refusal
                }
                boolean creates = w[0].matches("/[a-z]+$");
                int status = mvc.perform(post("/api/cadres/care" + w[0]).with(TestUsers.api(who))
                        .contentType(MediaType.APPLICATION_JSON).content(w[1])).andReturn().getResponse().getStatus();
                if (outOfScopeOnly && creates) {
                    assertThat(status).as(who + " " + w[0]).isBetween(400, 499);
                } else {
                    assertThat(status).as(who + " " + w[0]).isEqualTo(404);
                }
            }
            for (String[] w : pagePosts) {
                int status = mvc.perform(post("/cadres/care" + w[0]).with(users.page(who)).with(csrf())
                        .param(w[1], w[2])).andReturn().getResponse().getStatus();
                if (!outOfScopeOnly) {
                    assertThat(status).as(who + " page " + w[0]).isEqualTo(404);
                } else {
                    assertThat(status).as(who + " page " + w[0]).isIn(302, 400, 404);
                }
            }
            assertThat(fx.snapshot()).as(who).isEqualTo(before);
        }
        // putuo's lists were reads of its own scope (audited); the others left no care read behind
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type like 'care%' and action = "
                + "'READ_PERSONAL' and actor in ('leader', 'reviewer', 'reporter')").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type like 'care%'").query(Long.class)
                .single()).isGreaterThan(audits);
        // the filter chain: roles that never reach /cadres
        for (String who : List.of("cadre", "talent", "dangyuan", "sysadmin", "secadmin", "auditor")) {
            mvc.perform(get("/cadres/care").with(users.page(who))).andExpect(status().isForbidden());
            mvc.perform(get("/api/cadres/care/cases/" + c).with(TestUsers.api(who))).andExpect(status().isForbidden());
            mvc.perform(post("/api/cadres/care/cases").with(TestUsers.api(who)).contentType(MediaType.APPLICATION_JSON)
                    .content(person)).andExpect(status().isForbidden());
        }
        assertThat(fx.snapshot()).isEqualTo(before);

        // 干部监督 and the district's ADMIN read; each read audited
        for (String[] r : List.of(new String[] {"/api/cadres/care/cases/" + c, "care_case", String.valueOf(c)},
                new String[] {"/cadres/care/cases/" + c, "care_case", String.valueOf(c)},
                new String[] {"/api/cadres/care/clearances/" + cl, "care_clearance", String.valueOf(cl)},
                new String[] {"/cadres/care/disciplines/" + d, "care_discipline", String.valueOf(d)},
                new String[] {"/api/cadres/care/rewards/" + b, "care_reward_batch", String.valueOf(b)},
                new String[] {"/cadres/care/exemplars/" + e, "care_exemplar", String.valueOf(e)},
                new String[] {"/api/cadres/care/cases", "care_case", "list"},
                new String[] {"/cadres/care/visits", "care_discipline", "list"},
                new String[] {"/api/cadres/care/export.xlsx", "care_export", "xlsx"},
                new String[] {"/cadres/care/export.xlsx", "care_export", "xlsx"})) {
            for (String who : List.of("jiandu", "dinghai")) {
                long n = fx.audits(who, r[1], r[2]);
                var request = get(r[0]);
                mvc.perform(r[0].startsWith("/api") ? request.with(TestUsers.api(who)) : request.with(users.page(who)))
                        .andExpect(status().isOk());
                // at least one entry (the 暖心回访 page reads two lists: 督办 and the schedules)
                assertThat(fx.audits(who, r[1], r[2])).as(who + " " + r[0]).isGreaterThan(n);
            }
        }
    }
}

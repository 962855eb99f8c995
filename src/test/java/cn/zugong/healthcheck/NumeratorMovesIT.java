package cn.zugong.healthcheck;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.RosterVersions;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.PackId;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.OrgScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 与上次相比 over HTTP: who entered and who left an indicator's numerator between two evaluations of a test
 * township (as of 2026-05-01 and 2026-11-01), with the reasons, on the hand-written history of
 * {@link RosterVersions#sampleHistory} plus 龄六 (A, born 1990-09-01, no recorded change: 35 in May, 36 in November).
 */
@IntegrationTest
class NumeratorMovesIT {

    private static final String TOWNSHIP = "330902T93";
    private static final PackId PACK = new PackId("healthcheck", 1);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired Evaluations evaluations;
    @Autowired ObjectMapper json;

    long a;
    long b;
    long township;

    @BeforeEach
    void history() {
        if (RosterVersions.sampleTownship(TOWNSHIP, "比较测试", org, tree, roster, jdbc)) {
            long unitA = tree.byCode(TOWNSHIP + "A").orElseThrow().id();
            long p6 = RosterVersions.person(roster, jdbc, unitA, "龄六", "女", LocalDate.of(1990, 9, 1), 506);
            RosterVersions.version(p6, unitA).set("gender", "女").set("birth_date", LocalDate.of(1990, 9, 1))
                    .valid(LocalDate.of(2016, 1, 1), RosterVersions.OPEN).insert(jdbc);
        }
        a = tree.byCode(TOWNSHIP + "A").orElseThrow().id();
        b = tree.byCode(TOWNSHIP + "B").orElseThrow().id();
        township = tree.byCode(TOWNSHIP).orElseThrow().id();
    }

    @Test
    void theComparisonListsWhoMovedAndWhy() throws Exception {
        OrgScope scope = tree.byId(township).orElseThrow().asScope();
        evaluations.evaluate(LocalDate.of(2026, 5, 1), PACK, scope, "tester");
        Evaluation nov = evaluations.evaluate(LocalDate.of(2026, 11, 1), PACK, scope, "tester");
        long marker = AuditLog.last(jdbc);

        // A0117 35周岁及以下干部人数 in A: May 调二 and 龄六, November nobody
        Map<String, JsonNode> moves = moves(a, "A0117", nov, "admin");
        assertThat(moves.keySet()).containsExactlyInAnyOrder("调二", "龄六");
        assertThat(moves.get("调二").get("movedIn").asBoolean()).isFalse();
        assertThat(reasons(moves.get("调二"))).containsExactly("单位 比较测试甲局 → 比较测试乙局", "2026-08-01 调动（调入乙局）");
        assertThat(reasons(moves.get("龄六"))).containsExactly("年龄增长");
        assertThat(AuditLog.since(jdbc, marker)).anySatisfy(e -> assertThat(e.summary()).contains("与上次相比", "2 人"));

        // in B: 新三 hired (调二 arrived but is 36 by November: not counted)
        moves = moves(b, "A0117", nov, "admin");
        assertThat(moves.keySet()).containsExactly("新三");
        assertThat(moves.get("新三").get("movedIn").asBoolean()).isTrue();
        assertThat(reasons(moves.get("新三"))).containsExactly("入职/调入（上次尚未在册）", "2026-07-01 入职（考录）");

        // at the township both units are inside: 调二 leaves the count because of age, not because of the transfer
        moves = moves(township, "A0117", nov, "admin");
        assertThat(reasons(moves.get("调二"))).containsExactly("年龄增长");

        // A0605 四级调研员占比 in A: 升一 promoted
        moves = moves(a, "A0605", nov, "admin");
        assertThat(moves.keySet()).containsExactly("升一");
        assertThat(reasons(moves.get("升一"))).containsExactly("职级 一级主任科员 → 四级调研员",
                "2026-06-15 晋升（晋升四级调研员）");

        // at the township (a roll-up): 调二 and 龄六 left A0117, 新三 entered
        moves = moves(township, "A0117", nov, "admin");
        assertThat(moves.keySet()).containsExactlyInAnyOrder("调二", "龄六", "新三");

        // scoped: a district outside sees nothing of it
        mvc.perform(get("/api/healthcheck/nodes/" + a + "/indicators/A0117/moves?evaluation=" + nov.id())
                .with(api("putuo"))).andExpect(status().isNotFound());

        // the indicator page shows it
        String html = mvc.perform(get("/healthcheck/nodes/" + a + "/indicators/A0117?evaluation=" + nov.id())
                        .with(users.page("admin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("与上次相比", "id=\"moves-out\">2<", "调二", "年龄增长");
    }

    private Map<String, JsonNode> moves(long node, String code, Evaluation e, String user) throws Exception {
        String body = mvc.perform(get("/api/healthcheck/nodes/" + node + "/indicators/" + code + "/moves?evaluation="
                        + e.id()).with(api(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode root = json.readTree(body);
        assertThat(root.get("previous").get("asOf").asText()).isEqualTo("2026-05-01");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        root.get("lines").forEach(l -> byName.put(l.get("name").asText(), l));
        return byName;
    }

    private static List<String> reasons(JsonNode line) {
        List<String> reasons = new ArrayList<>();
        line.get("reasons").forEach(r -> reasons.add(r.asText()));
        return reasons;
    }
}

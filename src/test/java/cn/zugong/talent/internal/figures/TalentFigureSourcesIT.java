package cn.zugong.talent.internal.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zugong.FigureNodes;
import cn.zugong.FigureSourceChecks;
import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.security.Accounts;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.TalentRegistry;
import cn.zugong.talent.internal.grants.GrantRuns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * talent.register, talent.services and talent.grants (issue 20): talents of a township of the test's own and of a
 * sibling, recognition cases decided on the last day of 2025, the first and last days of 2026 and in the sibling,
 * codes issued at the turns of the years, grant runs paid for December 2025, January and December 2026 and one still
 * pending; over 2026 each source adds up to its records, equals the talent figures API for the year and is zero on an
 * empty node. (码上办 applications have no fixture here: they are zero in this township, on the API too.)
 */
@IntegrationTest
class TalentFigureSourcesIT {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired TalentFigureSources.Register register;
    @Autowired TalentFigureSources.Services services;
    @Autowired TalentFigureSources.Grants grants;
    @Autowired TalentRegistry registry;
    @Autowired GrantRuns runs;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void figuresAddUpEqualTheFiguresApiAndKeepToScopeAndPeriod() throws Exception {
        FigureNodes nodes = new FigureNodes(jdbc, accounts);
        OrgScope township = nodes.node("330902", "TOWNSHIP", "人才测试镇");
        OrgScope sibling = nodes.node("330902", "TOWNSHIP", "人才测试邻镇");
        long a = talent(township, 1);
        long b = talent(township, 2);
        long other = talent(sibling, 3);
        recognition(a, township, "DECIDED", "2025-12-31");
        recognition(a, township, "DECIDED", "2026-01-01");
        recognition(b, township, "DECIDED", "2026-12-31");
        recognition(b, township, "SUBMITTED", null);
        recognition(other, sibling, "DECIDED", "2026-03-01");
        code(a, LocalDateTime.of(2025, 12, 31, 23, 59));
        code(a, LocalDateTime.of(2026, 1, 1, 0, 0));
        code(b, LocalDateTime.of(2026, 12, 31, 23, 0));
        code(other, LocalDateTime.of(2026, 5, 1, 9, 0));
        String rule = runs.rules().names().keySet().iterator().next();
        grant(a, township, 202512, "PAID", rule, "1000.00");
        grant(a, township, 202601, "PAID", rule, "2000.50");
        grant(b, township, 202612, "PAID", rule, "3000.00");
        grant(b, township, 202606, "PENDING", rule, "400.00");
        grant(other, sibling, 202603, "PAID", rule, "5000.00");

        CurrentUser admin = new CurrentUser(0, "fgadmin", "测试", Role.ADMIN, township, "人才测试镇");
        Map<String, BigDecimal> reg = FigureSourceChecks.assertConsistent(register, township, FROM, TO, admin);
        Map<String, BigDecimal> srv = FigureSourceChecks.assertConsistent(services, township, FROM, TO, admin);
        Map<String, BigDecimal> gr = FigureSourceChecks.assertConsistent(grants, township, FROM, TO, admin);
        assertThat(reg.get("recognised")).isEqualByComparingTo("2");
        assertThat(reg.get("codes")).isEqualByComparingTo("2");
        assertThat(srv.get("applications")).isEqualByComparingTo("0");
        assertThat(gr.get("amountYuan")).isEqualByComparingTo("5000.50");

        String username = nodes.account(Role.ADMIN, township.nodeId());
        JsonNode api = json.readTree(mvc.perform(get("/api/talent/figures?year=2026").with(TestUsers.api(username)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(reg.get("recognised")).isEqualByComparingTo(api.at("/recognitions/decided").decimalValue());
        assertThat(reg.get("codes")).isEqualByComparingTo(api.at("/codes/issuedInYear").decimalValue());
        assertThat(srv.get("applications")).isEqualByComparingTo(api.at("/services/total/applications").decimalValue());
        assertThat(srv.get("materialsCutPct")).isEqualByComparingTo(api.at("/reduction").decimalValue());
        assertThat(gr.get("amountYuan")).isEqualByComparingTo(api.at("/grants/paid").decimalValue());
        assertThat(register.page(township, FROM, TO)).isEqualTo("/talent/figures?year=2026");

        OrgScope empty = nodes.node("330902", "TOWNSHIP", "人才测试空镇");
        for (var source : List.of(register, services, grants)) {
            assertThat(FigureSourceChecks.assertConsistent(source, empty, FROM, TO, admin).values())
                    .allSatisfy(v -> assertThat(v).isZero());
        }
    }

    long talent(OrgScope node, int n) {
        LocalDate birth = LocalDate.of(1989, 4, n);
        return registry.register(new NewTalent(node.nodeId(), null, "这一年人才" + n, "男", birth,
                IdNumbers.of("330902", birth, 100 + (int) ((System.nanoTime() / 1000 + SEQ.incrementAndGet()) % 800)), null, null, "ENGINEER", "FISHERY",
                "MASTER", null, null, new BigDecimal("200000"), LocalDate.of(2025, 3, 1), List.of()), "figures-source-it");
    }

    void recognition(long talent, OrgScope node, String status, String decidedOn) {
        LocalDateTime at = LocalDateTime.of(2025, 6, 1, 9, 0);
        jdbc.sql("insert into talent_recognition_case (case_no, talent_id, node_id, route, status, level, summary, "
                        + "decided_on, created_by, created_at, updated_at) values (:no, :t, :n, 'REGULAR', :s, :lv, "
                        + "'这一年测试', :d, 'test', :at, :at)")
                .param("no", "FG" + FigureNodes.RUN + SEQ.incrementAndGet()).param("t", talent).param("n", node.nodeId())
                .param("s", status).param("lv", decidedOn == null ? null : "C")
                .param("d", decidedOn == null ? null : LocalDate.parse(decidedOn)).param("at", at).update();
    }

    void code(long talent, LocalDateTime issuedAt) {
        String key = jdbc.sql("select min(key_id) from talent_code_key").query(String.class).single();
        long serial = jdbc.sql("select coalesce(max(serial), 0) + 1 from talent_code").query(Long.class).single();
        jdbc.sql("insert into talent_code (serial, talent_id, key_id, level, valid_from, valid_until, payload, status, "
                        + "issued_by, issued_at) values (:s, :t, :k, 'C', :from, :until, :p, 'SUPERSEDED', 'test', :at)")
                .param("s", serial + 1_000_000_000L).param("t", talent).param("k", key)
                .param("from", issuedAt.toLocalDate()).param("until", issuedAt.toLocalDate().plusYears(1))
                .param("p", "fg-" + serial).param("at", issuedAt).update();
    }

    void grant(long talent, OrgScope node, int period, String status, String rule, String amount) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into talent_grant_run (node_id, period, status, computed_by, computed_at) "
                        + "values (:n, :p, :s, 'test', :at)").param("n", node.nodeId()).param("p", period)
                .param("s", status).param("at", LocalDateTime.of(2026, 12, 1, 9, 0)).update(key, "id");
        jdbc.sql("insert into talent_grant_line (run_id, talent_id, rule_code, ent_key, revision, granted_period, kind, "
                        + "amount) values (:r, :t, :rule, :ent, 0, :p, 'GRANT', :a)").param("r", key.getKey().longValue())
                .param("t", talent).param("rule", rule).param("ent", rule + ":" + period + ":" + SEQ.incrementAndGet())
                .param("p", period).param("a", new BigDecimal(amount)).update();
    }
}

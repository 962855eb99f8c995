package cn.zugong.prosperity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.FigureSourceChecks;
import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.shared.figures.FigureSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figure sources prosperity.workshops, .pairs, .matching and .joint (ADR 081) on a township of their own under
 * 普陀 (T: villages A and B), a second one outside the scope (U: village C) and an empty third (E); period 2026.
 * <ul>
 * <li>workshops: w1 (A, open since 2025), w2 (B, started 2026-12-31), w6 (A, closed 2026-01-01) in; w3 (closed
 * 2025-12-31), w4 (started 2027-01-01), w5 (C) out → 3. Ledger of 2026: w1 202601 (10, 30000, 1000.50) and 202612
 * (12, 36000, 2000), w6 202601 (5, 10000, 500); w1's 202512 and w5's are out → collective 3500.50, jobs 12 + 5 = 17,
 * 76000 / 27 worker-months = 2814.81.</li>
 * <li>pairs (as they stand): e1–A, e1–B, e2–B active, e2–A ended, e3–C outside → 2 enterprises, 2 villages; no
 * company (companies count by county, above the township); at 普陀 a company of ours adds one.</li>
 * <li>matching: o1 (two engagements, 2026-01-01 and 06-01), o2 (2026-12-31) in; o3 (2025-12-31), o4 (C) out → 2.</li>
 * <li>joint: j1 (A, founded 2026-12-31, two pairs), j2 (T, 2025, one pair) in; j3 (B, 2027-01-01), j4 (C) out → 2
 * committees, 3 pairs.</li>
 * </ul>
 */
@IntegrationTest
class ProsperityFigureSourcesIT {

    static final String RUN = Long.toString(System.nanoTime() % 2_000_000_000L, 36);
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final LocalDateTime AT = LocalDateTime.of(2026, 12, 1, 9, 0);
    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired List<FigureSource> sources;
    @Autowired ObjectMapper json;

    long putuo;

    @Test
    void workshopsPairsMatchingAndJointAddUpAndEqualTheirPages() throws Exception {
        putuo = id("330903");
        String t = "330903P" + RUN;
        long township = node("330903", "TOWNSHIP", t);
        long a = node(t, "VILLAGE", t + "A");
        long b = node(t, "VILLAGE", t + "B");
        String u = "330903Q" + RUN;
        node("330903", "TOWNSHIP", u);
        long c = node(u, "VILLAGE", u + "C");
        String e = "330903R" + RUN;
        long empty = node("330903", "TOWNSHIP", e);

        long w1 = workshop(a, "2025-05-01", null);
        workshop(b, "2026-12-31", null);
        long w3 = workshop(a, "2024-01-01", "2025-12-31");
        workshop(b, "2027-01-01", null);
        long w5 = workshop(c, "2026-01-01", null);
        long w6 = workshop(a, "2025-01-01", "2026-01-01");
        ledger(w1, 202512, 9, "9000", "900");
        ledger(w1, 202601, 10, "30000", "1000.50");
        ledger(w1, 202612, 12, "36000", "2000");
        ledger(w3, 202512, 4, "4000", "400");
        ledger(w5, 202606, 20, "50000", "5000");
        ledger(w6, 202601, 5, "10000", "500");

        long e1 = enterprise();
        long e2 = enterprise();
        long e3 = enterprise();
        pair(e1, a, "ACTIVE");
        pair(e1, b, "ACTIVE");
        pair(e2, b, "ACTIVE");
        pair(e2, a, "ENDED");
        pair(e3, c, "ACTIVE");

        long needA = need(a);
        long needB = need(b);
        long needC = need(c);
        long o1 = offer(township);
        long o2 = offer(township);
        engagement(needA, o1, "2026-01-01");
        engagement(needB, o1, "2026-06-01");
        engagement(needA, o2, "2026-12-31");
        engagement(needB, offer(township), "2025-12-31");
        engagement(needC, offer(township), "2026-05-01");

        committee(a, "2026-12-31", 2);
        committee(township, "2025-01-01", 1);
        committee(b, "2027-01-01", 1);
        committee(c, "2026-01-01", 1);

        OrgScope scope = scope(t);
        String admin = account(township);
        CurrentUser user = new CurrentUser(0, admin, "图源测试", Role.ADMIN, scope, "图源测试镇");

        Map<String, BigDecimal> w = FigureSourceChecks.assertConsistent(source("prosperity.workshops"), scope, FROM,
                TO, user);
        assertThat(w.get("workshops")).isEqualByComparingTo("3");
        assertThat(w.get("collectiveIncomeYuan")).isEqualByComparingTo("3500.50");
        assertThat(w.get("jobs")).isEqualByComparingTo("17");
        assertThat(w.get("monthlyIncomePerWorkerYuan")).isEqualByComparingTo("2814.81");
        JsonNode wp = api("/api/prosperity/workshops/figures?from=2026-01&to=2026-12", admin).at("/total");
        assertThat(wp.at("/workshops").asLong()).isEqualTo(w.get("workshops").longValue());
        assertThat(wp.at("/collectiveIncome").decimalValue()).isEqualByComparingTo(w.get("collectiveIncomeYuan"));
        assertThat(wp.at("/jobs").asLong()).isEqualTo(w.get("jobs").longValue());
        assertThat(wp.at("/wages").decimalValue().divide(BigDecimal.valueOf(wp.at("/workerMonths").asLong()), 2,
                RoundingMode.HALF_UP)).isEqualByComparingTo(w.get("monthlyIncomePerWorkerYuan"));
        assertThat(source("prosperity.workshops").page(scope, FROM, TO))
                .isEqualTo("/prosperity/workshops/figures?from=2026-01&to=2026-12");

        Map<String, BigDecimal> p = FigureSourceChecks.assertConsistent(source("prosperity.pairs"), scope, FROM, TO,
                user);
        assertThat(p).containsEntry("enterprises", BigDecimal.valueOf(2)).containsEntry("villages",
                BigDecimal.valueOf(2)).containsEntry("companies", BigDecimal.ZERO);
        JsonNode pp = api("/api/prosperity/pairs/figures", admin).at("/total");
        assertThat(pp.at("/enterprises").asLong()).isEqualTo(2);
        assertThat(pp.at("/villages").asLong()).isEqualTo(2);
        assertThat(pp.at("/companies").asLong()).isZero();
        // companies count by county: at 普陀 one of ours adds one, records and page alike
        OrgScope county = scope("330903");
        CurrentUser putuoUser = new CurrentUser(0, "putuo", "普陀", Role.ADMIN, county, "普陀区");
        BigDecimal before = FigureSourceChecks.assertConsistent(source("prosperity.pairs"), county, FROM, TO,
                putuoUser).get("companies");
        company(a);
        BigDecimal after = FigureSourceChecks.assertConsistent(source("prosperity.pairs"), county, FROM, TO,
                putuoUser).get("companies");
        assertThat(after).isEqualByComparingTo(before.add(BigDecimal.ONE));
        assertThat(api("/api/prosperity/pairs/figures", "putuo").at("/total/companies").asLong())
                .isEqualTo(after.longValue());

        Map<String, BigDecimal> m = FigureSourceChecks.assertConsistent(source("prosperity.matching"), scope, FROM,
                TO, user);
        assertThat(m).containsEntry("peopleEngaged", BigDecimal.valueOf(2));
        assertThat(api("/api/prosperity/matching/figures?from=" + FROM + "&to=" + TO, admin).at("/peopleEngaged")
                .asLong()).isEqualTo(2);

        Map<String, BigDecimal> j = FigureSourceChecks.assertConsistent(source("prosperity.joint"), scope, FROM, TO,
                user);
        assertThat(j).containsEntry("committees", BigDecimal.valueOf(2)).containsEntry("pairs", BigDecimal.valueOf(3));
        JsonNode jp = api("/api/prosperity/joint/figures?from=" + FROM + "&to=" + TO, admin).at("/total");
        assertThat(jp.at("/committees").asLong()).isEqualTo(2);
        assertThat(jp.at("/pairs").asLong()).isEqualTo(3);

        OrgScope none = scope(e);
        CurrentUser emptyUser = new CurrentUser(0, admin, "图源测试", Role.ADMIN, none, "图源空镇");
        for (String id : List.of("prosperity.workshops", "prosperity.pairs", "prosperity.matching",
                "prosperity.joint")) {
            assertThat(FigureSourceChecks.assertConsistent(source(id), none, FROM, TO, emptyUser).values())
                    .as(id).allSatisfy(v -> assertThat(v).isEqualByComparingTo(BigDecimal.ZERO));
        }
        String emptyAdmin = account(empty);
        assertThat(api("/api/prosperity/workshops/figures?from=2026-01&to=2026-12", emptyAdmin)
                .at("/total/workshops").asLong()).isZero();
        assertThat(api("/api/prosperity/joint/figures?from=" + FROM + "&to=" + TO, emptyAdmin)
                .at("/total/committees").asLong()).isZero();
    }

    private FigureSource source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private JsonNode api(String url, String user) throws Exception {
        return json.readTree(mvc.perform(get(url).with(TestUsers.api(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private long id(String code) {
        return jdbc.sql("select id from org_node where code = :c").param("c", code).query(Long.class).single();
    }

    private OrgScope scope(String code) {
        var row = jdbc.sql("select id, path from org_node where code = :c").param("c", code).query().singleRow();
        return new OrgScope(((Number) row.get("id")).longValue(), (String) row.get("path"));
    }

    private long node(String parentCode, String kind, String code) {
        var parent = jdbc.sql("select id, path, depth from org_node where code = :c").param("c", parentCode).query()
                .singleRow();
        jdbc.sql("insert into org_node (parent_id, kind, code, name, path, depth, sort_order) values (:p, :k, :c, :n, "
                        + ":path, :d, 0)").param("p", parent.get("id")).param("k", kind).param("c", code)
                .param("n", "图源" + code).param("path", parent.get("path") + code + "/")
                .param("d", ((Number) parent.get("depth")).intValue() + 1).update();
        return id(code);
    }

    private String account(long nodeId) {
        String username = "fg" + RUN + "x" + SEQ.incrementAndGet();
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "图源测试", Role.ADMIN, nodeId));
        return username;
    }

    private long workshop(long node, String startedOn, String closedOn) {
        String name = "图源工坊" + RUN + "-" + SEQ.incrementAndGet();
        jdbc.sql("""
                insert into workshop (name, node_id, county_id, type_code, started_on, provincial_model, status,
                  closed_on, created_by, created_at)
                values (:n, :node, :county, 'PROCESSING', :s, false, :st, :c, 'test', :at)""")
                .param("n", name).param("node", node).param("county", putuo).param("s", LocalDate.parse(startedOn))
                .param("st", closedOn == null ? "OPEN" : "CLOSED")
                .param("c", closedOn == null ? null : LocalDate.parse(closedOn)).param("at", AT).update();
        return jdbc.sql("select id from workshop where name = :n").param("n", name).query(Long.class).single();
    }

    private void ledger(long workshop, int month, int employed, String wages, String collective) {
        jdbc.sql("""
                insert into workshop_ledger (workshop_id, ledger_month, employed, low_income, wages, sales,
                  collective_income, source, entered_by, entered_at)
                values (:w, :m, :e, 0, :wages, 0, :c, 'FORM', 'test', :at)""")
                .param("w", workshop).param("m", month).param("e", employed).param("wages", new BigDecimal(wages))
                .param("c", new BigDecimal(collective)).param("at", AT).update();
    }

    private long enterprise() {
        String code = ("F" + RUN + "000000000000000000").substring(0, 16) + String.format("%02d", SEQ.incrementAndGet() % 100);
        jdbc.sql("insert into workshop_enterprise (credit_code, name, created_at) values (:c, :n, :at)")
                .param("c", code).param("n", "图源企业" + code).param("at", AT).update();
        return jdbc.sql("select id from workshop_enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single();
    }

    private void pair(long enterprise, long village, String status) {
        jdbc.sql("""
                insert into workshop_pair (enterprise_id, village_id, county_id, since, content, status, created_by,
                  created_at) values (:e, :v, :county, :s, '结对帮扶', :st, 'test', :at)""")
                .param("e", enterprise).param("v", village).param("county", putuo)
                .param("s", LocalDate.of(2025, 3, 1)).param("st", status).param("at", AT).update();
    }

    private void company(long village) {
        String name = "图源强村公司" + RUN;
        jdbc.sql("""
                insert into workshop_company (name, county_id, registered_capital, founded_on, created_by, created_at)
                values (:n, :county, 1000000, :f, 'test', :at)""").param("n", name).param("county", putuo)
                .param("f", LocalDate.of(2025, 1, 1)).param("at", AT).update();
        long id = jdbc.sql("select id from workshop_company where name = :n").param("n", name).query(Long.class)
                .single();
        jdbc.sql("insert into workshop_company_share (company_id, village_id, share_pct) values (:c, :v, 100)")
                .param("c", id).param("v", village).update();
    }

    private long need(long village) {
        String title = "图源需求" + RUN + "-" + SEQ.incrementAndGet();
        jdbc.sql("""
                insert into matching_need (node_id, poster_kind, poster_name, title, field, place_node_id, period_from,
                  period_to, headcount, status, posted_on, created_by, created_at)
                values (:v, 'VILLAGE', '图源村', :t, 'INDUSTRY', :v, :f, :to, 1, 'OPEN', :f, 'test', :at)""")
                .param("v", village).param("t", title).param("f", LocalDate.of(2025, 12, 1))
                .param("to", LocalDate.of(2027, 12, 31)).param("at", AT).update();
        return jdbc.sql("select id from matching_need where title = :t").param("t", title).query(Long.class).single();
    }

    private long offer(long node) {
        String name = "图源人才" + RUN + "-" + SEQ.incrementAndGet();
        jdbc.sql("""
                insert into matching_offer (node_id, kind, name, current_post, available_from, status, registered_on,
                  created_by, created_at)
                values (:n, 'CADRE', :name, '测试岗位', :f, 'ACTIVE', :f, 'test', :at)""")
                .param("n", node).param("name", name).param("f", LocalDate.of(2025, 12, 1)).param("at", AT).update();
        return jdbc.sql("select id from matching_offer where name = :n").param("n", name).query(Long.class).single();
    }

    private void engagement(long need, long offer, String startOn) {
        jdbc.sql("""
                insert into matching_engagement (need_id, offer_id, start_on, end_on, tasks, status, created_by,
                  created_at) values (:n, :o, :s, :e, '对接任务', 'ACTIVE', 'test', :at)""")
                .param("n", need).param("o", offer).param("s", LocalDate.parse(startOn))
                .param("e", LocalDate.parse(startOn).plusMonths(3)).param("at", AT).update();
    }

    private void committee(long node, String foundedOn, int pairs) {
        String name = "图源联合党委" + RUN + "-" + SEQ.incrementAndGet();
        jdbc.sql("""
                insert into joint_committee (node_id, name, kind, founded_on, created_by, created_at)
                values (:n, :name, 'JOINT', :f, 'test', :at)""").param("n", node).param("name", name)
                .param("f", LocalDate.parse(foundedOn)).param("at", AT).update();
        long id = jdbc.sql("select id from joint_committee where name = :n").param("n", name).query(Long.class)
                .single();
        for (int i = 0; i < pairs; i++) {
            jdbc.sql("insert into joint_pair (committee_id, outside_name, kind, paired_on) values (:c, :o, 'UNIT', :p)")
                    .param("c", id).param("o", "图源结对单位" + i).param("p", LocalDate.parse(foundedOn)).update();
        }
    }
}

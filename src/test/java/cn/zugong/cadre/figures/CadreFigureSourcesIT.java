package cn.zugong.cadre.figures;

import static cn.zugong.FigureSourceChecks.assertConsistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.cadre.AppointmentFigures;
import cn.zugong.cadre.training.CadreFixture;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.FigureSource;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The cadre module's figure sources for the annual review (issue 20, ADR 081) on own fixtures: a township of its own
 * under 定海区 with records on both sides of the period's boundaries (from 2024-03-01 to 2024-10-31; the by-year
 * measures: 2024), a sibling township whose records are out of the scope, and an empty one. Each source passes the
 * contract's checks, gives the figures written by hand, equals the part's own figures API over HTTP for the same scope
 * and period, and names a page that opens; 激励关爱's records exist only for ADMIN (and 干部监督), audited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CadreFigureSourcesIT {

    static final LocalDate FROM = LocalDate.of(2024, 3, 1);
    static final LocalDate TO = LocalDate.of(2024, 10, 31);
    static final LocalDate BEFORE = FROM.minusDays(1);
    static final LocalDate AFTER = TO.plusDays(1);
    static final LocalDateTime AT = LocalDateTime.of(2024, 1, 1, 9, 0);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired List<FigureSource> sources;
    @Autowired AppointmentFigures appointmentFigures;

    CadreFixture.Township in;
    CadreFixture.Township out;
    CadreFixture.Township empty;
    OrgScope scope;
    OrgScope emptyScope;
    String admin;
    String emptyAdmin;
    long[] p = new long[7];
    long[] q = new long[3];

    FigureSource source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    CurrentUser user(Role role, String username, OrgScope s) {
        return new CurrentUser(0L, username, "来源测试", role, s, "来源测试");
    }

    long insert(String sql, Object... kv) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < kv.length; i += 2) {
            spec = spec.param((String) kv[i], kv[i + 1]);
        }
        var key = new GeneratedKeyHolder();
        spec.update(key, "id");
        return key.getKey().longValue();
    }

    @BeforeAll
    void fixtures() {
        CadreFixture fx = new CadreFixture(org, tree, roster, accounts);
        in = fx.township("来源");
        out = fx.township("来源外");
        empty = fx.township("来源空");
        scope = tree.byId(in.id()).orElseThrow().asScope();
        emptyScope = tree.byId(empty.id()).orElseThrow().asScope();
        admin = fx.account(Role.ADMIN, in.id());
        emptyAdmin = fx.account(Role.ADMIN, empty.id());
        for (int i = 1; i < p.length; i++) {
            p[i] = fx.person(in.unitId(), "来源甲", null, null);
        }
        for (int i = 1; i < q.length; i++) {
            q[i] = fx.person(out.unitId(), "来源乙", null, null);
        }
        frontline();
        appointments();
        care();
        young(fx);
        leaders(fx);
        training();
        research();
    }

    // 一线考察: campaigns starting on both boundaries count, those a day outside do not; a team whose cadres are all
    // out of the scope does not count → teams 2, cadres 4, advanced 1, cases 1
    void frontline() {
        long c1 = campaign(in.id(), FROM);
        long t1 = team(c1, "一组");
        long t2 = team(c1, "二组");
        cadre(c1, t1, p[1], in.unitId(), "ADVANCED");
        cadre(c1, t1, p[2], in.unitId(), "CASE");
        cadre(c1, t1, q[1], out.unitId(), "ADVANCED");
        cadre(c1, t2, q[2], out.unitId(), "CASE");
        long c2 = campaign(in.id(), TO);
        long t3 = team(c2, "三组");
        cadre(c2, t3, p[1], in.unitId(), "ORDINARY");
        cadre(c2, t3, p[3], in.unitId(), null);
        long c3 = campaign(in.id(), BEFORE);
        cadre(c3, team(c3, "四组"), p[1], in.unitId(), "ADVANCED");
        long c4 = campaign(in.id(), AFTER);
        cadre(c4, team(c4, "五组"), p[2], in.unitId(), "CASE");
    }

    long campaign(long node, LocalDate starts) {
        return insert("insert into frontline_campaign (node_id, name, kind, starts_on, created_at, created_by) "
                + "values (:n, :name, 'OTHER', :s, :at, 'test')", "n", node, "name", "来源考察" + starts, "s", starts,
                "at", AT);
    }

    long team(long campaign, String name) {
        return insert("insert into frontline_team (campaign_id, name, created_at, created_by) values (:c, :n, :at, "
                + "'test')", "c", campaign, "n", name, "at", AT);
    }

    void cadre(long campaign, long team, long person, long unit, String outcome) {
        insert("insert into frontline_cadre (campaign_id, team_id, person_id, unit_id, outcome, created_at, created_by) "
                + "values (:c, :t, :p, :u, :o, :at, 'test')", "c", campaign, "t", team, "p", person, "u", unit,
                "o", outcome, "at", AT);
    }

    long appointment(long person, long unit, String kind, boolean frontline, String status, LocalDate on) {
        return insert("insert into cadre_appointment (person_id, unit_id, kind, frontline, status, effective_on, "
                        + "created_at, created_by) values (:p, :u, :k, :f, :s, :e, :at, 'test')", "p", person, "u", unit,
                "k", kind, "f", frontline, "s", status, "e", on, "at", AT);
    }

    // 选拔任用: p1 twice (once 一线), p2 and p6 once → people 3, frontline 1, share 33.3; an exchange, an open one, one a
    // day outside each boundary and one out of the scope do not count
    void appointments() {
        appointment(p[1], in.unitId(), "PROMOTION", true, "DONE", FROM);
        appointment(p[1], in.unitId(), "RANK_PROMOTION", false, "DONE", LocalDate.of(2024, 6, 1));
        appointment(p[2], in.unitId(), "FURTHER_USE", false, "DONE", TO);
        appointment(p[6], in.unitId(), "RANK_PROMOTION", false, "DONE", LocalDate.of(2024, 7, 1));
        appointment(p[3], in.unitId(), "EXCHANGE", true, "DONE", LocalDate.of(2024, 5, 1));
        appointment(p[4], in.unitId(), "PROMOTION", true, "OPEN", LocalDate.of(2024, 5, 1));
        appointment(p[5], in.unitId(), "PROMOTION", true, "DONE", BEFORE);
        appointment(p[5], in.unitId(), "PROMOTION", true, "DONE", AFTER);
        appointment(q[1], out.unitId(), "PROMOTION", true, "DONE", LocalDate.of(2024, 5, 1));
    }

    // 激励关爱: cleared 2, tolerated 1, visited 1, reused 1, rewarded people 2, units 1, batches 2
    void care() {
        for (Object[] c : new Object[][] {{p[1], in.id(), FROM}, {p[1], in.id(), LocalDate.of(2024, 5, 1)},
                {p[2], in.id(), TO}, {p[3], in.id(), BEFORE}, {p[4], in.id(), AFTER}, {q[1], out.id(), FROM}}) {
            insert("insert into care_clearance (person_id, node_id, report, cleared_on, published, reach, created_at, "
                    + "created_by) values (:p, :n, '不实', :d, '会议通报', '本单位', :at, 'test')", "p", c[0], "n", c[1],
                    "d", c[2], "at", AT);
        }
        for (Object[] c : new Object[][] {{p[1], "DECIDED", "EXEMPT", TO}, {p[2], "DECIDED", "REFUSED", FROM},
                {p[3], "DECIDED", "LIGHTER", AFTER}, {p[4], "APPLIED", null, null}}) {
            insert("insert into care_case (person_id, node_id, matter, applied_on, status, result, decided_on, "
                    + "created_at, created_by) values (:p, :n, '事项', :a, :s, :r, :d, :at, 'test')", "p", c[0],
                    "n", in.id(), "a", LocalDate.of(2024, 1, 2), "s", c[1], "r", c[2], "d", c[3], "at", AT);
        }
        long d1 = discipline(p[5], in.id());
        long d2 = discipline(p[6], in.id());
        long d3 = discipline(q[2], out.id());
        visit(d1, p[5], in.id(), FROM);
        visit(d1, p[5], in.id(), TO);
        visit(d2, p[6], in.id(), BEFORE);
        visit(d3, q[2], out.id(), FROM);
        long a = appointment(p[5], in.unitId(), "FURTHER_USE", false, "OPEN", null);
        insert("insert into care_reuse (discipline_id, person_id, node_id, appointment_id, effective_on, created_at, "
                + "created_by) values (:d, :p, :n, :a, :e, :at, 'test')", "d", d1, "p", p[5], "n", in.id(), "a", a,
                "e", LocalDate.of(2024, 9, 1), "at", AT);
        long a2 = appointment(p[6], in.unitId(), "FURTHER_USE", false, "OPEN", null);
        insert("insert into care_reuse (discipline_id, person_id, node_id, appointment_id, effective_on, created_at, "
                + "created_by) values (:d, :p, :n, :a, :e, :at, 'test')", "d", d2, "p", p[6], "n", in.id(), "a", a2,
                "e", AFTER, "at", AT);
        long b1 = batch(in.id(), FROM);
        item(b1, p[1], null, in.id());
        item(b1, p[2], null, in.id());
        item(b1, null, in.unitId(), in.id());
        item(batch(in.id(), TO), p[1], null, in.id());
        long b3 = batch(in.id(), AFTER);
        item(b3, p[3], null, in.id());
        item(b3, null, in.id(), in.id());
        item(batch(out.id(), FROM), q[1], null, out.id());
    }

    long discipline(long person, long node) {
        return insert("insert into care_discipline (person_id, node_id, kind, decided_on, influence_until, summary, "
                        + "created_at, created_by) values (:p, :n, '警告', :d, :u, '摘要', :at, 'test')", "p", person,
                "n", node, "d", LocalDate.of(2023, 1, 2), "u", LocalDate.of(2023, 7, 1), "at", AT);
    }

    void visit(long discipline, long person, long node, LocalDate on) {
        insert("insert into care_visit (discipline_id, person_id, node_id, visited_on, visitors, content, created_at, "
                + "created_by) values (:d, :p, :n, :v, '回访人', '内容', :at, 'test')", "d", discipline, "p", person,
                "n", node, "v", on, "at", AT);
    }

    long batch(long node, LocalDate on) {
        return insert("insert into care_reward_batch (node_id, name, awarded_on, basis, created_at, created_by) "
                + "values (:n, :name, :a, '依据', :at, 'test')", "n", node, "name", "来源奖励" + on, "a", on, "at", AT);
    }

    void item(long batch, Long person, Long unit, long node) {
        insert("insert into care_reward_item (batch_id, person_id, unit_id, node_id, reason) values (:b, :p, :u, :n, "
                + "'表现突出')", "b", batch, "p", person, "u", unit, "n", node);
    }

    // 年轻干部 (year 2024): y1 posted across the year's end, y2 promoted on 31 December; y3's promotion predates its
    // entry and its posting starts in 2025; y4 entered in 2025; the out-of-scope y5 is posted → posted 1, promoted 1
    void young(CadreFixture fx) {
        long y1 = youngCadre(fx.person(in.unitId(), "来源青", null, null), in.unitId(), LocalDate.of(2023, 5, 1));
        posting(y1, LocalDate.of(2024, 12, 31), LocalDate.of(2025, 6, 30));
        long p2 = fx.person(in.unitId(), "来源青", null, null);
        long y2 = youngCadre(p2, in.unitId(), LocalDate.of(2024, 1, 1));
        posting(y2, LocalDate.of(2023, 6, 1), LocalDate.of(2023, 12, 31));
        appointment(p2, in.unitId(), "PROMOTION", false, "DONE", LocalDate.of(2024, 12, 31));
        long p3 = fx.person(in.unitId(), "来源青", null, null);
        long y3 = youngCadre(p3, in.unitId(), LocalDate.of(2024, 6, 1));
        appointment(p3, in.unitId(), "FURTHER_USE", false, "DONE", LocalDate.of(2024, 1, 2));
        posting(y3, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1));
        long p4 = fx.person(in.unitId(), "来源青", null, null);
        long y4 = youngCadre(p4, in.unitId(), LocalDate.of(2025, 1, 1));
        posting(y4, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1));
        long y5 = youngCadre(fx.person(out.unitId(), "来源青", null, null), out.unitId(), LocalDate.of(2023, 5, 1));
        posting(y5, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1));
    }

    long youngCadre(long person, long unit, LocalDate entered) {
        return insert("insert into young_cadre (person_id, unit_id, level, cohort, status, review_result, review_reason, "
                        + "entered_on, created_at, created_by) values (:p, :u, 'TOWNSHIP', 2020, 'IN_POOL', 'PASS', '符合', "
                        + ":e, :at, 'test')", "p", person, "u", unit, "e", entered, "at", AT);
    }

    void posting(long cadre, LocalDate from, LocalDate to) {
        insert("insert into young_posting (cadre_id, kind, host_unit, post, starts_on, ends_on, status, created_at, "
                + "created_by) values (:c, 'TRIAL', '来源局', '副局长', :f, :t, 'OPEN', :at, 'test')", "c", cadre, "f", from,
                "t", to, "at", AT);
    }

    // 离任交接 (year 2024): l1 leaves twice (1 January 00:00 and 31 December 23:00), l3's on 31 December 2023 and l4's
    // on 1 January 2025 are outside, l5's is open, the sibling township's is out of the scope → leaders 1, townships
    // 1, counties 1 (定海区)
    void leaders(CadreFixture fx) {
        long[] l = new long[6];
        for (int i = 1; i < l.length; i++) {
            l[i] = fx.person(in.unitId(), "来源领", null, null);
        }
        long r = fx.person(out.unitId(), "来源领", null, null);
        handover(in.id(), l[1], l[2], LocalDateTime.of(2024, 1, 1, 0, 0));
        handover(in.id(), l[1], l[3], LocalDateTime.of(2024, 12, 31, 23, 0));
        handover(in.id(), l[3], l[2], LocalDateTime.of(2023, 12, 31, 23, 59));
        handover(in.id(), l[4], l[2], LocalDateTime.of(2025, 1, 1, 0, 0));
        handover(in.id(), l[5], l[2], null);
        handover(out.id(), r, l[2], LocalDateTime.of(2024, 6, 1, 10, 0));
    }

    void handover(long township, long leaving, long receiving, LocalDateTime completed) {
        insert("insert into leader_handover (township_id, leaving_person_id, receiving_person_id, leaves_on, status, "
                        + "leaving_signed_at, receiving_signed_at, completed_at, created_at, created_by) values (:t, :l, "
                        + ":r, :o, :s, :c, :c, :c, :at, 'test')", "t", township, "l", leaving, "r", receiving,
                "o", LocalDate.of(2024, 1, 1), "s", completed == null ? "OPEN" : "DONE", "c", completed, "at", AT);
    }

    // 干部培训: classes starting on both boundaries count, a day outside and out of the scope not → enrolments 4
    void training() {
        String kind = jdbc.sql("select min(code) from training_kind").query(String.class).single();
        for (Object[] c : new Object[][] {{in.id(), FROM, new long[] {p[1], p[2], p[3]}}, {in.id(), TO, new long[] {p[1]}},
                {in.id(), BEFORE, new long[] {p[1]}}, {in.id(), AFTER, new long[] {p[2]}},
                {out.id(), FROM, new long[] {q[1]}}}) {
            long cls = insert("insert into training_class (node_id, kind, name, starts_on, ends_on, planned_hours, "
                            + "capacity, created_at, created_by) values (:n, :k, :name, :s, :s, 8, 50, :at, 'test')",
                    "n", c[0], "k", kind, "name", "来源培训班" + c[1], "s", c[1], "at", AT);
            for (long person : (long[]) c[2]) {
                insert("insert into training_enrolment (class_id, person_id, enrolled_at, enrolled_by) values (:c, :p, "
                        + ":at, 'test')", "c", cls, "p", person, "at", AT);
            }
            // the class's totals of its enrolments, as the write path keeps them (V92)
            jdbc.sql("update training_class set enrolments = (select count(*) from training_enrolment e "
                    + "where e.class_id = :c) where id = :c").param("c", cls).update();
        }
    }

    // 调研课题: two topics in the period (one key), problems 3 of which 2 solved by the period's end → 66.7
    void research() {
        long t1 = topic(in.id(), FROM, true);
        problem(t1, LocalDate.of(2024, 5, 1));
        problem(t1, AFTER);
        long t2 = topic(in.id(), TO, false);
        problem(t2, TO);
        long t3 = topic(in.id(), BEFORE, true);
        problem(t3, LocalDate.of(2024, 5, 1));
        long t4 = topic(out.id(), FROM, true);
        problem(t4, null);
    }

    long topic(long node, LocalDate starts, boolean key) {
        return insert("insert into research_topic (node_id, title, leader_id, leader_post, key_topic, starts_on, "
                        + "created_at, created_by) values (:n, :t, :l, '副县长', :k, :s, :at, 'test')", "n", node,
                "t", "来源课题" + starts, "l", p[1], "k", key, "s", starts, "at", AT);
    }

    void problem(long topic, LocalDate solvedOn) {
        insert("insert into research_problem (topic_id, description, found_on, solved, solved_on, solution, created_at, "
                        + "created_by) values (:t, '问题', :f, :s, :o, :sol, :at, 'test')", "t", topic,
                "f", LocalDate.of(2024, 3, 15), "s", solvedOn != null, "o", solvedOn,
                "sol", solvedOn == null ? null : "办法", "at", AT);
    }

    String api(String path, String username, String... params) throws Exception {
        var req = get(path).with(TestUsers.api(username));
        for (int i = 0; i < params.length; i += 2) {
            req = req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The figures the part's own API shows for the account's scope and the period, under the source's keys. */
    Map<String, BigDecimal> shown(String id, String username) throws Exception {
        String f = FROM.toString();
        String t = TO.toString();
        Map<String, String> paths = new LinkedHashMap<>();
        String body;
        switch (id) {
            case "cadre.frontline" -> {
                body = api("/api/cadres/frontline/figures", username, "from", f, "to", t);
                paths.putAll(Map.of("teams", "$.total.teams", "cadres", "$.total.cadres", "advanced",
                        "$.total.advanced", "cases", "$.total.cases"));
            }
            case "cadre.appointments" -> {
                body = api("/api/cadres/appointments/figures", username, "from", f, "to", t);
                paths.putAll(Map.of("people", "$.people", "frontlinePeople", "$.frontlinePeople", "frontlineShare",
                        "$.sharePercent"));
            }
            case "cadre.care" -> {
                body = api("/api/cadres/care/figures", username, "from", f, "to", t);
                for (String k : List.of("cleared", "tolerated", "visited", "reused", "rewardedPeople", "rewardedUnits",
                        "batches")) {
                    paths.put(k, "$.totals." + k);
                }
            }
            case "cadre.young" -> {
                body = api("/api/cadres/young/figures", username, "year", "2024");
                paths.putAll(Map.of("posted", "$.total.posted", "promoted", "$.total.promoted"));
            }
            case "cadre.leaders" -> {
                body = api("/api/cadres/leaders/figures", username, "year", "2024");
                paths.putAll(Map.of("handoverLeaders", "$.handoverLeaders", "handoverTownships", "$.handoverTownships",
                        "handoverCounties", "$.handoverCounties"));
            }
            case "cadre.training" -> {
                body = api("/api/cadres/training/figures", username, "from", f, "to", t);
                paths.put("enrolments", "$.total.enrolments");
            }
            case "cadre.research" -> {
                body = api("/api/cadres/research/figures", username, "from", f, "to", t);
                paths.putAll(Map.of("topics", "$.total.topics", "keyTopics", "$.total.keyTopics", "solvedRate",
                        "$.total.solvedPct"));
            }
            default -> throw new IllegalArgumentException(id);
        }
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        paths.forEach((k, path) -> {
            Object v = JsonPath.read(body, path);
            out.put(k, v == null ? BigDecimal.ZERO : new BigDecimal(v.toString()));
        });
        return out;
    }

    static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "cadre.frontline", Map.of("teams", "2", "cadres", "4", "advanced", "1", "cases", "1"),
            "cadre.appointments", Map.of("people", "3", "frontlinePeople", "1", "frontlineShare", "33.3"),
            "cadre.care", Map.of("cleared", "2", "tolerated", "1", "visited", "1", "reused", "1", "rewardedPeople", "2",
                    "rewardedUnits", "1", "batches", "2"),
            "cadre.young", Map.of("posted", "1", "promoted", "1"),
            "cadre.leaders", Map.of("handoverLeaders", "1", "handoverTownships", "1", "handoverCounties", "1"),
            "cadre.training", Map.of("enrolments", "4"),
            "cadre.research", Map.of("topics", "2", "keyTopics", "1", "solvedRate", "66.7"));

    @Test
    void everySourceAddsUpCountsTheFixtureAndEqualsItsPartsFiguresOverHttp() throws Exception {
        CurrentUser me = user(Role.ADMIN, admin, scope);
        for (String id : EXPECTED.keySet()) {
            FigureSource s = source(id);
            Map<String, BigDecimal> values = assertConsistent(s, scope, FROM, TO, me);
            EXPECTED.get(id).forEach((k, v) -> assertThat(values.get(k)).as("%s.%s", id, k)
                    .isEqualByComparingTo(new BigDecimal(v)));
            Map<String, BigDecimal> shown = shown(id, admin);
            shown.forEach((k, v) -> assertThat(values.get(k)).as("%s.%s as its API shows", id, k)
                    .isEqualByComparingTo(v));
            String page = s.page(scope, FROM, TO);
            mvc.perform(get(page).with(users.page(admin))).andExpect(status().isOk());
        }
    }

    @Test
    void recordsNameWhatIsCountedAndRecountThePercentages() {
        CurrentUser me = user(Role.ADMIN, admin, scope);
        FigureRecords share = source("cadre.appointments").records("frontlineShare", scope, FROM, TO, me, 2);
        assertThat(share.total()).isEqualTo(3);
        assertThat(share.rows()).hasSize(2);
        assertThat(share.value()).isEqualByComparingTo("33.3");
        FigureRecords teams = source("cadre.frontline").records("teams", scope, FROM, TO, me, 20);
        assertThat(teams.rows()).extracting(r -> r.get(0)).containsExactly("一组", "三组");
        FigureRecords solved = source("cadre.research").records("solvedRate", scope, FROM, TO, me, 20);
        assertThat(solved.total()).isEqualTo(3);
        assertThat(solved.rows()).filteredOn(r -> r.get(3).equals("是")).hasSize(2);
        assertThat(source("cadre.young").page(scope, FROM, TO)).isEqualTo("/cadres/young/figures?year=2024");
        assertThat(source("cadre.care").page(scope, FROM, TO)).isEqualTo("/cadres/care?from=2024-03-01&to=2024-10-31");
    }

    @Test
    void careRecordsExistOnlyForAdminAndTheSupervisorAndEachReadIsAudited() {
        FigureSource care = source("cadre.care");
        for (Role role : List.of(Role.REVIEWER, Role.LEADER, Role.REPORTER)) {
            long before = audits("x" + role);
            assertThatThrownBy(() -> care.records("cleared", scope, FROM, TO, user(role, "x" + role, scope), 20))
                    .isInstanceOf(NotFoundException.class);
            assertThat(audits("x" + role)).isEqualTo(before);
        }
        // the values are counts, for every office role: they need no user
        assertThat(care.values(scope, FROM, TO).get("cleared")).isEqualByComparingTo("2");
        long before = audits(admin);
        FigureRecords r = care.records("cleared", scope, FROM, TO, user(Role.ADMIN, admin, scope), 20);
        assertThat(r.rows()).hasSize(2);
        assertThat(audits(admin)).isEqualTo(before + 1);
        assertThat(care.records("visited", scope, FROM, TO, user(Role.CADRE_SUPERVISOR, "sup" + admin, scope), 20)
                .total()).isEqualTo(1);
        // an ADMIN of another township does not see this one's records either
        assertThatThrownBy(() -> care.records("cleared", scope, FROM, TO, user(Role.ADMIN, emptyAdmin, emptyScope), 20))
                .isInstanceOf(NotFoundException.class);
    }

    /**
     * AppointmentFigures finds the county of an appointment by a CASE over the counties' paths; its lines by county
     * equal those of the former join on {@code like} (kept here as the reference), at the tree's root (every county
     * and the city's own units, whatever rows are there) and at the fixture's township.
     */
    @Test
    void appointmentLinesByCountyEqualTheFormerJoinOnPaths() {
        long root = Long.parseLong(scope.path().split("/")[1]);
        for (OrgScope s : List.of(tree.byId(root).orElseThrow().asScope(), scope)) {
            for (LocalDate[] period : List.of(new LocalDate[] {FROM, TO},
                    new LocalDate[] {LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31)})) {
                var lines = appointmentFigures.of(s, period[0], period[1]).byCounty();
                var former = jdbc.sql("""
                                select coalesce(c.name, '市直') as county, min(coalesce(c.code, '')) as code, count(*),
                                       sum(case when a.frontline then 1 else 0 end),
                                       count(distinct case when a.kind <> 'EXCHANGE' then a.person_id end),
                                       count(distinct case when a.kind <> 'EXCHANGE' and a.frontline then a.person_id end)
                                from cadre_appointment a join org_node u on u.id = a.unit_id
                                left join org_node c on c.kind = 'COUNTY' and u.path like concat(c.path, '%')
                                where a.status = 'DONE' and a.effective_on >= :from and a.effective_on <= :to
                                  and u.path like :scopePath
                                group by coalesce(c.name, '市直') order by min(coalesce(c.code, ''))
                                """).param("from", period[0]).param("to", period[1])
                        .param("scopePath", s.pathPattern())
                        .query((rs, i) -> new AppointmentFigures.CountyLine(rs.getString(1), rs.getLong(3),
                                rs.getLong(4), rs.getLong(5), rs.getLong(6),
                                AppointmentFigures.percent(rs.getLong(6), rs.getLong(5)))).list();
                assertThat(lines).as("%s %s", s, period[0]).isEqualTo(former);
            }
        }
        assertThat(appointmentFigures.of(scope, FROM, TO).byCounty()).singleElement()
                .satisfies(c -> assertThat(c.people()).isEqualTo(3));
    }

    long audits(String actor) {
        return jdbc.sql("select count(*) from audit_entry where actor = :a and object_type = 'care_figures'")
                .param("a", actor).query(Long.class).single();
    }

    @Test
    void anEmptyNodeIsZeroEverywhere() throws Exception {
        CurrentUser me = user(Role.ADMIN, emptyAdmin, emptyScope);
        for (String id : EXPECTED.keySet()) {
            FigureSource s = source(id);
            Map<String, BigDecimal> values = assertConsistent(s, emptyScope, FROM, TO, me);
            assertThat(values.values()).as(id).allSatisfy(v -> assertThat(v).isZero());
            shown(id, emptyAdmin).forEach((k, v) -> assertThat(v).as("%s.%s over HTTP", id, k).isZero());
        }
    }
}

package cn.zugong.party.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.FigureSourceChecks;
import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.party.CheckinReason;
import cn.zugong.party.CheckinRecords;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.shared.figures.FigureSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figure sources party.checkin and party.mobile (ADR 081) on a township of their own under 普陀 (T: villages A,
 * B and D) with a second township (U: village C) outside the scope and an empty third one (E).
 *
 * <p>报到 in 2026: m1 (A, confirmed 2025-06-01, still active), m2 (B, confirmed on 2026-12-31), m6 (B, ended on
 * 2026-01-01) are in; m3 (A, confirmed on 2027-01-01), m4 (A, ended on 2025-12-31) and m5 (C, outside) are not → 3.
 * Remote islands: X (A) covered, W (D, nobody) not, Y (C) outside → 1. Logs: 2026-01-01 A 2 visits 100.50 yuan and
 * 2026-12-31 B 3 visits; 2025-12-31, 2027-01-01 and C's are out → 5 visits, 100.50 yuan.
 * 流动党员 on the period's last day (today, 2026-12-04, when it ends later), replayed from the events: of A's
 * branch f1 (left 2026-03, managed), f2 (left 2025-06, 失联 2026-02, unmanaged), f4 (left 2026-05, managed only from
 * 2026-12-05) are active, f3 (returned on 2026-12-04) is not; C's file is outside → 3 active, 1 managed. On
 * 2025-12-31 only f2 had left → 1 active, 0 managed.
 */
@IntegrationTest
class PartyFigureSourcesIT {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final LocalDateTime LATER = LocalDateTime.of(2027, 1, 2, 9, 0);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired CheckinRecords records;
    @Autowired List<FigureSource> sources;
    @Autowired ObjectMapper json;

    @Test
    void checkinAndMobileAddUpAndEqualTheirPages() throws Exception {
        CheckinFixture fx = new CheckinFixture(jdbc, roster, accounts, records);
        String t = "330903F" + CheckinFixture.RUN;
        fx.node("330903", "TOWNSHIP", t, "图源测试镇" + CheckinFixture.RUN);
        long a = village(fx, t, "A");
        long b = village(fx, t, "B");
        long d = village(fx, t, "D");
        String u = "330903G" + CheckinFixture.RUN;
        fx.node("330903", "TOWNSHIP", u, "图源对照镇" + CheckinFixture.RUN);
        long c = village(fx, u, "C");
        String e = "330903H" + CheckinFixture.RUN;
        long empty = fx.node("330903", "TOWNSHIP", e, "图源空镇" + CheckinFixture.RUN);
        long putuo = fx.nodeId("330903");
        fx.island(putuo, "图源甲岛", a);
        fx.island(putuo, "图源乙岛", d);
        fx.island(putuo, "图源丙岛", c);

        long branch = fx.nodeId("330902U10P1");
        long m1 = reported(fx, branch, a, LocalDateTime.of(2025, 6, 1, 9, 0));
        long m2 = reported(fx, branch, b, LocalDateTime.of(2026, 12, 31, 9, 0));
        reported(fx, branch, a, LocalDateTime.of(2027, 1, 1, 9, 0));
        end(reported(fx, branch, a, LocalDateTime.of(2025, 3, 1, 9, 0)), LocalDate.of(2025, 12, 31));
        end(reported(fx, branch, b, LocalDateTime.of(2025, 3, 1, 9, 0)), LocalDate.of(2026, 1, 1));
        long m5 = reported(fx, branch, c, LocalDateTime.of(2026, 6, 1, 9, 0));
        log(m1, a, LocalDate.of(2025, 12, 31), 7, "99");
        log(m1, a, LocalDate.of(2026, 1, 1), 2, "100.50");
        log(m2, b, LocalDate.of(2026, 12, 31), 3, "0");
        log(m1, a, LocalDate.of(2027, 1, 1), 5, "1");
        log(m5, c, LocalDate.of(2026, 6, 1), 11, "1000");

        long host = host();
        long branchA = fx.nodeId(t + "AP1");
        long branchC = fx.nodeId(u + "CP1");
        // today (the test clock) is 2026-12-04: the standing of 2026 is today's, of 2025 on 2025-12-31
        file(fx, branchA, "OUT", host, "2026-03-01", "2026-03-01", null, null);
        file(fx, branchA, "LOST", null, "2025-06-01", null, "LOST", "2026-02-01");
        file(fx, branchA, "RETURNED", host, "2026-02-01", "2026-02-01", "RETURNED", "2026-12-04");
        file(fx, branchA, "OUT", host, "2026-05-01", "2026-12-05", null, null);
        file(fx, branchC, "OUT", host, "2025-01-01", "2025-01-01", null, null);

        OrgScope scope = scope(t);
        String admin = fx.officeAccount(Role.ADMIN, fx.nodeId(t));
        CurrentUser user = new CurrentUser(0, admin, "图源测试", Role.ADMIN, scope, "图源测试镇");

        Map<String, BigDecimal> checkin = FigureSourceChecks.assertConsistent(source("party.checkin"), scope, FROM, TO,
                user);
        assertThat(checkin).containsEntry("members", BigDecimal.valueOf(3))
                .containsEntry("remoteIslandsCovered", BigDecimal.ONE)
                .containsEntry("elderlyVisits", BigDecimal.valueOf(5));
        assertThat(checkin.get("fundsYuan")).isEqualByComparingTo("100.50");
        JsonNode page = api("/api/party/checkin/figures?from=" + FROM + "&to=" + TO, admin);
        assertThat(page.at("/total/members").asLong()).isEqualTo(checkin.get("members").longValue());
        assertThat(page.at("/remoteIslandsCovered").asLong()).isEqualTo(checkin.get("remoteIslandsCovered").longValue());
        assertThat(page.at("/total/elderlyVisits").asLong()).isEqualTo(checkin.get("elderlyVisits").longValue());
        assertThat(page.at("/total/fundsYuan").decimalValue()).isEqualByComparingTo(checkin.get("fundsYuan"));
        assertThat(source("party.checkin").records("members", scope, FROM, TO, user, 20).rows())
                .hasSize(3).allSatisfy(row -> assertThat(row.get(0)).startsWith("图源"));

        Map<String, BigDecimal> mobile = FigureSourceChecks.assertConsistent(source("party.mobile"), scope, FROM, TO,
                user);
        assertThat(mobile).containsEntry("active", BigDecimal.valueOf(3)).containsEntry("managed", BigDecimal.ONE);
        JsonNode mobilePage = api("/api/party/mobile/figures?from=" + FROM + "&to=" + TO, admin);
        assertThat(mobilePage.at("/periodEnd/active").asLong()).isEqualTo(3);
        assertThat(mobilePage.at("/periodEnd/managed").asLong()).isEqualTo(1);
        // a year earlier: only the file that left in 2025 (and was not yet managed then) was out
        Map<String, BigDecimal> mobile2025 = FigureSourceChecks.assertConsistent(source("party.mobile"), scope,
                FROM.minusYears(1), TO.minusYears(1), user);
        assertThat(mobile2025).containsEntry("active", BigDecimal.ONE).containsEntry("managed", BigDecimal.ZERO);
        JsonNode mobilePage2025 = api("/api/party/mobile/figures?from=2025-01-01&to=2025-12-31", admin);
        assertThat(mobilePage2025.at("/periodEnd/active").asLong()).isEqualTo(1);
        assertThat(mobilePage2025.at("/periodEnd/managed").asLong()).isZero();
        assertThat(mobilePage2025.at("/totals/active").asLong()).isEqualTo(3); // today's, whatever the period

        assertThat(source("party.checkin").page(scope, FROM, TO)).isEqualTo(
                "/party/checkin/figures?from=2026-01-01&to=2026-12-31");
        Assertions.assertThatThrownBy(() -> source("party.checkin").records("members", scope, FROM, TO,
                new CurrentUser(0, "m", "党员", Role.PARTY_MEMBER, scope, "x"), 20))
                .isInstanceOf(NotFoundException.class);

        OrgScope none = scope(e);
        CurrentUser emptyUser = new CurrentUser(0, admin, "图源测试", Role.ADMIN, none, "图源空镇");
        for (String id : List.of("party.checkin", "party.mobile")) {
            assertThat(FigureSourceChecks.assertConsistent(source(id), none, FROM, TO, emptyUser).values())
                    .allSatisfy(v -> assertThat(v).isEqualByComparingTo(BigDecimal.ZERO));
        }
        String emptyAdmin = fx.officeAccount(Role.ADMIN, empty);
        assertThat(api("/api/party/checkin/figures?from=" + FROM + "&to=" + TO, emptyAdmin).at("/total/members")
                .asLong()).isZero();
        assertThat(api("/api/party/mobile/figures?from=" + FROM + "&to=" + TO, emptyAdmin).at("/totals/active")
                .asLong()).isZero();
    }

    private FigureSource source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private JsonNode api(String url, String user) throws Exception {
        return json.readTree(mvc.perform(get(url).with(TestUsers.api(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private OrgScope scope(String code) {
        var row = jdbc.sql("select id, path from org_node where code = :c").param("c", code).query().singleRow();
        return new OrgScope(((Number) row.get("id")).longValue(), (String) row.get("path"));
    }

    private static long village(CheckinFixture fx, String township, String letter) {
        long id = fx.node(township, "VILLAGE", township + letter, "图源" + letter + "村" + CheckinFixture.RUN);
        fx.node(township + letter, "PARTY_ORG", township + letter + "P1", "图源" + letter + "村党支部");
        return id;
    }

    /** A new member reported at the village, confirmed at {@code at}; the member's id. */
    private long reported(CheckinFixture fx, long branch, long village, LocalDateTime at) {
        long m = fx.member(branch, "330903", "图源");
        long r = records.register(m, village, CheckinReason.HOMETOWN, null, null, null, "test", at);
        records.confirm(r, "test", at);
        return m;
    }

    /** Ends the member's registration on the day (the office's 结束报到, by its columns). */
    private void end(long member, LocalDate on) {
        jdbc.sql("update checkin_registration set status = 'ENDED', ended_on = :on, ended_by = 'test', "
                + "open_village_id = null where member_id = :m").param("on", on).param("m", member).update();
    }

    private void log(long member, long village, LocalDate on, int elderly, String funds) {
        records.log(member, village, null, on, "图源服务", null, elderly, new BigDecimal(funds), null, "test", LATER);
    }

    private long host() {
        String name = "图源纳管" + CheckinFixture.RUN;
        jdbc.sql("insert into mobile_host (kind, name, owner_id, city, employer, created_at, created_by) values "
                + "('WORKPLACE', :n, :o, '测试城', '测试厂', :at, 'test')").param("n", name)
                .param("o", jdbc.sql("select id from org_node where code = '330903'").query(Long.class).single())
                .param("at", LATER).update();
        return jdbc.sql("select id from mobile_host where name = :n").param("n", name).query(Long.class).single();
    }

    /**
     * A mobile file of a new member of the branch: its state now, its host (managed from {@code managedOn}) and one
     * dated state event when given.
     */
    private void file(CheckinFixture fx, long branch, String state, Long host, String leftOn, String managedOn,
                      String event, String eventOn) {
        long m = fx.member(branch, "330903", "图源流动");
        jdbc.sql("""
                insert into mobile_file (member_id, branch_id, name, city, in_city, left_on, reason, relation, state,
                  host_id, host_rule, managed_on, created_at, created_by)
                values (:m, :b, :n, '测试城', false, :left, '务工', '未转出', :s, :h, :rule, :managed, :at, 'test')""")
                .param("m", m).param("b", branch).param("n", "图源流动" + m).param("left", LocalDate.parse(leftOn))
                .param("s", state).param("h", host).param("rule", host == null ? null : "WORKPLACE")
                .param("managed", managedOn == null ? null : LocalDate.parse(managedOn)).param("at", LATER).update();
        if (event != null) {
            long file = jdbc.sql("select id from mobile_file where member_id = :m").param("m", m).query(Long.class)
                    .single();
            jdbc.sql("insert into mobile_event (file_id, kind, happened_on, recorded_at, recorded_by) values "
                            + "(:f, :k, :on, :at, 'test')").param("f", file).param("k", event)
                    .param("on", LocalDate.parse(eventOn)).param("at", LATER).update();
        }
    }
}

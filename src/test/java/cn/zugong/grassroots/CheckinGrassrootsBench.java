package cn.zugong.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 党员报到's part of {@code bench/run.sh grassroots}: 20,000 of the base's members reported (ACTIVE) with the city's
 * villages, 2,000 posts and 200,000 service logs, written once with batched SQL; the figures page, API and workbook
 * measured over real HTTP as the city's admin; their totals recounted by hand in SQL written here; then 200 members
 * (own PARTY_MEMBER accounts, HTTP Basic) claim 20 fresh posts of 5 places concurrently, each trying two posts:
 * every post ends with exactly 5 claims, no 5xx.
 */
@Tag("bench")
@IntegrationTest
class CheckinGrassrootsBench extends GrassrootsBenchSupport {

    static final int REPORTED = 20_000;
    static final int POSTS = 2_000;
    static final int LOGS_PER_MEMBER = 10;
    static final int CLAIMERS = 200;
    static final int CLAIM_POSTS = 20;
    static final int CAPACITY = 5;
    static final LocalDate YEAR = LocalDate.of(2026, 1, 1);

    @Autowired Accounts accounts;

    @Test
    void figuresAndConcurrentClaims() throws Exception {
        Base base = base();
        long started = System.nanoTime();
        generate(base);
        long generatedMs = (System.nanoTime() - started) / 1_000_000;

        Browser admin = signIn("admin");
        Browser client = apiClient("admin");
        List<Latency> latencies = List.of(admin.measure("/party/checkin/figures"),
                client.measure("/api/party/checkin/figures"), admin.measure("/party/checkin/figures.xlsx", 5, 40));
        int errors = latencies.stream().mapToInt(Latency::failures).sum();
        double worst = latencies.stream().mapToDouble(Latency::p99).max().orElse(0);
        JsonNode api = new ObjectMapper().readTree(client.get("/api/party/checkin/figures").body());
        boolean recount = recount(api.path("total"));

        Claims claims = claims(base);
        errors += claims.errors5xx;
        long registrations = count("select count(*) from checkin_registration");
        long logs = count("select count(*) from checkin_log");
        long posts = count("select count(*) from checkin_post");
        part("checkin", String.format("rows=registrations:%d,posts:%d,logs:%d worst_p99_ms=%.1f recount=%s "
                        + "errors5xx=%d claims_capacity=%s claims=%d/%d generated_ms=%d page_p99_ms=%.1f api_p99_ms=%.1f "
                        + "xlsx_p99_ms=%.1f claim_requests=%d claim_ms=%d", registrations, posts, logs, worst,
                recount ? "ok" : "differs", errors, claims.ok ? "ok" : "exceeded", claims.taken, CLAIM_POSTS * CAPACITY,
                generatedMs, latencies.get(0).p99(), latencies.get(1).p99(), latencies.get(2).p99(), claims.requests,
                claims.ms));
        assertThat(recount).isTrue();
        assertThat(claims.ok).isTrue();
        assertThat(errors).isZero();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    // ------------------------------------------------------------------ rows, once

    private void generate(Base base) {
        if (count("select count(*) from checkin_registration where requested_by = 'bench'") >= REPORTED) {
            return;
        }
        int n = base.villages().size();
        long[] members = base.memberIds();
        Timestamp at = Timestamp.valueOf(YEAR.atTime(9, 0));
        // members of the base not reported yet (the demo's and the tests' are), spread over the base, each once
        java.util.Set<Long> reported = new java.util.HashSet<>(jdbc.queryForList(
                "select distinct member_id from checkin_registration", Long.class));
        long[] free = java.util.Arrays.stream(members).filter(m -> !reported.contains(m)).toArray();
        int step = Math.max(1, free.length / REPORTED);
        List<Object[]> regs = new ArrayList<>();
        for (int i = 0; i < REPORTED; i++) {
            long member = free[i * step];
            Village v = base.villages().get((i * 7 + 1) % n);
            regs.add(new Object[] {member, v.villageId(), at,
                Date.valueOf(YEAR.plusDays(i % 180)), v.villageId()});
        }
        jdbc.batchUpdate("""
                insert into checkin_registration (member_id, village_id, reason, basis, status, open_village_id,
                    requested_at, requested_by, decided_at, decided_by, reported_on)
                values (?, ?, 'HOMETOWN', '压测', 'ACTIVE', ?, ?, 'bench', ?, 'bench', ?)""",
                regs.stream().map(r -> new Object[] {r[0], r[1], r[4], r[2], r[2], r[3]}).toList());
        List<Object[]> posts = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            posts.add(new Object[] {base.villages().get(i % n).villageId(), "压测岗位" + i, 10 + i % 5, i % 10});
        }
        jdbc.batchUpdate("""
                insert into checkin_post (village_id, kind, role, title, capacity, claimed, starts_on, ends_on, closed,
                    created_by, created_at)
                values (?, 'GRID', 'SURVEYOR', ?, ?, ?, date '2026-01-01', date '2026-12-31', false, 'bench',
                    timestamp '2026-01-01 09:00:00')""", posts);
        List<Object[]> ids = jdbc.query("select id, member_id, village_id, reported_on from checkin_registration "
                + "where requested_by = 'bench' order by id", (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getDate(4).toLocalDate()});
        List<Object[]> logs = new ArrayList<>(10_000);
        int k = 0;
        for (Object[] r : ids) {
            for (int j = 0; j < LOGS_PER_MEMBER; j++, k++) {
                LocalDate on = ((LocalDate) r[3]).plusDays(j * 17L % 150);
                logs.add(new Object[] {r[1], r[2], r[0], Date.valueOf(on), k % 5,
                    k % 50 == 0 ? new BigDecimal("6500.00") : BigDecimal.ZERO});
                if (logs.size() == 10_000) {
                    insertLogs(logs);
                    logs.clear();
                }
            }
        }
        if (!logs.isEmpty()) {
            insertLogs(logs);
        }
    }

    private void insertLogs(List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into checkin_log (member_id, village_id, registration_id, served_on, what, elderly_visits,
                    funds_yuan, logged_by, on_behalf, created_at)
                values (?, ?, ?, ?, '压测服务记录', ?, ?, 'bench', false, timestamp '2026-06-01 09:00:00')""", rows);
    }

    // ------------------------------------------------------------------ the recount, by hand

    /** The city's totals for 2026 (the page's default period as of the test clock), written without the service. */
    private boolean recount(JsonNode total) {
        long members = count("""
                select count(distinct r.member_id) from checkin_registration r join org_node v on v.id = r.village_id
                where v.code like '3309%' and r.status in ('ACTIVE', 'ENDED') and r.reported_on <= date '2026-12-31'
                  and (r.ended_on is null or r.ended_on >= date '2026-01-01')""");
        var sums = jdbc.queryForMap("""
                select count(*) as logs, coalesce(sum(l.elderly_visits), 0) as elderly,
                       coalesce(sum(l.funds_yuan), 0) as funds
                from checkin_log l join org_node v on v.id = l.village_id
                where v.code like '3309%' and l.served_on between date '2026-01-01' and date '2026-12-31'""");
        boolean same = total.path("members").asLong() == members
                && total.path("logs").asLong() == ((Number) sums.get("logs")).longValue()
                && total.path("elderlyVisits").asLong() == ((Number) sums.get("elderly")).longValue()
                && total.path("fundsYuan").decimalValue().compareTo(new BigDecimal(sums.get("funds").toString())) == 0;
        if (!same) {
            System.out.println("checkin recount: members=" + members + " " + sums + " api=" + total);
        }
        return same;
    }

    // ------------------------------------------------------------------ 200 members, 20 posts, real HTTP

    private record Claims(boolean ok, int taken, int errors5xx, int requests, long ms) {
    }

    private Claims claims(Base base) throws Exception {
        Village v = base.villages().get(0);
        long[] members = base.memberIds();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            long member = members[members.length - 1 - i];
            String username = "bench-cm-" + i;
            if (!accounts.exists(username)) {
                accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "压测党员" + i, Role.PARTY_MEMBER,
                        v.villageId()));
                jdbc.update("update party_member set username = null where username = ?", username);
                jdbc.update("update party_member set username = ? where id = ?", username, member);
            }
            long m = jdbc.queryForObject("select id from party_member where username = ?", Long.class, username);
            if (count("select count(*) from checkin_registration where member_id = " + m + " and open_village_id = "
                    + v.villageId()) == 0) {
                jdbc.update("""
                        insert into checkin_registration (member_id, village_id, reason, basis, status,
                            open_village_id, requested_at, requested_by, decided_at, decided_by, reported_on)
                        values (?, ?, 'HOMETOWN', '压测', 'ACTIVE', ?, timestamp '2026-01-01 09:00:00', 'bench-claims',
                            timestamp '2026-01-01 09:00:00', 'bench', date '2026-01-01')""", m, v.villageId(),
                        v.villageId());
            }
            users.add(username);
        }
        String tag = "压测认领" + System.nanoTime();
        List<Long> posts = new ArrayList<>();
        for (int p = 0; p < CLAIM_POSTS; p++) {
            jdbc.update("""
                    insert into checkin_post (village_id, kind, role, title, capacity, claimed, starts_on, ends_on,
                        closed, created_by, created_at)
                    values (?, 'ELDERLY', 'SURVEYOR', ?, ?, 0, date '2026-01-01', date '2099-12-31', false, 'bench',
                        timestamp '2026-01-01 09:00:00')""", v.villageId(), tag + "-" + p, CAPACITY);
            posts.add(jdbc.queryForObject("select id from checkin_post where title = ?", Long.class, tag + "-" + p));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            String user = users.get(i);
            List<Long> mine = List.of(posts.get(i % CLAIM_POSTS), posts.get((i + 7) % CLAIM_POSTS));
            futures.add(pool.submit(() -> {
                go.await();
                for (long post : mine) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                    + "/api/party/my/posts/" + post + "/claim"))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    (user + ":" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    requests.incrementAndGet();
                    if (r.statusCode() == 200) {
                        taken.incrementAndGet();
                    } else if (r.statusCode() >= 500) {
                        errors.incrementAndGet();
                    } else if (r.statusCode() != 409) {
                        System.out.println("checkin claim: unexpected " + r.statusCode() + " " + r.body());
                        unexpected.incrementAndGet(); // neither a place nor "full": fails the run below
                    }
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        pool.shutdown();
        boolean ok = true;
        for (long post : posts) {
            int claimed = jdbc.queryForObject("select claimed from checkin_post where id = ?", Integer.class, post);
            long open = count("select count(*) from checkin_claim where open_post_id = " + post);
            ok &= claimed == CAPACITY && open == CAPACITY;
        }
        ok &= taken.get() == CLAIM_POSTS * CAPACITY && unexpected.get() == 0;
        return new Claims(ok, taken.get(), errors.get(), requests.get(), ms);
    }
}

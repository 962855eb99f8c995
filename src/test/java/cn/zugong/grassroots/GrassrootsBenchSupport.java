package cn.zugong.grassroots;

import cn.zugong.IntegrationTest;
import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.IdNumbers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every part of {@code bench/run.sh grassroots} (issue 18) shares: the base set — the demo city's village
 * party organisations topped up to {@link #MEMBERS} party members through the roster's own write path — a browser
 * signed in over real HTTP (the application's Tomcat on its random port, form login with CSRF, session cookie), and
 * the latency of a page or API route measured over {@link #REQUESTS} sequential requests after a warm-up. A part is
 * a test class named {@code *GrassrootsBench}, tagged "bench", extending this class; it generates its own rows with
 * SQL (once: it checks whether they are there), measures its figures routes, compares their totals with a recount
 * it writes by hand in SQL, and prints one line starting with {@code grassroots-part } (see {@link #part}), which
 * bench/run.sh gathers into the closing {@code grassroots } line.
 */
public abstract class GrassrootsBenchSupport {

    public static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    public static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    static final String BENCH_REGION = "330998";

    @Autowired protected JdbcTemplate jdbc;
    @Autowired RosterWriter roster;
    @LocalServerPort protected int port;

    /** A village of the demo city with its party organisation (the branch whose members it has). */
    public record Village(long villageId, String code, long branchId, long countyId) {
    }

    /** The base: the city's villages with a branch, and the ids of all their party members (demo and bench). */
    public record Base(List<Village> villages, long[] memberIds) {
    }

    /** The city's villages (with their branch) and at least {@link #MEMBERS} party members among them. */
    protected Base base() {
        List<Village> villages = jdbc.query("""
                select v.id, v.code, b.id as branch_id, c.id as county_id
                from org_node v join org_node b on b.parent_id = v.id and b.kind = 'PARTY_ORG'
                join org_node t on t.id = v.parent_id join org_node c on c.id = t.parent_id
                where v.kind = 'VILLAGE' and v.code like '3309%' order by v.code""",
                (rs, i) -> new Village(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        if (villages.isEmpty()) {
            throw new IllegalStateException("the demo city's village party organisations are missing");
        }
        Long[] branches = villages.stream().map(Village::branchId).toArray(Long[]::new);
        String in = String.join(",", Arrays.stream(branches).map(String::valueOf).toList());
        long have = jdbc.queryForObject("select count(*) from party_member where branch_id in (" + in + ")", Long.class);
        if (have < MEMBERS) {
            topUp(villages, (int) (MEMBERS - have));
        }
        long[] ids = jdbc.queryForList("select id from party_member where branch_id in (" + in + ") order by id",
                Long.class).stream().mapToLong(Long::longValue).toArray();
        return new Base(villages, ids);
    }

    /** Members spread evenly over the villages, written through {@link RosterWriter} (encrypted fields, index). */
    private void topUp(List<Village> villages, int missing) {
        SplittableRandom r = new SplittableRandom(18);
        LocalDate first = LocalDate.of(1950, 1, 1);
        List<PartyMemberRow> chunk = new ArrayList<>();
        long offset = jdbc.queryForObject("select count(*) from party_member where id_number_idx is not null", Long.class);
        for (int i = 0; i < missing; i++) {
            long n = offset + i;
            LocalDate birth = first.plusDays(n % 20_000);
            int seq = (int) (n / 20_000) % 499;
            boolean male = r.nextDouble() < 0.7;
            Village v = villages.get(i % villages.size());
            chunk.add(new PartyMemberRow(v.branchId(), null, "测试党员" + n, male ? "男" : "女", birth,
                    IdNumbers.of(BENCH_REGION, birth, male ? 2 * seq + 1 : 2 * seq + 2), null,
                    birth.plusYears(25), "正式党员", r.nextDouble() < 0.13, null));
            if (chunk.size() == 5_000) {
                roster.addPartyMembers(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            roster.addPartyMembers(chunk);
        }
    }

    /** A browser signed in as a demo account (password {@link IntegrationTest#PASSWORD}) over real HTTP. */
    protected Browser signIn(String username) {
        return new Browser("http://127.0.0.1:" + port, username);
    }

    /** Latency of one route: p50, p99 and max in ms over the measured requests, and answers that were not 200. */
    public record Latency(String path, int requests, double p50, double p99, double max, int failures) {
        public String figures() {
            return String.format("p50_ms=%.1f p99_ms=%.1f max_ms=%.1f", p50, p99, max);
        }
    }

    /** Prints the part's line: {@code grassroots-part <name> <key=value …>}. */
    protected static void part(String name, String figures) {
        System.out.println("grassroots-part " + name + " " + figures);
    }

    /** A session over real HTTP: GET pages and APIs with the session cookie, as a browser does. */
    public static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        Browser(String base, String username) {
            this.base = base;
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
            Matcher m = CSRF.matcher(login.body());
            if (!m.find()) {
                throw new IllegalStateException("the login page has no CSRF token");
            }
            String form = "username=" + enc(username) + "&password=" + enc(IntegrationTest.PASSWORD) + "&_csrf="
                    + enc(m.group(1));
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            String to = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || to.contains("error")) {
                throw new IllegalStateException("login of " + username + " failed: " + answer.statusCode() + " " + to);
            }
        }

        /** GET a route; the answer's body and status. */
        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        /** Measures a route: {@code warmUp} unmeasured requests, then {@code requests} measured ones. */
        public Latency measure(String path, int warmUp, int requests) {
            for (int i = 0; i < warmUp; i++) {
                get(path);
            }
            long[] nanos = new long[requests];
            int failures = 0;
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = get(path);
                nanos[i] = System.nanoTime() - start;
                if (answer.statusCode() != 200) {
                    failures++;
                }
            }
            Arrays.sort(nanos);
            return new Latency(path, requests, nanos[requests / 2] / 1e6,
                    nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6, nanos[requests - 1] / 1e6, failures);
        }

        public Latency measure(String path) {
            return measure(path, 20, REQUESTS);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}

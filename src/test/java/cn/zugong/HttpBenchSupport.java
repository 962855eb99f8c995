package cn.zugong;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the city-scale benchmarks over real HTTP share ({@code bench/run.sh grassroots}, {@code bench/run.sh cadre}):
 * the application's own Tomcat on its random port, a browser signed in with the login form (CSRF, session cookie)
 * for the pages, a token client for the stateless {@code /api} routes, and the latency of a route measured over
 * {@link #REQUESTS} sequential requests after a warm-up.
 */
public abstract class HttpBenchSupport {

    public static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    /**
     * The demo accounts' password: the tests' ({@link IntegrationTest#PASSWORD}), or -Dbench.password for a set
     * written by bench/generate.sh, whose accounts have the demo's.
     */
    static final String PASSWORD = System.getProperty("bench.password", IntegrationTest.PASSWORD);

    @LocalServerPort protected int port;
    @Autowired private JdbcTemplate statistics;
    private boolean analysed;

    /** A browser signed in as a demo account (password {@link #PASSWORD}) over real HTTP. */
    protected Browser signIn(String username) {
        analyseOnce();
        return new Browser("http://127.0.0.1:" + port, username);
    }

    /**
     * A client of the stateless {@code /api} routes (they answer a page session 401), as a script or another system
     * calls them: a token issued once for the demo account (POST /api/tokens with its password), then every request
     * with {@code Authorization: Bearer} (a password on each request would measure the password hash, not the route).
     */
    protected Browser apiClient(String username) {
        analyseOnce();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Browser issuer = new Browser("http://127.0.0.1:" + port, username, basic);
        HttpResponse<String> issued = issuer.send(HttpRequest.newBuilder(URI.create(issuer.base + "/api/tokens"))
                .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()));
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
        if (issued.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no API token for " + username + ": " + issued.statusCode());
        }
        return new Browser(issuer.base, username, "Bearer " + token.group(1));
    }

    /**
     * Before the first measurement (after the part has written its rows): fresh planner statistics of every table on
     * PostgreSQL, as autovacuum keeps them in production (the benchmark machines run with autovacuum off, and a set
     * just written has none: the planner then takes 200,000 rows for one and picks nested loops).
     */
    private void analyseOnce() {
        if (!analysed && Boolean.TRUE.equals(statistics.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")))) {
            statistics.execute("analyze");
        }
        analysed = true;
    }

    /** Latency of one route: p50, p99 and max in ms over the measured requests, and answers that were not 200. */
    public record Latency(String path, int requests, double p50, double p99, double max, int failures) {
        public String figures() {
            return String.format("p50_ms=%.1f p99_ms=%.1f max_ms=%.1f", p50, p99, max);
        }
    }

    /** A session over real HTTP: GET pages and APIs with the session cookie, as a browser does. */
    public static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;
        private final String authorization;

        private Browser(String base, String username, String authorization) {
            this.base = base;
            this.authorization = authorization;
        }

        Browser(String base, String username) {
            this(base, username, null);
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
            Matcher m = CSRF.matcher(login.body());
            if (!m.find()) {
                throw new IllegalStateException("the login page has no CSRF token");
            }
            String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf="
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
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return send(request);
        }

        /** POST a JSON body to a route; the answer's body and status. */
        public HttpResponse<String> postJson(String path, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return send(request);
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

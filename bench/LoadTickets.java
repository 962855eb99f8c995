import cn.zugong.ZugongApplication;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.HistoricalItem;
import cn.zugong.tickets.TicketHistory;
import cn.zugong.tickets.TicketSource;
import cn.zugong.tickets.internal.Satisfaction;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 问题清单 load run (bench/load-tickets.sh), a single-file JDK program on the application's classpath.
 * Generates, in the running app's PostgreSQL database, TICKETS problem tickets raised over one YEAR across the units
 * under ROOT, written by the application's own batch import (it starts the application next to the running one and
 * calls {@code TicketHistory.write} (the tickets module's batch), which writes the closure items and their histories through
 * {@code ClosureItems.importHistorical}, then the ticket rows and the callbacks, in JDBC batches), of which SOLVED
 * are closed (销号) — by default the seed's 19,153 and 18,487, so the
 * headline reads "发现问题 19153 个，解决 18487 个，化解率 96.52%". Then it times the statistics page
 * /tickets/figures (signed in through the login form as the city administrator) and its API /api/tickets/figures
 * (HTTP Basic), REQUESTS times each after a warm-up, and prints one line:
 * {@code tickets tickets=… solved=… rate=…% figures_p50_ms=… figures_p99_ms=… figures_max_ms=… api_p50_ms=… …}.
 *
 * <p>Usage: java -cp CLASSPATH bench/LoadTickets.java BASE_URL JDBC_URL DB_USER ADMIN_PASSWORD
 * [TICKETS] [SOLVED] [YEAR] [ROOT_CODE] [REQUESTS]
 */
public class LoadTickets {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern HEADLINE = Pattern.compile("id=\"headline\">([^<]+)<");
    static final String[] CATEGORIES = {"POLICY", "FACTOR", "FACTOR", "FACTOR", "INFRA", "APPROVAL", "DISPUTE",
            "LIVELIHOOD", "LIVELIHOOD", "OTHER"};
    static final Map<String, Integer> SLA = Map.of("POLICY", 5, "FACTOR", 30, "INFRA", 60, "APPROVAL", 15,
            "DISPUTE", 15, "LIVELIHOOD", 20, "OTHER", 30);
    static final String[] SOURCES = {"VISIT", "VISIT", "VISIT", "VISIT", "VISIT", "VISIT", "HOTLINE", "HOTLINE",
            "MEETING", "LETTER"};
    static final int CADRES = 865;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        String dbUser = args[2];
        String adminPassword = args[3];
        int count = args.length > 4 ? Integer.parseInt(args[4]) : 19_153;
        int solved = args.length > 5 ? Integer.parseInt(args[5]) : 18_487;
        int year = args.length > 6 ? Integer.parseInt(args[6]) : 2025;
        String root = args.length > 7 ? args[7] : "3309";
        int requests = args.length > 8 ? Integer.parseInt(args[8]) : 50;
        long generateMs = generate(jdbcUrl, dbUser, count, solved, year, root);
        String query = "?year=" + year;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        login(http, base, "admin", adminPassword);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword)
                .getBytes(StandardCharsets.UTF_8));
        String headline = "";
        for (int i = 0; i < 5; i++) { // warm-up: JIT, template cache, PostgreSQL plans
            headline = page(http, base + "/tickets/figures" + query);
            api(http, base + "/api/tickets/figures" + query, basic);
        }
        List<Long> pageMs = new ArrayList<>();
        List<Long> apiMs = new ArrayList<>();
        List<Long> listMs = new ArrayList<>();
        List<Long> authMs = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            page(http, base + "/tickets/figures" + query);
            pageMs.add((System.nanoTime() - t) / 1_000_000);
            t = System.nanoTime();
            api(http, base + "/api/tickets/figures" + query, basic);
            apiMs.add((System.nanoTime() - t) / 1_000_000);
            t = System.nanoTime();
            page(http, base + "/tickets?overdue=true&page=" + (1 + i % 5));
            listMs.add((System.nanoTime() - t) / 1_000_000);
            t = System.nanoTime(); // the cost of HTTP Basic alone (a BCrypt check per request): a trivial API route
            get(http, base + "/api/tickets/categories", basic);
            authMs.add((System.nanoTime() - t) / 1_000_000);
        }
        System.out.println("headline: " + headline);
        System.out.printf("tickets tickets=%d solved=%d rate=%s generate_ms=%d requests=%d figures_p50_ms=%d "
                        + "figures_p99_ms=%d figures_max_ms=%d api_p50_ms=%d api_p99_ms=%d api_max_ms=%d list_p50_ms=%d "
                        + "list_p99_ms=%d basic_auth_p50_ms=%d%n", count, solved,
                java.math.BigDecimal.valueOf(solved * 100L).divide(java.math.BigDecimal.valueOf(count), 2,
                        java.math.RoundingMode.HALF_UP) + "%", generateMs, requests, pct(pageMs, 50), pct(pageMs, 99),
                Collections.max(pageMs), pct(apiMs, 50), pct(apiMs, 99), Collections.max(apiMs), pct(listMs, 50),
                pct(listMs, 99), pct(authMs, 50));
    }

    // ---- the data set ------------------------------------------------------------------------------------

    /**
     * Starts the application itself next to the running instance (same database, a random port, no demo, quiet
     * logs — as {@code --zugong.audit.verify} does) and writes the tickets through {@link TicketHistory} (the tickets module's batch), which puts
     * the closure items and their histories in through the closure module's one import
     * ({@code ClosureItems.importHistorical}): the load run writes exactly what the demo and any batch write, and
     * a change of the closure tables needs no change here. Returns the milliseconds of the write alone.
     */
    static long generate(String jdbcUrl, String dbUser, int count, int solved, int year, String rootCode) {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ZugongApplication.class)
                .profiles("postgres").logStartupInfo(false)
                // arguments, not default properties: they must win over application-postgres.yml
                .run("--server.port=0", "--zugong.demo.enabled=false", "--zugong.crypto.allow-demo-key=true",
                        "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + dbUser,
                        "--spring.datasource.password=" + System.getenv().getOrDefault("PGPASSWORD", ""),
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--logging.level.cn.zugong=WARN")) {
            System.out.println("application started for the write in " + (System.nanoTime() - started) / 1_000_000
                    + " ms");
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            TicketHistory history = app.getBean(TicketHistory.class);
            TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            long start = System.nanoTime();
            List<TicketHistory.Ticket> seeds = seeds(jdbc, count, solved, year, rootCode);
            tx.executeWithoutResult(t -> {
                // a second run over the same database starts again (load-tickets.sh creates a fresh one)
                String bench = " where item_id in (select id from closure_item where kind = 'PROBLEM_TICKET'"
                        + " and source_ref like 'bench-%')";
                jdbc.update("delete from ticket_callback" + bench);
                jdbc.update("delete from problem_ticket" + bench);
                jdbc.update("delete from closure_event" + bench);
                jdbc.update("delete from closure_item where kind = 'PROBLEM_TICKET' and source_ref like 'bench-%'");
                history.write(seeds, "bench", "问题清单压测");
            });
            long ms = (System.nanoTime() - start) / 1_000_000;
            for (String table : List.of("closure_item", "closure_event", "problem_ticket", "ticket_callback")) {
                jdbc.execute("analyze " + table);
            }
            return ms;
        }
    }

    /** The year of tickets with their histories, from a fixed seed. */
    static List<TicketHistory.Ticket> seeds(JdbcTemplate jdbc, int count, int solved, int year, String rootCode) {
        Map<String, Object> root = jdbc.queryForMap("select id, path from org_node where code = ?", rootCode);
        long rootId = ((Number) root.get("id")).longValue();
        List<Long> units = jdbc.queryForList("select id from org_node where kind = 'UNIT' and path like ? order by id",
                Long.class, root.get("path") + "%");
        Random random = new Random(19153);
        List<TicketHistory.Ticket> seeds = new ArrayList<>(count);
        ClosureStatus[] open = {ClosureStatus.IN_PROGRESS, ClosureStatus.ASSIGNED, ClosureStatus.RESOLVED,
                ClosureStatus.VERIFIED, ClosureStatus.REGISTERED};
        for (int i = 0; i < count; i++) {
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            LocalDateTime raised = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365))
                    .atTime(8 + random.nextInt(9), random.nextInt(60));
            LocalDate deadline = raised.toLocalDate().plusDays(1 + SLA.get(category));
            boolean closed = i < solved;
            ClosureStatus status = closed ? ClosureStatus.CLOSED : open[(i - solved) % open.length];
            LocalDateTime closedAt = closed ? raised.plusDays(1 + random.nextInt((int) (SLA.get(category) * 1.15)))
                    .plusHours(random.nextInt(6)) : null;
            boolean calledBack = closed || status == ClosureStatus.VERIFIED;
            Satisfaction satisfaction = calledBack
                    ? (random.nextInt(10) == 0 ? Satisfaction.BASIC : Satisfaction.SATISFIED) : null;
            String cadre = random.nextInt(4) == 0 ? null : String.format("%03d", 1 + random.nextInt(CADRES));
            String ref = String.format("bench-%d-%06d", year, i);
            long unit = units.get(random.nextInt(units.size()));
            TicketSource source = TicketSource.valueOf(SOURCES[random.nextInt(SOURCES.length)]);

            LocalDateTime triaged = raised.plusHours(3);
            LocalDateTime resolved = closedAt != null ? closedAt.minusDays(1)
                    : (status == ClosureStatus.RESOLVED || status == ClosureStatus.VERIFIED ? raised.plusDays(10) : null);
            LocalDateTime called = resolved == null || !calledBack ? null : resolved.plusHours(6);
            List<HistoricalItem.Step> events = new ArrayList<>();
            events.add(step(raised, ClosureAction.REGISTER, null, ClosureStatus.REGISTERED));
            if (status != ClosureStatus.REGISTERED) {
                events.add(step(triaged, ClosureAction.ASSIGN, ClosureStatus.REGISTERED, ClosureStatus.ASSIGNED));
            }
            if (status != ClosureStatus.REGISTERED && status != ClosureStatus.ASSIGNED) {
                events.add(step(triaged.plusHours(20), ClosureAction.START, ClosureStatus.ASSIGNED,
                        ClosureStatus.IN_PROGRESS));
            }
            if (resolved != null) {
                events.add(step(resolved, ClosureAction.RESOLVE, ClosureStatus.IN_PROGRESS, ClosureStatus.RESOLVED));
            }
            if (status == ClosureStatus.VERIFIED || closedAt != null) {
                events.add(step(called.plusHours(12), ClosureAction.VERIFY, ClosureStatus.RESOLVED,
                        ClosureStatus.VERIFIED));
            }
            if (closedAt != null) {
                events.add(step(closedAt, ClosureAction.CLOSE, ClosureStatus.VERIFIED, ClosureStatus.CLOSED));
            }
            List<TicketHistory.Callback> calls = called == null ? List.of()
                    : List.of(new TicketHistory.Callback(called, cadre == null ? "reviewer" : "bench-cadre-" + cadre,
                            cadre == null ? "市委组织部审核员" : "服务干部" + cadre, satisfaction.name(), "电话回访"));
            // still worked a year on: long past the deadline, so 红牌督办 to the level above (the job agrees)
            boolean working = status.working();
            seeds.add(new TicketHistory.Ticket(ref, category, source, "压测问题 " + ref, "压测生成的问题诉求", "压测请求人",
                    null, unit, unit, "admin", "市委组织部管理员", raised,
                    cadre == null ? null : "bench-cadre-" + cadre, cadre == null ? null : "服务干部" + cadre, status,
                    deadline, status == ClosureStatus.REGISTERED ? null : triaged, working ? 3 : 0,
                    working ? rootId : null, null, resolved != null ? "已协调解决" : null, resolved, closedAt, events,
                    calls, null));
        }
        return seeds;
    }

    static HistoricalItem.Step step(LocalDateTime at, ClosureAction action, ClosureStatus from, ClosureStatus to) {
        return new HistoricalItem.Step(at, "bench", "压测", action, from, to, null);
    }

    // ---- HTTP --------------------------------------------------------------------------------------------

    static void login(HttpClient http, String base, String user, String password) throws Exception {
        String csrf = match(CSRF, get(http, base + "/login", null).body());
        StringBuilder body = new StringBuilder();
        Map.of("username", user, "password", password, "_csrf", csrf).forEach((k, v) -> body
                .append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: " + login.statusCode() + " " + location);
        }
    }

    static String page(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = get(http, url, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        Matcher m = HEADLINE.matcher(r.body());
        return m.find() ? m.group(1).strip() : "";
    }

    static void api(HttpClient http, String url, String basic) throws Exception {
        HttpResponse<String> r = get(http, url, basic);
        if (r.statusCode() != 200 || !r.body().contains("\"headline\"")) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }

    static HttpResponse<String> get(HttpClient http, String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

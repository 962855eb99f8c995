import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 问题清单 load run (bench/load-tickets.sh), a single-file JDK program. Generates, in the running app's
 * PostgreSQL database, TICKETS problem tickets raised over one YEAR across the units under ROOT (bulk JDBC batches:
 * closure items with their final status, their closure events, the ticket rows and the callbacks, consistent with
 * what the workflow writes), of which SOLVED are closed (销号) — by default the seed's 19,153 and 18,487, so the
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

    record Ticket(String ref, long unit, String category, String source, LocalDateTime raised, LocalDate deadline,
                  String status, LocalDateTime closed, String cadre, boolean calledBack, String satisfaction) {
    }

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
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser,
                System.getenv().getOrDefault("PGPASSWORD", ""))) {
            generate(db, count, solved, year, root);
        }
        long generateMs = (System.nanoTime() - start) / 1_000_000;
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

    static void generate(Connection db, int count, int solved, int year, String rootCode) throws Exception {
        db.setAutoCommit(false);
        long rootId;
        String rootPath;
        try (PreparedStatement ps = db.prepareStatement("select id, path from org_node where code = ?")) {
            ps.setString(1, rootCode);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no org node with code " + rootCode);
                }
                rootId = rs.getLong(1);
                rootPath = rs.getString(2);
            }
        }
        List<Long> units = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "select id from org_node where kind = 'UNIT' and path like ? order by id")) {
            ps.setString(1, rootPath + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.add(rs.getLong(1));
                }
            }
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate("delete from ticket_callback where item_id in (select id from closure_item"
                    + " where kind = 'PROBLEM_TICKET' and source_ref like 'bench-%')");
            s.executeUpdate("delete from problem_ticket where item_id in (select id from closure_item"
                    + " where kind = 'PROBLEM_TICKET' and source_ref like 'bench-%')");
            s.executeUpdate("delete from closure_event where item_id in (select id from closure_item"
                    + " where kind = 'PROBLEM_TICKET' and source_ref like 'bench-%')");
            s.executeUpdate("delete from closure_item where kind = 'PROBLEM_TICKET' and source_ref like 'bench-%'");
        }
        Random random = new Random(19153);
        List<Ticket> tickets = new ArrayList<>(count);
        String[] open = {"IN_PROGRESS", "ASSIGNED", "RESOLVED", "VERIFIED", "REGISTERED"};
        for (int i = 0; i < count; i++) {
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            LocalDateTime raised = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365))
                    .atTime(8 + random.nextInt(9), random.nextInt(60));
            LocalDate deadline = raised.toLocalDate().plusDays(1 + SLA.get(category));
            boolean closed = i < solved;
            String status = closed ? "CLOSED" : open[(i - solved) % open.length];
            LocalDateTime closedAt = closed ? raised.plusDays(1 + random.nextInt((int) (SLA.get(category) * 1.15)))
                    .plusHours(random.nextInt(6)) : null;
            boolean calledBack = closed || "VERIFIED".equals(status);
            String satisfaction = calledBack ? (random.nextInt(10) == 0 ? "BASIC" : "SATISFIED") : null;
            String cadre = random.nextInt(4) == 0 ? null : String.format("%03d", 1 + random.nextInt(CADRES));
            tickets.add(new Ticket(String.format("bench-%d-%06d", year, i), units.get(random.nextInt(units.size())),
                    category, SOURCES[random.nextInt(SOURCES.length)], raised, deadline, status, closedAt, cadre,
                    calledBack, satisfaction));
        }
        try (PreparedStatement ps = db.prepareStatement("""
                insert into closure_item (kind, source_ref, owner_node_id, category, title, description, status,
                    resolution, deadline, escalation, escalated_to_node_id, registered_by, registered_at, updated_at,
                    closed_at)
                values ('PROBLEM_TICKET', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'admin', ?, ?, ?)
                """)) {
            int n = 0;
            for (Ticket t : tickets) {
                boolean working = t.status().equals("REGISTERED") || t.status().equals("ASSIGNED")
                        || t.status().equals("IN_PROGRESS");
                ps.setString(1, t.ref());
                ps.setLong(2, t.unit());
                ps.setString(3, t.category());
                ps.setString(4, "压测问题 " + t.ref());
                ps.setString(5, "压测生成的问题诉求");
                ps.setString(6, t.status());
                ps.setString(7, t.closed() != null || t.status().equals("RESOLVED") || t.status().equals("VERIFIED")
                        ? "已协调解决" : null);
                ps.setObject(8, t.deadline());
                // still worked a year on: long past the deadline, so 红牌督办 to the level above (the job agrees)
                ps.setInt(9, working ? 3 : 0);
                ps.setObject(10, working ? rootId : null);
                ps.setTimestamp(11, Timestamp.valueOf(t.raised()));
                ps.setTimestamp(12, Timestamp.valueOf(t.closed() != null ? t.closed() : t.raised().plusDays(2)));
                ps.setTimestamp(13, t.closed() == null ? null : Timestamp.valueOf(t.closed()));
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        Map<String, Long> ids = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select source_ref, id from closure_item where kind = 'PROBLEM_TICKET' and source_ref like 'bench-%'")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (PreparedStatement event = db.prepareStatement("""
                insert into closure_event (item_id, happened_at, actor, actor_name, action, from_status, to_status, note)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """);
             PreparedStatement ticket = db.prepareStatement("""
                insert into problem_ticket (item_id, ticket_no, category_code, source, title, description,
                    requester_name, raised_node_id, raised_by, raised_by_name, raised_at, raised_year, raised_quarter,
                    raised_month, cadre_username, cadre_name, owner_node_id, status, deadline, triaged_at, escalation,
                    resolved_at, callback_at, satisfaction, closed_at, days_to_close, closed_late, reopen_count,
                    callback_count, satisfied_count)
                values (?, ?, ?, ?, ?, ?, '压测请求人', ?, 'admin', '市委组织部管理员', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?, ?, 0, ?, ?)
                """);
             PreparedStatement callback = db.prepareStatement("""
                insert into ticket_callback (item_id, called_at, called_by, called_name, satisfaction, note)
                values (?, ?, ?, ?, ?, '电话回访')
                """)) {
            int n = 0;
            for (Ticket t : tickets) {
                long id = ids.get(t.ref());
                LocalDateTime triaged = t.raised().plusHours(3);
                LocalDateTime resolved = t.closed() != null ? t.closed().minusDays(1)
                        : (t.status().equals("RESOLVED") || t.status().equals("VERIFIED") ? t.raised().plusDays(10) : null);
                LocalDateTime called = resolved == null || !t.calledBack() ? null : resolved.plusHours(6);
                List<String[]> steps = new ArrayList<>();
                steps.add(new String[] {"REGISTER", null, "REGISTERED"});
                if (!t.status().equals("REGISTERED")) {
                    steps.add(new String[] {"ASSIGN", "REGISTERED", "ASSIGNED"});
                }
                if (!t.status().equals("REGISTERED") && !t.status().equals("ASSIGNED")) {
                    steps.add(new String[] {"START", "ASSIGNED", "IN_PROGRESS"});
                }
                if (resolved != null) {
                    steps.add(new String[] {"RESOLVE", "IN_PROGRESS", "RESOLVED"});
                }
                if (t.status().equals("VERIFIED") || t.closed() != null) {
                    steps.add(new String[] {"VERIFY", "RESOLVED", "VERIFIED"});
                }
                if (t.closed() != null) {
                    steps.add(new String[] {"CLOSE", "VERIFIED", "CLOSED"});
                }
                for (String[] step : steps) {
                    LocalDateTime at = switch (step[0]) {
                        case "REGISTER" -> t.raised();
                        case "ASSIGN" -> triaged;
                        case "START" -> triaged.plusHours(20);
                        case "RESOLVE" -> resolved;
                        case "VERIFY" -> called.plusHours(12);
                        default -> t.closed();
                    };
                    event.setLong(1, id);
                    event.setTimestamp(2, Timestamp.valueOf(at));
                    event.setString(3, "bench");
                    event.setString(4, "压测");
                    event.setString(5, step[0]);
                    event.setString(6, step[1]);
                    event.setString(7, step[2]);
                    event.setString(8, null);
                    event.addBatch();
                }
                boolean working = t.status().equals("REGISTERED") || t.status().equals("ASSIGNED")
                        || t.status().equals("IN_PROGRESS");
                ticket.setLong(1, id);
                ticket.setString(2, "WT" + t.raised().getYear() + "-" + String.format("%06d", id));
                ticket.setString(3, t.category());
                ticket.setString(4, t.source());
                ticket.setString(5, "压测问题 " + t.ref());
                ticket.setString(6, "压测生成的问题诉求");
                ticket.setLong(7, t.unit());
                ticket.setTimestamp(8, Timestamp.valueOf(t.raised()));
                ticket.setInt(9, t.raised().getYear());
                ticket.setInt(10, (t.raised().getMonthValue() + 2) / 3);
                ticket.setInt(11, t.raised().getMonthValue());
                ticket.setString(12, t.cadre() == null ? null : "bench-cadre-" + t.cadre());
                ticket.setString(13, t.cadre() == null ? null : "服务干部" + t.cadre());
                ticket.setLong(14, t.unit());
                ticket.setString(15, t.status());
                ticket.setObject(16, t.deadline());
                ticket.setTimestamp(17, t.status().equals("REGISTERED") ? null : Timestamp.valueOf(triaged));
                ticket.setInt(18, working ? 3 : 0);
                ticket.setTimestamp(19, resolved == null ? null : Timestamp.valueOf(resolved));
                ticket.setTimestamp(20, called == null ? null : Timestamp.valueOf(called));
                ticket.setString(21, called == null ? null : t.satisfaction());
                ticket.setTimestamp(22, t.closed() == null ? null : Timestamp.valueOf(t.closed()));
                if (t.closed() == null) {
                    ticket.setObject(23, null);
                } else {
                    ticket.setInt(23, (int) ChronoUnit.DAYS.between(t.raised().toLocalDate(), t.closed().toLocalDate()));
                }
                ticket.setBoolean(24, t.closed() != null && resolved.toLocalDate().isAfter(t.deadline()));
                ticket.setInt(25, called == null ? 0 : 1);
                ticket.setInt(26, called == null ? 0 : 1); // every generated callback is 满意 or 基本满意
                ticket.addBatch();
                if (called != null) {
                    callback.setLong(1, id);
                    callback.setTimestamp(2, Timestamp.valueOf(called));
                    callback.setString(3, t.cadre() == null ? "reviewer" : "bench-cadre-" + t.cadre());
                    callback.setString(4, t.cadre() == null ? "市委组织部审核员" : "服务干部" + t.cadre());
                    callback.setString(5, t.satisfaction());
                    callback.addBatch();
                }
                if (++n % 1000 == 0) {
                    event.executeBatch();
                    ticket.executeBatch();
                    callback.executeBatch();
                }
            }
            event.executeBatch();
            ticket.executeBatch();
            callback.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("analyze closure_item");
            s.execute("analyze closure_event");
            s.execute("analyze problem_ticket");
            s.execute("analyze ticket_callback");
        }
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

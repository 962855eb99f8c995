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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The 亮灯台 load run (bench/load-lighting.sh), a single-file JDK program: prepares, in the running app's
 * PostgreSQL database, a list whose reporting window for last month closes at the end of today (the last
 * stretch of the window), {@code tasksPerUnit} tasks for each of {@code reporters} units and one REPORTER
 * account per unit (BCrypt hash of a policy-conform password); then every reporter logs in through the login
 * form (CSRF token from the page), opens the one-stop reporting page and, all reporters at once, submits each
 * of its unit's tasks through the page's form route. Finally it counts the stored submissions.
 *
 * <p>Usage: java -cp CLASSPATH bench/LoadLighting.java BASE_URL JDBC_URL DB_USER [REPORTERS] [TASKS_PER_UNIT]
 */
public class LoadLighting {

    static final String PASSWORD = "Load-Test#2026";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern TASK = Pattern.compile("name=\"taskId\" value=\"(\\d+)\"");

    record Prepared(long listId, String month, Map<String, List<Long>> tasksByUser) {
    }

    record Outcome(List<Long> submitMillis, int sent, int ok, int errors4xx, int errors5xx, int failures) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        String dbUser = args[2];
        int reporters = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int perUnit = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Prepared prepared;
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, System.getenv().getOrDefault("PGPASSWORD", ""))) {
            prepared = prepare(db, reporters, perUnit);
        }
        Outcome o = run(base, prepared);
        long stored;
        long distinct;
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, System.getenv().getOrDefault("PGPASSWORD", ""));
             PreparedStatement ps = db.prepareStatement("select count(*), count(distinct r.task_id) from lighting_report r "
                     + "join lighting_task t on t.id = r.task_id where t.list_id = ? and r.period = ? and r.status = 'SUBMITTED'")) {
            ps.setLong(1, prepared.listId());
            ps.setInt(2, Integer.parseInt(prepared.month().replace("-", "")));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                stored = rs.getLong(1);
                distinct = rs.getLong(2);
            }
        }
        List<Long> ms = new ArrayList<>(o.submitMillis());
        Collections.sort(ms);
        System.out.printf("load reporters=%d submissions=%d stored=%d distinct=%d errors_4xx=%d errors_5xx=%d failures=%d "
                        + "p50_ms=%d p99_ms=%d max_ms=%d%n", prepared.tasksByUser().size(), o.sent(), stored, distinct,
                o.errors4xx(), o.errors5xx(), o.failures(), pct(ms, 50), pct(ms, 99), ms.isEmpty() ? 0 : ms.get(ms.size() - 1));
        boolean good = stored == o.ok() && stored == o.sent() && distinct == stored && o.errors5xx() == 0 && o.failures() == 0;
        System.out.println(good ? "load OK: every submission stored exactly once, no 5xx" : "load FAILED");
        System.exit(good ? 0 : 1);
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** A list for last month whose window closes at the end of today, its tasks and one reporter per unit. */
    static Prepared prepare(Connection db, int reporters, int perUnit) throws Exception {
        db.setAutoCommit(false);
        LocalDate today = LocalDate.now();
        LocalDate reported = today.minusMonths(1);
        String month = String.format("%d-%02d", reported.getYear(), reported.getMonthValue());
        String code = "LOAD-" + System.currentTimeMillis();
        long city = single(db, "select id from org_node where code = '3309'");
        long listId;
        try (PreparedStatement ps = db.prepareStatement("insert into lighting_list (code, name, list_year, domain, source, "
                + "owner_node_id, open_day, close_day, remind_days, blue_ratio, yellow_ratio, red_ratio, stall_months, "
                + "points_green, points_blue, points_yellow, points_purple, points_red, created_by) values (?, ?, ?, '人才工作', "
                + "'年度重点任务', ?, 1, ?, 3, 1.0, 0.8, null, 2, 100, 90, 70, 40, 0, 'load')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, code);
            ps.setString(2, "压测清单 " + code);
            ps.setInt(3, reported.getYear());
            ps.setLong(4, city);
            ps.setInt(5, today.getDayOfMonth());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                listId = keys.getLong(1);
            }
        }
        List<Long> units = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select id from org_node where kind = 'UNIT' order by id limit " + reporters)) {
            while (rs.next()) {
                units.add(rs.getLong(1));
            }
        }
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        Map<String, List<Long>> tasksByUser = new LinkedHashMap<>();
        try (PreparedStatement task = db.prepareStatement("insert into lighting_task (list_id, code, title, lead_unit_id, "
                + "weight, target_value, measure, plan, deadline) values (?, ?, ?, ?, 1, 100, '项', "
                + "'8,16,25,33,41,50,58,66,75,83,91,100', ?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement account = db.prepareStatement("insert into account (username, password_hash, display_name, "
                     + "role, scope_node_id, must_change_password, password_changed_at, created_by) values (?, ?, ?, "
                     + "'REPORTER', ?, false, current_timestamp, 'load')")) {
            for (int u = 0; u < units.size(); u++) {
                String user = String.format("load%d_%03d", listId, u);
                List<Long> ids = new ArrayList<>();
                for (int t = 0; t < perUnit; t++) {
                    task.setLong(1, listId);
                    task.setString(2, String.format("L%03d-%d", u, t));
                    task.setString(3, "压测任务 " + u + "-" + t);
                    task.setLong(4, units.get(u));
                    task.setDate(5, java.sql.Date.valueOf(LocalDate.of(reported.getYear(), 12, 31)));
                    task.executeUpdate();
                    try (ResultSet keys = task.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
                account.setString(1, user);
                account.setString(2, hash);
                account.setString(3, "压测填报员" + u);
                account.setLong(4, units.get(u));
                account.executeUpdate();
                tasksByUser.put(user, ids);
            }
        }
        db.commit();
        System.out.printf("prepared list=%s month=%s window closes at the end of %s, %d reporters, %d tasks%n", code, month,
                today, tasksByUser.size(), tasksByUser.size() * perUnit);
        return new Prepared(listId, month, tasksByUser);
    }

    static long single(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Logs every reporter in, then releases all of them at once to submit their unit's tasks. */
    static Outcome run(String base, Prepared p) throws Exception {
        int n = p.tasksByUser().size();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger e4 = new AtomicInteger();
        AtomicInteger e5 = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (var entry : p.tasksByUser().entrySet()) {
            futures.add(pool.submit(() -> {
                try {
                    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
                    String csrf;
                    try {
                        csrf = match(CSRF, get(http, base + "/login").body());
                        var login = post(http, base + "/login", Map.of("username", entry.getKey(), "password", PASSWORD,
                                "_csrf", csrf));
                        String location = login.headers().firstValue("Location").orElse("");
                        if (login.statusCode() != 302 || location.contains("error")) {
                            throw new IllegalStateException("login of " + entry.getKey() + " failed: " + login.statusCode()
                                    + " " + location);
                        }
                        var page = get(http, base + "/lighting/report?listId=" + p.listId() + "&month=" + p.month());
                        if (page.statusCode() != 200) {
                            throw new IllegalStateException("report page: " + page.statusCode());
                        }
                        csrf = match(CSRF, page.body());
                        List<String> shown = new ArrayList<>();
                        Matcher m = TASK.matcher(page.body());
                        while (m.find()) {
                            shown.add(m.group(1));
                        }
                        if (!shown.containsAll(entry.getValue().stream().map(String::valueOf).toList())) {
                            throw new IllegalStateException("the page does not show the unit's tasks: " + shown);
                        }
                    } finally {
                        ready.countDown();
                    }
                    go.await();
                    int i = 0;
                    for (long taskId : entry.getValue()) {
                        Map<String, String> form = new LinkedHashMap<>();
                        form.put("taskId", String.valueOf(taskId));
                        form.put("month", p.month());
                        form.put("actual", String.valueOf(70 + i++));
                        form.put("narrative", "已完成本月工作，压测提交 " + taskId);
                        form.put("action", "submit");
                        form.put("_csrf", csrf);
                        long start = System.nanoTime();
                        sent.incrementAndGet();
                        var r = post(http, base + "/lighting/report/save", form);
                        millis.add((System.nanoTime() - start) / 1_000_000);
                        int s = r.statusCode();
                        if (s == 302 && !r.headers().firstValue("Location").orElse("").contains("login")) {
                            ok.incrementAndGet();
                        } else if (s >= 500) {
                            e5.incrementAndGet();
                        } else {
                            e4.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println(entry.getKey() + ": " + e);
                }
                return null;
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        System.out.printf("all submissions done in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        pool.shutdown();
        return new Outcome(millis, sent.get(), ok.get(), e4.get(), e5.get(), failures.get());
    }

    static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in the page");
        }
        return m.group(1);
    }

    static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}

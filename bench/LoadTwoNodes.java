import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The client of the two-node run (bench/two-nodes.sh), a single-file JDK program built on bench/LoadLighting.java
 * (same preparation: a list whose window for last month closes at the end of today, {@code tasksPerUnit} tasks
 * and one REPORTER per unit). Against nginx in front of two nodes:
 * <ol>
 * <li>every reporter signs in through the login form (CSRF token from the page) and opens the one-stop reporting
 *     page — all of this before any node is killed;</li>
 * <li>all reporters at once submit their unit's tasks through the page's form route, with a random think time
 *     (0..2×THINK_MS) before each submission, so that the load lasts; when half of the submissions have been
 *     sent the client creates HALF_FILE (the script then kills a node with kill -9 and creates KILLED_FILE);
 *     a submission that fails (connection error or 5xx) is sent once more after a second, as a user would;</li>
 * <li>once KILLED_FILE exists and every submission is done, every reporter opens the reporting page again with
 *     the session it signed in with before the kill: a 200 (not a redirect to /login) is a session kept;</li>
 * <li>it counts in the database the stored submissions, the (task, period) pairs stored more than once and the
 *     submissions the client got a success for that are not stored (lost).</li>
 * </ol>
 * Prints one line {@code two-nodes-client reporters=… submissions=… ok=… stored=… lost=… duplicated=…
 * errors_5xx=… errors_4xx=… failures=… retried=… sessions_kept=…}.
 *
 * <p>Usage: java -cp CLASSPATH bench/LoadTwoNodes.java BASE_URL JDBC_URL DB_USER REPORTERS TASKS_PER_UNIT THINK_MS
 * HALF_FILE KILLED_FILE
 */
public class LoadTwoNodes {

    static final String PASSWORD = "Load-Test#2026";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern TASK = Pattern.compile("name=\"taskId\" value=\"(\\d+)\"");

    record Prepared(long listId, String month, Map<String, List<Long>> tasksByUser) {
    }

    static final AtomicInteger sent = new AtomicInteger();
    static final AtomicInteger ok = new AtomicInteger();
    static final AtomicInteger e4 = new AtomicInteger();
    static final AtomicInteger e5 = new AtomicInteger();
    static final AtomicInteger failures = new AtomicInteger();
    static final AtomicInteger retried = new AtomicInteger();
    static final AtomicInteger kept = new AtomicInteger();
    static final AtomicBoolean half = new AtomicBoolean();
    static final Set<Long> succeeded = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        String dbUser = args[2];
        int reporters = Integer.parseInt(args[3]);
        int perUnit = Integer.parseInt(args[4]);
        int thinkMs = Integer.parseInt(args[5]);
        Path halfFile = Path.of(args[6]);
        Path killedFile = Path.of(args[7]);
        String dbPassword = System.getenv().getOrDefault("PGPASSWORD", "");
        Prepared prepared;
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            prepared = prepare(db, reporters, perUnit);
        }
        run(base, prepared, thinkMs, halfFile, killedFile);
        long stored;
        long duplicated;
        Set<Long> storedTasks = new HashSet<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            try (PreparedStatement ps = db.prepareStatement("select r.task_id from lighting_report r join lighting_task t "
                    + "on t.id = r.task_id where t.list_id = ? and r.period = ? and r.status = 'SUBMITTED'")) {
                ps.setLong(1, prepared.listId());
                ps.setInt(2, Integer.parseInt(prepared.month().replace("-", "")));
                stored = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored++;
                        storedTasks.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = db.prepareStatement("select count(*) from (select r.task_id, r.period "
                    + "from lighting_report r join lighting_task t on t.id = r.task_id where t.list_id = ? "
                    + "group by r.task_id, r.period having count(*) > 1) d")) {
                ps.setLong(1, prepared.listId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    duplicated = rs.getLong(1);
                }
            }
        }
        long lost = succeeded.stream().filter(id -> !storedTasks.contains(id)).count();
        System.out.printf("two-nodes-client reporters=%d submissions=%d ok=%d stored=%d lost=%d duplicated=%d "
                        + "errors_5xx=%d errors_4xx=%d failures=%d retried=%d sessions_kept=%d%n",
                prepared.tasksByUser().size(), sent.get(), ok.get(), stored, lost, duplicated, e5.get(), e4.get(),
                failures.get(), retried.get(), kept.get());
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

    /**
     * Signs every reporter in, then releases all of them at once to submit their unit's tasks with think times;
     * after the kill, checks each reporter's session.
     */
    static void run(String base, Prepared p, int thinkMs, Path halfFile, Path killedFile) throws Exception {
        int n = p.tasksByUser().size();
        int total = p.tasksByUser().values().stream().mapToInt(List::size).sum();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch submitted = new CountDownLatch(n);
        CountDownLatch check = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (var entry : p.tasksByUser().entrySet()) {
            futures.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
                String csrf = null;
                try {
                    csrf = match(CSRF, counted(get(http, base + "/login")).body());
                    var login = counted(post(http, base + "/login", Map.of("username", entry.getKey(),
                            "password", PASSWORD, "_csrf", csrf)));
                    String location = login.headers().firstValue("Location").orElse("");
                    if (login.statusCode() != 302 || location.contains("error")) {
                        throw new IllegalStateException("login of " + entry.getKey() + " failed: "
                                + login.statusCode() + " " + location);
                    }
                    var page = counted(get(http, reportPage(base, p)));
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
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println(entry.getKey() + " (sign-in): " + e);
                    csrf = null;
                } finally {
                    ready.countDown();
                }
                try {
                    go.await();
                    if (csrf != null) {
                        int i = 0;
                        for (long taskId : entry.getValue()) {
                            Thread.sleep(ThreadLocalRandom.current().nextInt(2 * thinkMs + 1));
                            submit(http, base, p, taskId, 70 + i++, csrf, total, halfFile);
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println(entry.getKey() + ": " + e);
                } finally {
                    submitted.countDown();
                }
                try {
                    check.await();
                    if (csrf != null) {
                        var again = counted(get(http, reportPage(base, p)));
                        if (again.statusCode() == 200) {
                            kept.incrementAndGet();
                        } else {
                            System.err.println(entry.getKey() + " after the kill: " + again.statusCode() + " "
                                    + again.headers().firstValue("Location").orElse(""));
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println(entry.getKey() + " (session check): " + e);
                }
                return null;
            }));
        }
        ready.await();
        System.out.printf("%d reporters signed in; submitting %d tasks%n", n, total);
        long start = System.nanoTime();
        go.countDown();
        submitted.await();
        System.out.printf("all submissions done in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (int i = 0; i < 1200 && !Files.exists(killedFile); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(killedFile)) {
            System.err.println("no node was killed (" + killedFile + " missing)");
        }
        check.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** One submission, sent once more after a second when it failed (connection error or 5xx). */
    static void submit(HttpClient http, String base, Prepared p, long taskId, int actual, String csrf, int total,
                       Path halfFile) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("taskId", String.valueOf(taskId));
        form.put("month", p.month());
        form.put("actual", String.valueOf(actual));
        form.put("narrative", "已完成本月工作，双节点压测提交 " + taskId);
        form.put("action", "submit");
        form.put("_csrf", csrf);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (attempt > 0) {
                retried.incrementAndGet();
                Thread.sleep(1000);
            }
            if (sent.incrementAndGet() == total / 2 && half.compareAndSet(false, true)) {
                System.out.println("half of the submissions sent");
                Files.writeString(halfFile, "half\n");
            }
            try {
                var r = counted(post(http, base + "/lighting/report/save", form));
                int s = r.statusCode();
                if (s == 302 && !r.headers().firstValue("Location").orElse("").contains("login")) {
                    ok.incrementAndGet();
                    succeeded.add(taskId);
                    return;
                }
                if (s < 500) {
                    System.err.println("task " + taskId + ": " + s + " " + r.headers().firstValue("Location").orElse(""));
                    return;
                }
                System.err.println("task " + taskId + ": " + s);
            } catch (java.io.IOException e) {
                failures.incrementAndGet();
                System.err.println("task " + taskId + ": " + e);
            }
        }
    }

    static String reportPage(String base, Prepared p) {
        return base + "/lighting/report?listId=" + p.listId() + "&month=" + p.month();
    }

    /** Counts 4xx and 5xx answers. */
    static HttpResponse<String> counted(HttpResponse<String> r) {
        if (r.statusCode() >= 500) {
            e5.incrementAndGet();
        } else if (r.statusCode() >= 400) {
            e4.incrementAndGet();
        }
        return r;
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

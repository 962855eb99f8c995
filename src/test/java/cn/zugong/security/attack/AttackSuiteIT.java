package cn.zugong.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.closure.ClosureItems;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.security.attack.planted.PlantedDefects;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Role;
import cn.zugong.tickets.ProblemTickets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The attack suite: it checks effects, not status codes. Every route the application maps (read from Spring
 * MVC's handler mappings, so a new route is attacked without anyone adding it) is called by every caller of
 * {@link Caller}, each id aimed at a real object of its own kind ({@link IdKinds}, {@link Targets}), every
 * write and workflow action with valid parameters and bodies; the policy ({@link AccessPolicy}, per route and
 * action, from the README) says who may. Refused writes must leave the database unchanged (checksums of every
 * table), uploads are attacked as a caller in scope so that the parser is reached, the masked ID number must
 * not be rebuildable from what the API shows, chains of officer actions must not let one officer become
 * another, refusals, whole-ID searches and reads of personal data must be audited, and the main passes run
 * again against the real server. Each check is shown to catch a planted defect ({@link PlantedDefects}).
 */
@IntegrationTest
class AttackSuiteIT {

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "%' OR 1=1 --", "'; DROP TABLE person; --",
            "x' UNION SELECT id_number, name FROM person --", "330903%", "_%", "\\", "${7*7}", "<svg onload=alert(3)>");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The figures of the run, across the test methods (printed once at the end). */
    private static final Map<String, Integer> FIGURES = new ConcurrentHashMap<>();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired ClosureItems closure;
    @Autowired ProblemTickets tickets;
    @Autowired TestClock clock;
    @Autowired cn.zugong.talent.TalentCodes talentCodes;
    @Autowired cn.zugong.talent.TalentRegistry talentRegistry;
    @Autowired cn.zugong.talent.TalentSupportDesk talentSupport;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    @LocalServerPort int port;

    Targets targets;
    List<Route> routes;
    List<Route> planted;
    Attack attack;
    Http.Mock mock;

    @BeforeEach
    void aim() {
        targets = Targets.ensure(new Targets.Services(orgBuilder, tree, roster, accounts, jdbc, closure, tickets, clock,
                this::reportJob, talentCodes, talentRegistry, talentSupport));
        List<Route> all = Route.all(mapping);
        routes = all.stream().filter(r -> !isPlanted(r)).toList();
        planted = all.stream().filter(AttackSuiteIT::isPlanted).toList();
        attack = new Attack(targets, new DbSnapshot(jdbc));
        mock = new Http.Mock(mvc, users);
    }

    private static boolean isPlanted(Route r) {
        return r.pattern().startsWith(PlantedDefects.PAGES) || r.pattern().startsWith(PlantedDefects.API);
    }

    /** A healthcheck report job of another user, as the application makes it (its id is in the redirect). */
    private String reportJob(String username, long nodeId) {
        try {
            MvcResult result = mvc.perform(post("/healthcheck/nodes/" + nodeId + "/reports").param("format", "docx")
                    .with(users.page(username)).with(csrf())).andReturn();
            String location = result.getResponse().getRedirectedUrl();
            return location == null ? "no-job" : location.substring(location.lastIndexOf('/') + 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void figures() {
        System.out.printf("attack suite: routes=%d callers=%d actions=%d requests mockmvc=%d real-server=%d "
                        + "db-snapshots=%d planted-defects caught=%d/%d%n", FIGURES.getOrDefault("routes", 0),
                Caller.all().size(), FIGURES.getOrDefault("actions", 0), FIGURES.getOrDefault("mock", 0),
                FIGURES.getOrDefault("real", 0), FIGURES.getOrDefault("snapshots", 0),
                FIGURES.getOrDefault("caught", 0), FIGURES.getOrDefault("planted", 0));
    }

    private void count(Http.Transport transport, DbSnapshot unused) {
        FIGURES.merge(transport == mock ? "mock" : "real", transport.count(), Integer::sum);
    }

    private void figures(List<Route> attacked) {
        FIGURES.put("routes", attacked.size());
        FIGURES.put("actions", (int) attacked.stream().mapToLong(r -> AccessPolicy.actions(r).size()).sum());
    }

    // ---- the policy is complete ---------------------------------------------------------------------------

    @Test
    void everyRouteActionAndIdIsDeclared() {
        assertThat(Attack.unclassified(routes)).as("declare them in AccessPolicy (who may) and IdKinds (what an id "
                + "names), and make a probe of each new kind in Targets").isEmpty();
        assertThat(routes).hasSizeGreaterThan(100);
        figures(routes);
    }

    // ---- reads and writes, through MockMvc and on the real server -------------------------------------------

    @Test
    void everyReadForEveryCallerLeaksNothing() throws Exception {
        List<String> problems = attack.reads(routes, mock);
        count(mock, null);
        System.out.println("attack suite: slowest reads " + attack.slowest());
        assertThat(problems).isEmpty();
    }

    @Test
    void refusedWritesLeaveTheDatabaseUnchanged() throws Exception {
        DbSnapshot db = new DbSnapshot(jdbc);
        Attack writes = new Attack(targets, db);
        List<String> problems = writes.writes(routes, mock);
        System.out.println("attack suite: slowest writes " + writes.slowest());
        FIGURES.merge("snapshots", db.taken(), Integer::sum);
        count(mock, db);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyReadOnTheRealServerLeaksNothing() throws Exception {
        Http.Real real = new Http.Real(port);
        List<String> problems = attack.reads(routes, real, 2);
        FIGURES.merge("real", real.count(), Integer::sum);
        assertThat(problems).isEmpty();
    }

    @Test
    void refusedWritesOnTheRealServerLeaveTheDatabaseUnchanged() throws Exception {
        Http.Real real = new Http.Real(port).signedIn(Caller.all());
        DbSnapshot db = new DbSnapshot(jdbc);
        List<String> problems = new Attack(targets, db).writes(routes, real);
        FIGURES.merge("real", real.count(), Integer::sum);
        FIGURES.merge("snapshots", db.taken(), Integer::sum);
        assertThat(problems).isEmpty();
    }

    // ---- uploads ----------------------------------------------------------------------------------------------

    @Test
    void uploadsReachTheParserAndAreRefusedWithAReason() throws Exception {
        List<Route> uploads = routes.stream().filter(r -> !r.files().isEmpty()).toList();
        assertThat(uploads).hasSizeGreaterThanOrEqualTo(8);
        assertThat(uploads).anyMatch(r -> r.files().stream().anyMatch(p -> p.source() == Route.Source.FILES));
        List<Route> members = uploads.stream().filter(r -> r.pattern().startsWith("/party/my")
                || r.pattern().startsWith("/api/party/my")).toList();
        List<String> problems = new java.util.ArrayList<>(attack.uploads(
                uploads.stream().filter(r -> !members.contains(r)).toList(), mock, uploader(), zipBomb()));
        // a party member's own pages (ADR 068) reach nobody else: the member uploads there
        problems.addAll(attack.uploads(members, mock, caller("dangyuan"), zipBomb()));
        count(mock, null);
        assertThat(problems).isEmpty();
    }

    /** The 定海 administrator: its scope covers the 定海教育局 probes, so only the file can be refused. */
    private static Caller uploader() {
        return caller("dinghai");
    }

    private static Caller caller(String username) {
        return Caller.all().stream().filter(c -> username.equals(c.username())).findFirst().orElseThrow();
    }

    @Test
    void oversizedUploadsAreRefusedBeforeTheyAreRead() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 100_000]; // within Tomcat's 2 MB swallow margin, so the 413 is read
        String boundary = "zgattack";
        for (Route route : routes.stream().filter(r -> !r.files().isEmpty() && r.api()).toList()) {
            var body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + route.files().get(0).name()
                    + "\"; filename=\"big.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(big);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            // ratings, ballots part: an id in the path (the size is refused before any handler)
                            URI.create("http://localhost:" + port + route.pattern().replaceAll("\\{[^}]+}", "0")))
                    .header("Authorization", basic("dinghai"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            FIGURES.merge("real", 1, Integer::sum);
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(413);
            assertThat(response.body()).contains("上传文件过大");
        }
    }

    // ---- text and script ----------------------------------------------------------------------------------------

    @Test
    void sqlInjectionInEveryTextParameterIsJustText() throws Exception {
        long people = jdbc.sql("select count(*) from person").query(Long.class).single();
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (route.stringParams().isEmpty() || route.writes()) {
                continue;
            }
            Caller caller = Caller.all().stream().filter(c -> !c.anonymous() && c.scoped()
                    && AccessPolicy.allows(route, null, c.role())).findFirst().orElse(null);
            if (caller == null) {
                continue;
            }
            for (String payload : INJECTIONS) {
                Http.Request valid = attack.request(route, null, caller, targets.home);
                Map<String, String> params = new LinkedHashMap<>(valid.params());
                route.stringParams().forEach(p -> params.put(p, payload));
                Http.Answer answer = attack.send(mock, new Http.Request(valid.method(), valid.path(), params,
                        valid.files(), valid.json(), caller, valid.api()));
                if (answer.status() >= 500) {
                    problems.add(route + " " + payload + " -> " + answer.status());
                }
                if (answer.body().contains(targets.probeIdNumber) || answer.body().contains(Targets.PROBE_NAME)) {
                    problems.add(route + " " + payload + ": shows the 普陀 probe");
                }
            }
        }
        count(mock, null);
        assertThat(problems).isEmpty();
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(people);
    }

    @Test
    void scriptInNamesIsRenderedEscaped() throws Exception {
        for (String url : List.of("/people?q=" + enc("<script>"), "/people/" + targets.scriptPerson,
                "/org/nodes/" + targets.scriptUnit, "/org/search?q=" + enc("定海<img"),
                "/org/nodes/" + tree.byCode("330902").orElseThrow().id())) {
            String body = body(mvc.perform(get(URI.create(url)).with(users.page("dinghai"))).andReturn());
            assertThat(body).as(url).doesNotContain(Targets.SCRIPT_NAME, "<img src=x onerror")
                    .containsAnyOf("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
        }
        MvcResult json = mvc.perform(get("/api/people/" + targets.scriptPerson).with(httpBasic("dinghai",
                IntegrationTest.PASSWORD))).andReturn();
        assertThat(json.getResponse().getContentType()).startsWith("application/json");
    }

    @Test
    void aDictionaryAttackStopsAtTheLockOut() throws Exception {
        String[] dictionary = {"123456", "Zugong@2025", "Zhoushan@2026", "Admin@123", "Passw0rd!", "Qwer@1234",
                "Zugong@2024", IntegrationTest.PASSWORD, "Zugong#2026"};
        String target = "attack-brute";
        if (!accounts.exists(target)) {
            accounts.create(new NewAccount(target, IntegrationTest.PASSWORD, "暴力破解目标", Role.REVIEWER,
                    tree.byCode("3309").orElseThrow().id()));
        }
        List<Integer> statuses = new ArrayList<>();
        int client = 1;
        for (String guess : dictionary) {
            final String address = "10.66.0." + client++; // a botnet: every guess from another address
            statuses.add(mvc.perform(get("/api/org/root").with(httpBasic(target, guess)).with(r -> {
                r.setRemoteAddr(address);
                return r;
            })).andReturn().getResponse().getStatus());
        }
        // five wrong guesses lock the account; the right one, eighth in the list, is refused like the rest
        assertThat(statuses).containsOnly(401);
        assertThat(jdbc.sql("select locked_until from account where username = :u").param("u", target)
                .query(java.sql.Timestamp.class).single()).isNotNull();
    }

    // ---- inference: the masked ID number with what else is shown -------------------------------------------------

    @Test
    void maskedIdNumbersCannotBeRebuiltByRolesThatMayNotUnmask() throws Exception {
        List<String> problems = new ArrayList<>();
        String home = targets.home.value(IdKind.PERSON, null);
        for (String caller : List.of("leader", "reviewer")) {
            for (String url : List.of("/api/people/" + home, "/api/people?q=" + enc("越权探针乙"),
                    "/api/people?size=20")) {
                problems.addAll(rebuilt(caller, url));
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The persons of one answer whose ID number the shown fields pin down to one candidate. */
    private List<String> rebuilt(String caller, String url) throws Exception {
        MvcResult result = mvc.perform(get(URI.create(url)).with(httpBasic(caller, IntegrationTest.PASSWORD)))
                .andReturn();
        FIGURES.merge("mock", 1, Integer::sum);
        List<String> problems = new ArrayList<>();
        if (result.getResponse().getStatus() != 200) {
            problems.add(caller + " " + url + " -> " + result.getResponse().getStatus());
            return problems;
        }
        List<JsonNode> persons = IdInference.persons(JSON.readTree(body(result)));
        if (persons.isEmpty()) {
            problems.add(caller + " " + url + ": no person in the answer");
        }
        for (JsonNode person : persons) {
            List<String> candidates = IdInference.candidates(person);
            if (candidates.size() <= 1) {
                problems.add(caller + " " + url + ": " + person.path("idNumberMasked").asText() + " with "
                        + person + " leaves " + candidates.size() + " candidate(s) " + candidates);
            }
        }
        return problems;
    }

    @Test
    void wholeIdSearchesAreRateLimited() throws Exception {
        String searcher = "attack-searcher";
        if (!accounts.exists(searcher)) {
            accounts.create(new NewAccount(searcher, IntegrationTest.PASSWORD, "整号检索测试", Role.REVIEWER,
                    tree.byCode("3309").orElseThrow().id()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (int sequence = 101; sequence < 131; sequence++) {
            String guess = IdNumbers.of("330902", Targets.BORN, sequence);
            statuses.add(mvc.perform(get("/api/people").param("q", guess).with(httpBasic(searcher,
                    IntegrationTest.PASSWORD))).andReturn().getResponse().getStatus());
        }
        FIGURES.merge("mock", statuses.size(), Integer::sum);
        assertThat(statuses).as("30 whole-ID searches in a row by one account").contains(429);
    }

    // ---- chains of officer actions ----------------------------------------------------------------------------------

    @Test
    void theSystemAdministratorCannotResetAnOfficerOrAnAdministratorAndBecomeThem() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String victim : List.of("secadmin", "auditor", "admin")) {
            long id = accountId(victim);
            String hash = passwordHash(victim);
            try {
                MvcResult reset = mvc.perform(post("/admin/accounts/" + id + "/reset-password")
                        .with(users.page("sysadmin")).with(csrf())).andReturn();
                FIGURES.merge("mock", 1, Integer::sum);
                if (!passwordHash(victim).equals(hash)) {
                    problems.add("sysadmin reset the password of " + victim + " (" + reset.getResponse().getStatus()
                            + ")");
                    String shown = initialPassword(body(reset));
                    if (shown != null && signsIn(victim, shown)) {
                        problems.add("sysadmin then signed in as " + victim + " with the password shown");
                    }
                }
            } finally {
                jdbc.sql("update account set password_hash = :h, must_change_password = false where username = :u")
                        .param("h", hash).param("u", victim).update();
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSecurityAdministratorCannotGrantToTheOwnAccountNorChangeAnOfficer() throws Exception {
        List<Map<String, Object>> before = grants();
        for (String victim : List.of("secadmin", "sysadmin", "auditor")) {
            MvcResult result = mvc.perform(post("/admin/grants/" + accountId(victim)).param("role", "ADMIN")
                    .param("scopeCode", "3309").with(users.page("secadmin")).with(csrf())).andReturn();
            assertThat(result.getResponse().getStatus()).as("grant ADMIN to " + victim).isBetween(400, 499);
            MvcResult revoke = mvc.perform(post("/admin/grants/" + accountId(victim) + "/revoke")
                    .with(users.page("secadmin")).with(csrf())).andReturn();
            assertThat(revoke.getResponse().getStatus()).as("revoke " + victim).isBetween(400, 499);
        }
        FIGURES.merge("mock", 6, Integer::sum);
        assertThat(grants()).isEqualTo(before);
    }

    @Test
    void theSystemAdministratorCannotGrantWhatItCreatesNorDisableAnOfficer() throws Exception {
        String username = "attack-chain-" + System.nanoTime() % 100000;
        // mass assignment: role and scope sent along with the creation are not taken
        MvcResult created = mvc.perform(post("/admin/accounts").param("username", username)
                .param("displayName", "链式攻击账号").param("role", "ADMIN").param("scopeCode", "3309")
                .param("scopeNodeId", String.valueOf(tree.byCode("3309").orElseThrow().id()))
                .with(users.page("sysadmin")).with(csrf())).andReturn();
        assertThat(created.getResponse().getStatus()).isLessThan(400);
        long id = accountId(username);
        assertThat(jdbc.sql("select role from account where id = :id").param("id", id).query(String.class).optional())
                .as("a new account has no role until the security administrator grants one").isEmpty();
        List<Map<String, Object>> before = grants();
        assertThat(mvc.perform(post("/admin/grants/" + id).param("role", "ADMIN").param("scopeCode", "3309")
                .with(users.page("sysadmin")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/people/" + targets.probePerson + "/unmask").param("field", "idNumber")
                .with(httpBasic("sysadmin", IntegrationTest.PASSWORD))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        for (String officer : List.of("secadmin", "auditor", "sysadmin")) {
            mvc.perform(post("/admin/accounts/" + accountId(officer) + "/disable").with(users.page("sysadmin"))
                    .with(csrf())).andReturn();
        }
        FIGURES.merge("mock", 6, Integer::sum);
        assertThat(grants()).isEqualTo(before);
    }

    private long accountId(String username) {
        return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
    }

    private String passwordHash(String username) {
        return jdbc.sql("select password_hash from account where username = :u").param("u", username)
                .query(String.class).single();
    }

    private List<Map<String, Object>> grants() {
        return jdbc.sql("select username, role, scope_node_id, enabled from account order by username").query()
                .listOfRows();
    }

    /** The initial password a reset page shows (a run of 10+ non-space characters in a code element). */
    private static String initialPassword(String page) {
        Matcher m = Pattern.compile("<code[^>]*>([^<\\s]{10,})</code>").matcher(page);
        return m.find() ? m.group(1) : null;
    }

    private boolean signsIn(String username, String password) throws Exception {
        return mvc.perform(get("/api/org/root").with(httpBasic(username, password))).andReturn().getResponse()
                .getStatus() != 401;
    }

    // ---- audit completeness -------------------------------------------------------------------------------------

    @Test
    void refusalsAreAudited() throws Exception {
        String probe = String.valueOf(targets.probePerson);
        List<String> missing = new ArrayList<>();
        long marker = AuditLog.last(jdbc);
        mvc.perform(get("/people/" + probe).with(users.page("dinghai"))).andReturn();
        expectEntry(marker, "dinghai", probe, "404 page of a 普陀 person as dinghai", missing);
        marker = AuditLog.last(jdbc);
        mvc.perform(get("/api/people/" + probe).with(httpBasic("dinghai", IntegrationTest.PASSWORD))).andReturn();
        expectEntry(marker, "dinghai", probe, "404 API of a 普陀 person as dinghai", missing);
        marker = AuditLog.last(jdbc);
        mvc.perform(get("/people/" + probe).with(users.page("cadre"))).andReturn();
        expectEntry(marker, "cadre", null, "403 roster page as cadre", missing);
        marker = AuditLog.last(jdbc);
        String home = targets.home.value(IdKind.PERSON, null);
        mvc.perform(post("/api/people/" + home + "/unmask").param("field", "idNumber")
                .with(httpBasic("reporter", IntegrationTest.PASSWORD))).andReturn();
        expectEntry(marker, "reporter", null, "403 unmask as reporter", missing);
        FIGURES.merge("mock", 4, Integer::sum);
        assertThat(missing).isEmpty();
    }

    @Test
    void wholeIdSearchesAreAudited() throws Exception {
        String wholeId = IdNumbers.of("330902", Targets.BORN, 775);
        long marker = AuditLog.last(jdbc);
        mvc.perform(get("/api/people").param("q", wholeId).with(httpBasic("leader", IntegrationTest.PASSWORD)))
                .andReturn();
        List<String> missing = new ArrayList<>();
        expectEntry(marker, "leader", null, "a whole-ID search by leader", missing);
        assertThat(AuditLog.since(jdbc, marker)).as("the number itself is never written")
                .noneMatch(e -> String.valueOf(e.summary()).contains(wholeId)
                        || String.valueOf(e.afterJson()).contains(wholeId));
        FIGURES.merge("mock", 1, Integer::sum);
        assertThat(missing).isEmpty();
    }

    @Test
    void readsOfPersonalDataAreAudited() throws Exception {
        String home = targets.home.value(IdKind.PERSON, null);
        List<String> missing = new ArrayList<>();
        long marker = AuditLog.last(jdbc);
        mvc.perform(get("/people/" + home).with(users.page("dinghai"))).andReturn();
        expectEntry(marker, "dinghai", home, "person page", missing);
        marker = AuditLog.last(jdbc);
        mvc.perform(get("/api/people/" + home).with(httpBasic("dinghai", IntegrationTest.PASSWORD))).andReturn();
        expectEntry(marker, "dinghai", home, "person API", missing);
        marker = AuditLog.last(jdbc);
        mvc.perform(post("/api/people/" + home + "/unmask").param("field", "idNumber")
                .with(httpBasic("dinghai", IntegrationTest.PASSWORD))).andReturn();
        expectEntry(marker, "dinghai", home, "unmask", missing);
        marker = AuditLog.last(jdbc);
        mvc.perform(get("/people/export.xlsx").with(users.page("dinghai"))).andReturn();
        expectEntry(marker, "dinghai", null, "roster export", missing);
        FIGURES.merge("mock", 4, Integer::sum);
        assertThat(missing).isEmpty();
    }

    /** An entry by the actor since the marker (sign-ins aside), naming the object when one is given. */
    private void expectEntry(long marker, String actor, String objectId, String what, List<String> missing) {
        boolean found = AuditLog.since(jdbc, marker).stream()
                .filter(e -> actor.equals(e.actor()) && !e.action().startsWith("LOGIN"))
                .anyMatch(e -> objectId == null || objectId.equals(e.objectId())
                        || String.valueOf(e.summary()).contains(objectId));
        if (!found) {
            missing.add(what + ": no audit entry by " + actor + (objectId == null ? "" : " naming " + objectId)
                    + " (entries since: " + AuditLog.since(jdbc, marker).stream()
                    .map(e -> e.actor() + "/" + e.action() + "/" + e.objectId()).toList() + ")");
        }
    }

    // ---- routes outside the handler mappings -------------------------------------------------------------------

    @Test
    void routesOutsideTheHandlerMappingsExposeNothing() throws Exception {
        List<String> problems = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("/error", List.of(200, 400, 404, 500)); // any but a 5xx is checked below
        expected.put("/actuator/health", List.of(200));
        for (String hidden : List.of("/actuator", "/actuator/env", "/actuator/heapdump", "/actuator/beans",
                "/actuator/configprops", "/actuator/mappings", "/actuator/loggers", "/actuator/threaddump",
                "/actuator/metrics", "/actuator/shutdown", "/actuator/info")) {
            expected.put(hidden, List.of(302, 401, 403, 404));
        }
        expected.put("/api-docs", List.of(302, 401));
        expected.put("/swagger-ui.html", List.of(302, 401));
        expected.put("/css/app.css", List.of(200, 404));
        expected.put("/css/", List.of(302, 401, 403, 404));
        expected.put("/css/..%2f..%2fapplication.yml", List.of(302, 400, 401, 403, 404));
        expected.put("/webjars/../application.yml", List.of(302, 400, 401, 403, 404));
        expected.put("/.git/config", List.of(302, 401, 403, 404));
        for (var e : expected.entrySet()) {
            for (String who : List.of("anonymous", "dinghai")) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + e.getKey()));
                if (!who.equals("anonymous")) {
                    request.header("Authorization", basic(who));
                }
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                FIGURES.merge("real", 1, Integer::sum);
                int status = response.statusCode();
                String label = e.getKey() + " as " + who + " -> " + status;
                if (status >= 500) {
                    problems.add(label + ": server error");
                } else if (who.equals("anonymous") && !e.getValue().contains(status)) {
                    problems.add(label + ": expected one of " + e.getValue());
                }
                if (response.body().contains("datasource") || response.body().contains("ZUGONG_")
                        || response.body().contains("[core]")) {
                    problems.add(label + ": shows configuration");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---- planted defects: each check catches its own -------------------------------------------------------------

    @Test
    void plantedDefectsAreEachCaught() throws Exception {
        assertThat(planted).hasSize(5);
        Map<String, Boolean> caught = new LinkedHashMap<>();
        caught.put("an id of an undeclared kind", Attack.unclassified(planted).stream()
                .anyMatch(p -> p.contains("widgetId")));
        caught.put("a foreign person by id without a scope check", attack.reads(planted, mock).stream()
                .anyMatch(p -> p.contains("/people/{id}") && p.contains("outside the scope")));
        DbSnapshot db = new DbSnapshot(jdbc);
        Map<String, String> before = db.take();
        List<Map<String, Object>> nodes = jdbc.sql("select id, sort_order from org_node").query().listOfRows();
        try {
            caught.put("an unguarded write of a 普陀 row", new Attack(targets, db).writes(planted, mock).stream()
                    .anyMatch(p -> p.contains("rename") && p.contains("changed the database")));
        } finally {
            nodes.forEach(n -> jdbc.sql("update org_node set sort_order = :s where id = :id and sort_order <> :s")
                    .param("s", n.get("sort_order")).param("id", n.get("id")).update());
        }
        caught.put("an upload refused with the scope's 404 before it is read", attack.uploads(planted, mock,
                uploader(), zipBomb()).stream().anyMatch(p -> p.contains("never parsed")));
        caught.put("the masked ID number beside the whole birth date", !rebuilt("leader",
                PlantedDefects.API + "/people").isEmpty());
        count(mock, null);
        FIGURES.put("planted", caught.size());
        FIGURES.put("caught", (int) caught.values().stream().filter(b -> b).count());
        assertThat(caught).as("each planted defect is caught by its check").doesNotContainValue(false);
        assertThat(DbSnapshot.changes(before, db.take())).as("the planted write was undone").isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + IntegrationTest.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An .xlsx whose sheet inflates 1,000-fold: POI's ZipSecureFile limits must refuse it. */
    private static byte[] zipBomb() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}

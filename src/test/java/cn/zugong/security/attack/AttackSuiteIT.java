package cn.zugong.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.Role;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The attack suite. Every route the application maps (read from Spring MVC's handler mappings, so a new
 * route is attacked without anyone adding it) is called by every caller of {@link Caller}, aimed at the
 * probe outside the 定海 scope; then IDOR on every id parameter, mass assignment of role and scope fields,
 * SQL injection in every text parameter, script in names, malformed, bomb and oversized uploads, and a
 * dictionary attack against the lock-out. No answer may be a 5xx, no refused or scoped caller may see the
 * probe, and the refusals must be the right ones (302 to the login page or 401 when signed out, 403 when
 * the role may not).
 */
@IntegrationTest
class AttackSuiteIT {

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "%' OR 1=1 --", "'; DROP TABLE person; --",
            "x' UNION SELECT id_number, name FROM person --", "330903%", "_%", "\\", "${7*7}", "<svg onload=alert(3)>");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired cn.zugong.closure.ClosureItems closure;
    @Autowired cn.zugong.tickets.ProblemTickets tickets;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    @LocalServerPort int port;

    Targets targets;
    List<Route> routes;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void aim() {
        targets = Targets.ensure(orgBuilder, tree, roster, accounts, jdbc, closure, tickets);
        routes = Route.all(mapping);
    }

    @Test
    void everyRouteIsClassifiedInTheAccessPolicy() {
        List<Route> unclassified = routes.stream().filter(r -> AccessPolicy.of(r.pattern()).isEmpty()).toList();
        assertThat(unclassified).as("routes missing from AccessPolicy: add their prefix with the roles allowed")
                .isEmpty();
        assertThat(routes).hasSizeGreaterThan(30);
    }

    @Test
    void everyRouteForEveryCallerLeaksNothing() throws Exception {
        List<String> problems = new ArrayList<>();
        int routesAttacked = 0;
        for (Route route : routes) {
            if (route.pattern().equals("/error")) {
                continue;
            }
            routesAttacked++;
            AccessPolicy.Access access = AccessPolicy.of(route.pattern()).orElseThrow();
            for (Caller caller : Caller.all()) {
                MvcResult result = send(route, caller, Map.of());
                check(route, caller, access, result, problems);
            }
        }
        System.out.printf("attack suite: routes=%d roles=%d requests=%d%n", routesAttacked, Caller.all().size(),
                requests.get());
        assertThat(problems).isEmpty();
    }

    @Test
    void idorOnEveryIdParameterIsRefusedOrEmpty() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (route.idParams().isEmpty() && route.pathVariables().isEmpty()) {
                continue;
            }
            AccessPolicy.Access access = AccessPolicy.of(route.pattern()).orElseThrow();
            for (Caller caller : Caller.all()) {
                if (!caller.scoped() || caller.anonymous()) {
                    continue;
                }
                Map<String, String> ids = new java.util.HashMap<>();
                route.idParams().forEach(p -> ids.put(p, String.valueOf(targets.putuoUnit())));
                MvcResult result = send(route, caller, ids);
                check(route, caller, access, result, problems);
                int status = result.getResponse().getStatus();
                if (access.allows(caller.role()) && !route.pattern().startsWith("/admin/")
                        && !route.pattern().equals("/audit") && status == 200 && !route.pathVariables().isEmpty()) {
                    problems.add(route + " as " + caller + ": an object outside the scope answered 200");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void massAssignmentOfRoleAndScopeFieldsChangesNothing() throws Exception {
        List<Map<String, Object>> before = grants();
        Map<String, String> extra = Map.of("role", Role.SYS_ADMIN.name(), "roleName", Role.AUDITOR.name(),
                "scopeNodeId", String.valueOf(tree.byCode("3309").orElseThrow().id()), "scopeCode", "3309",
                "scope", "3309", "accountId", "1", "enabled", "true", "unitId", String.valueOf(targets.putuoUnit()),
                "authorities", "ROLE_SYS_ADMIN");
        for (Route route : routes) {
            if (!route.writes()) {
                continue;
            }
            for (Caller caller : Caller.all()) {
                send(route, caller, extra);
            }
        }
        List<Map<String, Object>> after = grants();
        assertThat(after).filteredOn(r -> !Targets.VICTIM.equals(r.get("username")))
                .containsExactlyElementsOf(before.stream().filter(r -> !Targets.VICTIM.equals(r.get("username")))
                        .toList());
        assertThat(after).filteredOn(r -> Targets.VICTIM.equals(r.get("username")))
                .allSatisfy(r -> assertThat(r.get("role")).isIn(null, "LEADER"));
        assertThat(jdbc.sql("select count(*) from person where unit_id = :u").param("u", targets.putuoUnit())
                .query(Long.class).single()).isOne();
    }

    @Test
    void sqlInjectionInEveryTextParameterIsJustText() throws Exception {
        long people = jdbc.sql("select count(*) from person").query(Long.class).single();
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (route.stringParams().isEmpty() || route.writes()) {
                continue;
            }
            AccessPolicy.Access access = AccessPolicy.of(route.pattern()).orElseThrow();
            Caller caller = Caller.all().stream().filter(c -> !c.anonymous() && c.scoped() && access.allows(c.role()))
                    .findFirst().orElse(null);
            if (caller == null) {
                continue;
            }
            for (String payload : INJECTIONS) {
                Map<String, String> params = new java.util.HashMap<>();
                route.stringParams().forEach(p -> params.put(p, payload));
                check(route, caller, access, send(route, caller, params), problems);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(people);
    }

    @Test
    void scriptInNamesIsRenderedEscaped() throws Exception {
        for (String url : List.of("/people?q=" + enc("<script>"), "/people/" + targets.scriptPerson(),
                "/org/nodes/" + targets.scriptUnit(), "/org/search?q=" + enc("定海<img"),
                "/org/nodes/" + tree.byCode("330902").orElseThrow().id())) {
            String body = body(mvc.perform(get(URI.create(url)).with(users.page("dinghai"))).andReturn());
            assertThat(body).as(url).doesNotContain(Targets.SCRIPT_NAME, "<img src=x onerror")
                    .containsAnyOf("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
        }
        MvcResult json = mvc.perform(get("/api/people/" + targets.scriptPerson()).with(httpBasic("dinghai",
                IntegrationTest.PASSWORD))).andReturn();
        assertThat(json.getResponse().getContentType()).startsWith("application/json");
    }

    @Test
    void malformedAndBombUploadsAreRefusedWithAChineseMessage() throws Exception {
        List<Route> uploads = routes.stream().filter(r -> !r.fileParams().isEmpty()).toList();
        assertThat(uploads).isNotEmpty();
        for (Route route : uploads) {
            for (byte[] file : List.of("not an excel file".getBytes(StandardCharsets.UTF_8), zipBomb(), new byte[0])) {
                MockHttpServletRequestBuilder builder = multipart(expand(route))
                        .file(new MockMultipartFile(route.fileParams().get(0), "攻击.xlsx",
                                "application/octet-stream", file))
                        .with(route.api() ? httpBasic("dinghai", IntegrationTest.PASSWORD) : users.page("dinghai"));
                if (!route.api()) {
                    builder.with(csrf());
                }
                MvcResult result = mvc.perform(builder).andReturn();
                assertThat(result.getResponse().getStatus()).as(route + " " + file.length).isBetween(400, 499);
                assertThat(body(result)).as(route.toString()).containsPattern("[\\u4e00-\\u9fa5]");
            }
        }
    }

    @Test
    void oversizedUploadsAreRefusedBeforeTheyAreRead() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 100_000]; // within Tomcat's 2 MB swallow margin, so the 413 is read
        String boundary = "zgattack";
        for (Route route : routes.stream().filter(r -> !r.fileParams().isEmpty() && r.api()).toList()) {
            var body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + route.fileParams().get(0)
                    + "\"; filename=\"big.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(big);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + route.pattern()))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("dinghai:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(413);
            assertThat(response.body()).contains("上传文件过大");
        }
    }

    @Test
    void aDictionaryAttackStopsAtTheLockOut() throws Exception {
        String[] dictionary = {"123456", "Zugong@2025", "Zhoushan@2026", "Admin@123", "Passw0rd!", "Qwer@1234",
                "Zugong@2024", IntegrationTest.PASSWORD, "Zugong#2026"};
        String target = "attack-brute";
        if (!accounts.exists(target)) {
            accounts.create(new cn.zugong.security.NewAccount(target, IntegrationTest.PASSWORD, "暴力破解目标",
                    Role.REVIEWER, tree.byCode("3309").orElseThrow().id()));
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

    // ---- machinery ------------------------------------------------------------------------------------

    /** The route's path with each variable aimed at the out-of-scope target of its kind. */
    private URI expand(Route route) {
        String path = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(route.pattern())
                .replaceAll(m -> targets.pathValue(route.pattern(), m.group(1)));
        return UriComponentsBuilder.fromPath(path).build().toUri();
    }

    private MvcResult send(Route route, Caller caller, Map<String, String> params) throws Exception {
        URI uri = expand(route);
        MockHttpServletRequestBuilder builder;
        if (!route.fileParams().isEmpty()) {
            builder = multipart(uri).file(new MockMultipartFile(route.fileParams().get(0), "a.xlsx",
                    "application/octet-stream", "x".getBytes(StandardCharsets.UTF_8)));
        } else {
            builder = request(route.method(), uri);
        }
        params.forEach(builder::param);
        builder.with(caller.signIn(users, route.api()));
        if (!route.api() && route.method() != HttpMethod.GET) {
            builder.with(csrf());
        }
        requests.incrementAndGet();
        return mvc.perform(builder).andReturn();
    }

    private void check(Route route, Caller caller, AccessPolicy.Access access, MvcResult result,
                       List<String> problems) throws Exception {
        int status = result.getResponse().getStatus();
        String body = body(result);
        String who = route + " as " + caller + " -> " + status;
        if (status >= 500) {
            problems.add(who + ": server error");
        }
        boolean allowed = caller.anonymous() ? access.anonymous() : access.allows(caller.role());
        if (!allowed) {
            int expected = caller.anonymous() ? (route.api() ? 401 : 302) : 403;
            if (status != expected) {
                problems.add(who + ": expected " + expected);
            }
            if (caller.anonymous() && !route.api()
                    && !String.valueOf(result.getResponse().getRedirectedUrl()).endsWith("/login")) {
                problems.add(who + ": not sent to the login page");
            }
        }
        // the auditor reads the whole trail, whose summaries name units and people (never ID numbers)
        boolean wholeTrail = caller.role() == Role.AUDITOR && (route.pattern().startsWith("/audit")
                || route.pattern().startsWith("/api/audit"));
        if (!allowed || (caller.scoped() && !wholeTrail)) {
            for (String secret : List.of(targets.probeName(), targets.probeIdNumber(), targets.probeUnitName())) {
                if (body.contains(secret)) {
                    problems.add(who + ": body shows the out-of-scope " + secret);
                }
            }
        }
        if (!"admin".equals(caller.username()) && body.contains(targets.probeIdNumber())) {
            problems.add(who + ": body shows a full ID number");
        }
    }

    private List<Map<String, Object>> grants() {
        return jdbc.sql("select username, role, scope_node_id from account order by username").query().listOfRows();
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

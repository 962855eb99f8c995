package cn.zugong.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zugong.HeldReports;
import cn.zugong.IntegrationTest;
import cn.zugong.ModuleTestDatabase;
import cn.zugong.ZugongApplication;
import cn.zugong.closure.internal.EscalationSchedule;
import cn.zugong.org.OrgTree;
import cn.zugong.report.ReportJobs;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one database (their own: an in-memory H2 database, or a schema of the PostgreSQL test
 * database under -Ppostgres), as a load balancer sees them: a session signed in on node A is used on node B, a
 * report started on A is downloaded from B, and a scheduled job fired on both at once runs once (ADR 045, 046).
 */
class TwoNodesIT {

    static final String USER = "two-nodes";

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoNodes() {
        ModuleTestDatabase.dropLeftovers("two_nodes");
        a = node();
        b = node();
        OrgTree tree = a.getBean(OrgTree.class);
        long city = tree.byCode("3309").orElseThrow().id();
        a.getBean(Accounts.class).create(new NewAccount(USER, IntegrationTest.PASSWORD, "两节点测试管理员", Role.ADMIN,
                city), false);
    }

    @AfterAll
    static void stopTwoNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static ConfigurableApplicationContext node() {
        List<String> args = new ArrayList<>();
        ModuleTestDatabase.properties("two_nodes").forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--server.port=0");
        // the second node must not clean what the first migrated
        args.add("--spring.flyway.clean-on-validation-error=false");
        return new SpringApplicationBuilder(ZugongApplication.class).run(args.toArray(String[]::new));
    }

    static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void aSessionSignedInOnOneNodeIsUsedOnTheOther() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base(a) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String anonymous = cookie(form);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base(a) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", anonymous)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password="
                        + URLEncoder.encode(IntegrationTest.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + token.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String session = cookie(signedIn);

        HttpResponse<String> onB = http.send(HttpRequest.newBuilder(URI.create(base(b) + "/"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("两节点测试管理员");

        HttpResponse<String> withoutSession = http.send(HttpRequest.newBuilder(URI.create(base(b) + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutSession.statusCode()).isEqualTo(302); // to the login page: B does not let anyone in
    }

    @Test
    void aReportStartedOnOneNodeIsDownloadedFromTheOther() {
        HeldReports heldOnA = a.getBean(HeldReports.class);
        HeldReports heldOnB = b.getBean(HeldReports.class);
        String gate = heldOnA.gate();
        String id = a.getBean(ReportJobs.class).submit(USER, HeldReports.KIND, gate, "两节点报告", "report.txt",
                "text/plain");
        heldOnA.open(gate); // whichever node's worker claimed it
        heldOnB.open(gate);

        ReportJobs onB = b.getBean(ReportJobs.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> onB.find(id, USER).map(ReportJobs.Job::done).orElse(false));
        assertThat(onB.file(id, USER)).map(f -> new String(f.content(), StandardCharsets.UTF_8)).hasValue(gate);
        assertThat(onB.file(id, "someone-else")).isEmpty();
    }

    @Test
    void aJobFiredOnBothNodesAtOnceRunsOnce() throws Exception {
        EscalationSchedule onA = a.getBean(EscalationSchedule.class);
        EscalationSchedule onB = b.getBean(EscalationSchedule.class);
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Optional<Integer>> first = CompletableFuture.supplyAsync(() -> fire(together, onA));
        CompletableFuture<Optional<Integer>> second = CompletableFuture.supplyAsync(() -> fire(together, onB));
        List<Optional<Integer>> runs = List.of(first.get(), second.get());
        assertThat(runs.stream().filter(Optional::isPresent).count()).as("runs of %s", runs).isEqualTo(1);
        // and while the lock lasts (lockAtLeastFor), another firing on either node is skipped
        assertThat(onA.tick()).isEmpty();
        assertThat(onB.tick()).isEmpty();
    }

    private static Optional<Integer> fire(CyclicBarrier together, EscalationSchedule schedule) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return schedule.tick();
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow().split(";")[0];
    }
}

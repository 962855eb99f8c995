package cn.zugong.lighting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.closure.internal.EscalationSchedule;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.jobs.Node;
import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jobs once across nodes (ADR 046), against the run's real database: the month close raced by two callers
 * closes once, the outbox raced by several deliverers sends each message once, and a scheduled entry raced
 * by two callers (two nodes firing the same schedule) runs once. Threads stand in for nodes: every guard is
 * in the database, none in the JVM.
 */
@IntegrationTest
class JobsOnceIT {

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired JdbcClient jdbc;
    @Autowired ListRepository lists;
    @Autowired MonthClose close;
    @Autowired Outbox outbox;
    @Autowired LightingSchedule lightingSchedule;
    @Autowired EscalationSchedule escalationSchedule;
    @Autowired OrgTree tree;
    @Autowired TestClock clock;
    @Autowired TransactionTemplate transactions;
    @Autowired MockMvc mvc;
    @Autowired DataSource dataSource;
    @Autowired TestUsers users;

    final ExecutorService pool = Executors.newFixedThreadPool(6);

    @AfterEach
    void reset() {
        pool.shutdownNow();
        clock.reset();
        jdbc.sql("delete from shedlock").update();
    }

    /** A fresh 2026 list of two tasks, reported 1st–31st of the month after each month; June's window has ended. */
    TaskList juneEnded() {
        clock.setTo(LocalDateTime.of(2026, 8, 5, 10, 0));
        OrgScope city = tree.byCode("3309").orElseThrow().asScope();
        String code = "ONCE-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        long id = lists.insertList(new TaskList(0, code, "并发测试清单" + code, 2026, "人才工作", TaskList.MEETING,
                "推进例会", null, city.nodeId(), city.path(), "舟山市", new ListConfig(1, 31, 3, BigDecimal.ONE,
                new BigDecimal("0.8"), null, 2, ListConfig.points(100, 90, 70, 40, 0), null), "test"),
                LocalDateTime.now(clock));
        long unit = tree.search("定海区教育局", city, 5).stream().filter(n -> n.name().equals("定海区教育局"))
                .findFirst().orElseThrow().id();
        for (String t : List.of("A", "B")) {
            lists.insertTask(new Task(0, id, code + t, "测试任务" + t, unit, "定海区教育局", List.of(), "", BigDecimal.ONE,
                    new BigDecimal("100"), "人", List.of(50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 100),
                    LocalDate.of(2026, 12, 31), null), LocalDateTime.now(clock));
        }
        return lists.list(id).orElseThrow();
    }

    int closeAudits(TaskList list, Period p) {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'lighting_month' and object_id = :o "
                        + "and summary like '亮灯台月度关灯%'").param("o", list.id() + "/" + p.code())
                .query(Integer.class).single();
    }

    /**
     * Runs the callers together while a third transaction holds the list's row, so that every caller has read
     * the month and is waiting for the list when the holder lets go: the closest two nodes can come.
     */
    <T> List<Future<T>> whileListHeld(TaskList list, List<Callable<T>> callers) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("select id from lighting_list where id = :l for update").param("l", list.id()).query(Long.class)
                    .single();
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<T>> answers = new ArrayList<>();
        for (Callable<T> caller : callers) {
            answers.add(pool.submit(caller));
            awaitWaitingForALock(answers.size());
        }
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        return answers;
    }

    /** Until this many sessions wait for a row lock (each caller has read the month and waits for the list). */
    void awaitWaitingForALock(int sessions) throws Exception {
        String product;
        try (var c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        String waiting = product.contains("PostgreSQL")
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%from lighting_list%'"
                : "select count(*) from information_schema.sessions where blocker_id is not null";
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.sql(waiting).query(Integer.class).single() < sessions) {
            assertThat(System.nanoTime()).as("%d sessions waiting for the list", sessions).isLessThan(until);
            Thread.sleep(20);
        }
    }

    @Test
    void twoNodesJobsClosingTheSameMonthCloseItOnce() throws Exception {
        TaskList list = juneEnded();
        Period june = new Period(2026, 6);
        var answers = whileListHeld(list, List.<Callable<Optional<MonthClose.Result>>>of(
                () -> close.closeDue(list.id(), june), () -> close.closeDue(list.id(), june)));
        List<Optional<MonthClose.Result>> results = new ArrayList<>();
        for (var a : answers) {
            results.add(a.get(20, TimeUnit.SECONDS));
        }
        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(results.stream().flatMap(Optional::stream).findFirst().orElseThrow().colours())
                .containsEntry("RED", 2);
        assertThat(closeAudits(list, june)).isOne();
        assertThat(jdbc.sql("select status from lighting_month where list_id = :l and period = :p")
                .param("l", list.id()).param("p", june.code()).query(String.class).list()).containsExactly("CLOSED");
        assertThat(jdbc.sql("select count(*) from lighting_light where list_id = :l and period = :p")
                .param("l", list.id()).param("p", june.code()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theJobAndTheAdministratorsButtonTogetherCloseTheMonthOnce() throws Exception {
        TaskList list = juneEnded();
        Period june = new Period(2026, 6);
        var answers = whileListHeld(list, List.<Callable<Object>>of(
                () -> close.closeDue(list.id(), june),
                () -> mvc.perform(post("/lighting/lists/" + list.id() + "/close").param("month", june.iso())
                        .with(users.page("admin")).with(csrf())).andReturn()));
        Optional<?> job = (Optional<?>) answers.get(0).get(20, TimeUnit.SECONDS);
        MvcResult button = (MvcResult) answers.get(1).get(20, TimeUnit.SECONDS);
        assertThat(closeAudits(list, june)).isOne();
        assertThat(button.getResponse().getStatus()).isEqualTo(302);
        if (job.isPresent()) { // the job was first at the lock: the button says so and does nothing
            assertThat(button.getFlashMap().get("error")).asString().contains("正在关闭", "请稍后刷新");
        } else {
            assertThat(button.getFlashMap().get("message")).asString().contains("已关闭并亮灯");
        }
    }

    @Test
    void twoAdministratorsClosingAtOnceCloseOnceAndTheSecondIsToldToRefresh() throws Exception {
        TaskList list = juneEnded();
        Period june = new Period(2026, 6);
        var answers = whileListHeld(list, List.<Callable<Object>>of(
                () -> close.close(list.id(), june, "admin"), () -> close.close(list.id(), june, "admin2")));
        List<Object> outcomes = new ArrayList<>();
        for (var a : answers) {
            try {
                outcomes.add(a.get(20, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }
        assertThat(outcomes).filteredOn(MonthClose.Result.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).singleElement()
                .extracting(o -> ((ConflictException) o).getMessage()).asString().contains("请稍后刷新");
        assertThat(closeAudits(list, june)).isOne();
        // later, one after the other, a close of the closed month is a deliberate relight
        close.close(list.id(), june, "admin");
        assertThat(closeAudits(list, june)).isEqualTo(2);
    }

    @Test
    void aProvisionalRelightAfterTheCloseNeverOverwritesFinalLights() {
        TaskList list = juneEnded();
        Period june = new Period(2026, 6);
        close.closeDue(list.id(), june).orElseThrow();
        String lights = "select task_id, colour, reason from lighting_light where list_id = :l and period = :p order by task_id";
        var closed = jdbc.sql(lights).param("l", list.id()).param("p", june.code()).query().listOfRows();
        // a pass that read the month as open before the close committed, lighting it provisionally after
        assertThat(close.lightProvisionally(list.id(), june)).isEmpty();
        assertThat(jdbc.sql(lights).param("l", list.id()).param("p", june.code()).query().listOfRows()).isEqualTo(closed);
        assertThat(close.closeDue(list.id(), june)).isEmpty();
    }

    @Test
    void deliverersRacingTheOutboxSendEachMessageOnce() throws Exception {
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.setExecutor(Executors.newFixedThreadPool(4));
        stub.createContext("/robot", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
            byte[] answer = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        stub.start();
        try {
            String url = "http://127.0.0.1:" + stub.getAddress().getPort() + "/robot";
            String run = "race-" + System.nanoTime();
            int messages = 40;
            for (int i = 0; i < messages; i++) {
                assertThat(outbox.enqueue(WebhookChannel.NAME, url, "{\"n\":\"" + run + "-" + i + "\"}", run + ":" + i))
                        .isTrue();
            }
            assertThat(outbox.enqueue(WebhookChannel.NAME, url, "{}", run + ":0")).as("deduplicated").isFalse();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> deliverers = new ArrayList<>();
            for (int d = 0; d < 4; d++) {
                deliverers.add(pool.submit(() -> {
                    start.await();
                    return outbox.deliverDue();
                }));
            }
            start.countDown();
            for (var d : deliverers) {
                d.get(60, TimeUnit.SECONDS);
            }
            assertThat(received.keySet()).filteredOn(b -> b.contains(run)).hasSize(messages);
            assertThat(received.entrySet()).filteredOn(e -> e.getKey().contains(run))
                    .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).hasValue(1));
            assertThat(jdbc.sql("select status, count(*) from lighting_outbox where dedupe_key like :k group by status")
                    .param("k", run + ":%").query((rs, i) -> rs.getString(1) + "=" + rs.getInt(2)).list())
                    .containsExactly("SENT=" + messages);
            assertThat(jdbc.sql("select count(*) from lighting_outbox_attempt a join lighting_outbox o on o.id = a.outbox_id "
                    + "where o.dedupe_key like :k").param("k", run + ":%").query(Integer.class).single()).isEqualTo(messages);
            assertThat(jdbc.sql("select count(*) from lighting_outbox where dedupe_key like :k and claimed_by is not null")
                    .param("k", run + ":%").query(Integer.class).single()).isZero();
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void aClaimOfANodeThatDiedIsTakenOverAfterTheClaimTimeout() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/robot", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        stub.start();
        try {
            String key = "dead-" + System.nanoTime();
            outbox.enqueue(WebhookChannel.NAME, "http://127.0.0.1:" + stub.getAddress().getPort() + "/robot", "{}", key);
            jdbc.sql("update lighting_outbox set claimed_by = 'dead-node/1', claimed_at = :at where dedupe_key = :k")
                    .param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("k", key).update();
            outbox.deliverDue();
            assertThat(calls).as("claimed by a live claim").hasValue(0);
            clock.advance(Duration.ofMinutes(6)); // the claim timeout is 5 minutes
            outbox.deliverDue();
            assertThat(calls).hasValue(1);
            assertThat(jdbc.sql("select status from lighting_outbox where dedupe_key = :k").param("k", key)
                    .query(String.class).single()).isEqualTo("SENT");
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void twoNodesFiringTheSameScheduleRunItOnce() throws Exception {
        for (Callable<Optional<?>> tick : List.<Callable<Optional<?>>>of(lightingSchedule::tick, escalationSchedule::tick)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<?>>> fired = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                fired.add(pool.submit(() -> {
                    start.await();
                    return tick.call();
                }));
            }
            start.countDown();
            List<Optional<?>> runs = new ArrayList<>();
            for (var f : fired) {
                runs.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(runs).filteredOn(Optional::isPresent).hasSize(1);
        }
        // the lock rows: this node, held at least a minute of database time after the start (lockAtLeastFor)
        var rows = jdbc.sql("select name, locked_by, locked_at, lock_until from shedlock order by name")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
                        rs.getTimestamp(4).toLocalDateTime()}).list();
        assertThat(rows).extracting(r -> r[0]).containsExactly(EscalationSchedule.LOCK, LightingSchedule.LOCK);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[1]).isEqualTo(Node.id());
            assertThat(Duration.between((LocalDateTime) r[2], (LocalDateTime) r[3])).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        });
        // within lockAtLeastFor the same node's next firing is skipped too; the job itself still runs when called
        assertThat(lightingSchedule.tick()).isEmpty();
    }

    @Test
    void aScheduleHeldByAnotherNodeIsSkipped() {
        jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by) values (:n, :until, :at, 'other-node:1')")
                .param("n", EscalationSchedule.LOCK).param("until", Timestamp.valueOf(LocalDateTime.of(2100, 1, 1, 0, 0)))
                .param("at", Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 0, 0))).update();
        assertThat(escalationSchedule.tick()).isEmpty();
        jdbc.sql("update shedlock set lock_until = :past where name = :n").param("n", EscalationSchedule.LOCK)
                .param("past", Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 0, 1))).update();
        assertThat(escalationSchedule.tick()).as("the other node's lock ran out (it died)").isPresent();
    }
}

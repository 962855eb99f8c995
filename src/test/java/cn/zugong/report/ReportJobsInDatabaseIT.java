package cn.zugong.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.HeldReports;
import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Report jobs live in the database (ADR 045): a second {@code ReportJobs} over the same database, with no
 * memory of its own and no workers ("the other node"), answers status and file; a job it queues is generated
 * by this node's workers; two workers claiming at once never take the same job; the retention deletes old
 * finished jobs with their files; a job whose node died is failed with a message.
 */
@IntegrationTest
class ReportJobsInDatabaseIT {

    private static final String CLAIM_ONLY = "test-claim-only"; // a kind no worker knows: only the test claims it

    @Autowired ReportJobs jobs;
    @Autowired HeldReports held;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TestClock clock;

    /** Another node: the same database, nothing in memory, not started (so no workers). */
    private ReportJobs otherNode() {
        return new ReportJobs(jdbc, transactions, clock, new DefaultListableBeanFactory().getBeanProvider(ReportJobs.Kind.class),
                2, 2, 8, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(24));
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        jdbc.sql("delete from report_job where kind = :k").param("k", CLAIM_ONLY).update();
    }

    private ReportJobs.Job waitFor(ReportJobs node, String id, String owner) throws InterruptedException {
        for (int i = 0; i < 300 && node.find(id, owner).orElseThrow().status() == ReportJobs.Status.RUNNING; i++) {
            Thread.sleep(100);
        }
        return node.find(id, owner).orElseThrow();
    }

    private String done(String owner) throws InterruptedException {
        String gate = held.gate();
        held.open(gate);
        String id = jobs.submit(owner, HeldReports.KIND, gate, "数据库中的报告", "report.pdf", "application/pdf");
        assertThat(waitFor(jobs, id, owner).status()).isEqualTo(ReportJobs.Status.DONE);
        return id;
    }

    @Test
    void statusAndFileAreReadFromTheDatabaseByAnyNode() throws Exception {
        ReportJobs other = otherNode();
        String gate = held.gate();
        // queued on the other node, which has no workers: this node's workers find it in the table
        String id = other.submit("dinghai", HeldReports.KIND, gate, "数据库中的报告", "report.pdf", "application/pdf");
        assertThat(other.find(id, "dinghai").orElseThrow().stage()).isIn("排队中");
        held.open(gate);

        ReportJobs.Job job = waitFor(other, id, "dinghai");
        assertThat(job.status()).isEqualTo(ReportJobs.Status.DONE);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.size()).isEqualTo(gate.length());
        ReportJobs.File file = other.file(id, "dinghai").orElseThrow();
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo(gate);
        assertThat(file.filename()).isEqualTo("report.pdf");
        assertThat(jdbc.sql("select count(*) from report_file where job_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
        // still private to its owner, on every node
        assertThat(other.find(id, "putuo")).isEmpty();
        assertThat(other.file(id, "putuo")).isEmpty();
    }

    @Test
    void twoWorkersClaimingAtOnceNeverTakeTheSameJob() throws Exception {
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queued.add(jobs.submit("claim-" + i, CLAIM_ONLY, "-", "争抢", "x.pdf", "application/pdf"));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> taken = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                taken.add(two.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    together.await();
                    for (var job = jobs.claim(Set.of(CLAIM_ONLY)); job.isPresent(); job = jobs.claim(Set.of(CLAIM_ONLY))) {
                        mine.add(job.get().id());
                    }
                    return mine;
                }));
            }
            List<String> first = taken.get(0).get();
            List<String> second = taken.get(1).get();
            Set<String> all = new HashSet<>(first);
            all.addAll(second);
            assertThat(first.size() + second.size()).isEqualTo(6); // no job taken twice
            assertThat(all).containsExactlyInAnyOrderElementsOf(queued);
        } finally {
            two.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from report_job where kind = :k and state = 'RUNNING'").param("k", CLAIM_ONLY)
                .query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void retentionDeletesFinishedJobsAndFilesOlderThanItsAge() throws Exception {
        String old = done("dinghai");
        clock.advance(Duration.ofHours(23));
        String recent = done("dinghai");
        clock.advance(Duration.ofHours(2)); // the first finished 25 h ago, the second 2 h ago; keep = 24 h

        assertThat(jobs.retain()).isGreaterThanOrEqualTo(1);

        assertThat(jobs.find(old, "dinghai")).isEmpty();
        assertThat(jdbc.sql("select count(*) from report_file where job_id = :id").param("id", old).query(Long.class).single())
                .isZero();
        assertThat(jobs.find(recent, "dinghai")).isPresent();
        assertThat(jobs.file(recent, "dinghai")).isPresent();
    }

    @Test
    void aJobWhoseNodeStoppedWhileGeneratingIsFailedWithAMessage() {
        String id = UUID.randomUUID().toString();
        Timestamp tenMinutesAgo = Timestamp.from(clock.instant().minus(Duration.ofMinutes(10)));
        jdbc.sql("insert into report_job (id, owner, kind, params, title, state, percent, stage, file_name, content_type, "
                        + "node, created, started, heartbeat) values (:id, 'dinghai', :k, '-', '中断的报告', 'RUNNING', 40, "
                        + "'正在绘制图表', 'x.pdf', 'application/pdf', 'gone-node', :t, :t, :t)")
                .param("id", id).param("k", CLAIM_ONLY).param("t", tenMinutesAgo).update();
        String fresh = jobs.submit("putuo", CLAIM_ONLY, "-", "进行中的报告", "y.pdf", "application/pdf");
        assertThat(jobs.claim(Set.of(CLAIM_ONLY))).isPresent(); // generating now, with a fresh heartbeat

        assertThat(jobs.failInterrupted()).isEqualTo(1);

        ReportJobs.Job job = jobs.find(id, "dinghai").orElseThrow();
        assertThat(job.status()).isEqualTo(ReportJobs.Status.FAILED);
        assertThat(job.error()).isEqualTo("生成中断：生成该报告的服务节点已停止运行，请重新生成");
        assertThat(jobs.find(fresh, "putuo").orElseThrow().status()).isEqualTo(ReportJobs.Status.RUNNING);
    }
}

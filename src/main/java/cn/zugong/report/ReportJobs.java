package cn.zugong.report;

import cn.zugong.shared.TooManyRequestsException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long documents are built in the background so the page never waits: a job reports its progress, the
 * page polls it and offers the download when it is done. Jobs belong to the user who asked (nobody else
 * sees them). Jobs, their progress and their files are rows (report_job, report_file; ADR 045), so any node
 * answers the poll and the download, and the workers of every node take waiting jobs from the table. The
 * work is therefore not a closure but a {@link Kind} (a bean of the module that owns the report) and the
 * parameters it needs as text (scope, evaluation): it may run on another node, outside the request.
 * <p>
 * Jobs are admitted within limits, so one user cannot slow everybody's reports: each user has at most
 * {@code zugong.reports.per-user} unfinished jobs (by default one generating and one waiting), and at most
 * {@code zugong.reports.workers + zugong.reports.queue} jobs are unfinished in all. Beyond either, {@link #submit}
 * refuses with a {@link TooManyRequestsException} (429) before any work or audit entry is made. Admission
 * locks one row (report_admission), so the limits hold when two nodes admit at the same moment.
 */
@Service
public class ReportJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    static final String INTERRUPTED = "生成中断：生成该报告的服务节点已停止运行，请重新生成";

    public enum Status { RUNNING, DONE, FAILED }

    /** Reports how far the work got: a percentage and what it is doing, in Chinese. */
    public interface Progress {
        void at(int percent, String stage);
    }

    /**
     * A kind of report that any node can produce from the parameters given to {@link #submit}. Implemented by a
     * bean of the module that owns the report; the name is stored with each job.
     */
    public interface Kind {
        String name();

        byte[] produce(String params, Progress progress);
    }

    /** A job as its owner sees it; the file itself is read by {@link #file}. */
    public record Job(String id, String owner, String title, int percent, String stage, Status status,
                      String filename, String contentType, long size, String error, Instant created, long millis) {

        public boolean done() {
            return status == Status.DONE;
        }

        public boolean failed() {
            return status == Status.FAILED;
        }
    }

    /** A finished job's file. */
    public record File(String filename, String contentType, byte[] content) {
    }

    record Claimed(String id, String owner, String kind, String params, String title) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectProvider<Kind> kindBeans;
    private final int workerCount;
    private final int perUser;
    private final int capacity;
    private final Duration poll;
    private final Duration heartbeat;
    private final Duration staleAfter;
    private final Duration keep;
    private final String node = nodeName();
    /** Jobs this node is generating, marked alive every heartbeat. */
    private final Set<String> generating = ConcurrentHashMap.newKeySet();
    private final Object wake = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private volatile Map<String, Kind> kinds = Map.of();
    private volatile boolean running;
    private ScheduledExecutorService beat;

    ReportJobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, ObjectProvider<Kind> kinds,
               @Value("${zugong.reports.workers:2}") int workers, @Value("${zugong.reports.per-user:2}") int perUser,
               @Value("${zugong.reports.queue:8}") int queue, @Value("${zugong.reports.poll:2s}") Duration poll,
               @Value("${zugong.reports.heartbeat:1m}") Duration heartbeat,
               @Value("${zugong.reports.stale-after:5m}") Duration staleAfter,
               @Value("${zugong.reports.keep:24h}") Duration keep) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.kindBeans = kinds;
        this.workerCount = workers;
        this.perUser = perUser;
        this.capacity = workers + queue;
        this.poll = poll;
        this.heartbeat = heartbeat;
        this.staleAfter = staleAfter;
        this.keep = keep;
    }

    /**
     * Queues a job of {@code kind} for {@code owner} and returns its id, or refuses with a
     * {@link TooManyRequestsException} when the owner already has {@code per-user} unfinished jobs or the queue
     * is full.
     */
    public String submit(String owner, String kind, String params, String title, String filename, String contentType) {
        String id = UUID.randomUUID().toString();
        tx.executeWithoutResult(status -> {
            jdbc.sql("select id from report_admission where id = 1 for update").query(Integer.class).single();
            admit(owner);
            jdbc.sql("insert into report_job (id, owner, kind, params, title, state, percent, stage, file_name, "
                            + "content_type, created) values (:id, :owner, :kind, :params, :title, 'WAITING', 0, '排队中', "
                            + ":file, :type, :now)")
                    .param("id", id).param("owner", owner).param("kind", kind).param("params", params)
                    .param("title", title).param("file", filename).param("type", contentType).param("now", now())
                    .update();
        });
        synchronized (wake) {
            wake.notifyAll();
        }
        return id;
    }

    private void admit(String owner) {
        long mine = jdbc.sql("select count(*) from report_job where owner = :owner and state in ('WAITING', 'RUNNING')")
                .param("owner", owner).query(Long.class).single();
        if (mine >= perUser) {
            throw new TooManyRequestsException("您已有报告正在生成，请稍候：每人同时最多 " + perUser
                    + " 份报告在生成或排队，请待已提交的报告完成后再生成");
        }
        long all = jdbc.sql("select count(*) from report_job where state in ('WAITING', 'RUNNING')")
                .query(Long.class).single();
        if (all >= capacity) {
            throw new TooManyRequestsException("报告生成任务繁忙，请稍后再试：全系统同时最多 " + capacity + " 份报告在生成或排队");
        }
    }

    /** The job if it exists and belongs to {@code owner}, as the database has it (whichever node runs it). */
    public Optional<Job> find(String id, String owner) {
        return jdbc.sql("select id, owner, title, percent, stage, state, file_name, content_type, size_bytes, error, "
                        + "created, millis from report_job where id = :id and owner = :owner")
                .param("id", id).param("owner", owner).query(ReportJobs::job).optional();
    }

    /** The file of a finished job of {@code owner}. */
    public Optional<File> file(String id, String owner) {
        return jdbc.sql("select j.file_name, j.content_type, f.content from report_job j join report_file f on f.job_id = j.id "
                        + "where j.id = :id and j.owner = :owner and j.state = 'DONE'")
                .param("id", id).param("owner", owner)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        String state = rs.getString("state");
        Status status = switch (state) {
            case "DONE" -> Status.DONE;
            case "FAILED" -> Status.FAILED;
            default -> Status.RUNNING; // waiting or generating: unfinished either way
        };
        return new Job(rs.getString("id"), rs.getString("owner"), rs.getString("title"), rs.getInt("percent"),
                rs.getString("stage"), status, rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("error"), rs.getTimestamp("created").toInstant(),
                rs.getLong("millis"));
    }

    /**
     * Takes the oldest waiting job of a kind this node knows, or nothing. SKIP LOCKED lets two workers pass
     * each other's candidate; the state condition of the update makes the claim exclusive even without it.
     */
    Optional<Claimed> claim() {
        return claim(kinds.keySet());
    }

    Optional<Claimed> claim(Set<String> known) {
        if (known.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(tx.execute(status -> {
            Optional<String> id = jdbc.sql("select id from report_job where state = 'WAITING' and kind in (:kinds) "
                            + "order by seq limit 1 for update skip locked")
                    .param("kinds", known).query(String.class).optional();
            if (id.isEmpty()) {
                return null;
            }
            Timestamp now = now();
            int taken = jdbc.sql("update report_job set state = 'RUNNING', node = :node, started = :now, heartbeat = :now "
                            + "where id = :id and state = 'WAITING'")
                    .param("node", node).param("now", now).param("id", id.get()).update();
            if (taken == 0) {
                return null;
            }
            return jdbc.sql("select id, owner, kind, params, title from report_job where id = :id").param("id", id.get())
                    .query((rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5))).single();
        }));
    }

    private void work() {
        while (running) {
            try {
                Optional<Claimed> job = claim();
                if (job.isPresent()) {
                    run(job.get());
                    continue;
                }
            } catch (RuntimeException e) {
                log.warn("report worker could not take a job", e);
            }
            synchronized (wake) {
                try {
                    wake.wait(poll.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void run(Claimed job) {
        long start = System.nanoTime();
        generating.add(job.id());
        try {
            Kind kind = kinds.get(job.kind());
            byte[] content = kind.produce(job.params(), progress(job.id()));
            long ms = (System.nanoTime() - start) / 1_000_000;
            tx.executeWithoutResult(status -> {
                int done = jdbc.sql("update report_job set state = 'DONE', percent = 100, stage = '已完成', size_bytes = :size, "
                                + "finished = :now, millis = :ms where id = :id and state = 'RUNNING'")
                        .param("size", (long) content.length).param("now", now()).param("ms", ms).param("id", job.id())
                        .update();
                if (done == 1) { // not failed meanwhile as a job of a dead node (a very long pause)
                    jdbc.sql("insert into report_file (job_id, content) values (:id, :content)")
                            .param("id", job.id()).param("content", content).update();
                }
            });
            log.info("report '{}' for {}: {} bytes in {} ms", job.title(), job.owner(), content.length, ms);
        } catch (RuntimeException e) {
            log.warn("report '{}' for {} failed", job.title(), job.owner(), e);
            failed(job.id(), "生成失败：" + e.getMessage(), start);
        } catch (Error e) {
            // an Error (out of memory) must not leave the job counted against its owner for ever, nor end the worker
            log.error("report '{}' for {} failed", job.title(), job.owner(), e);
            failed(job.id(), "生成失败：系统资源不足", start);
        } finally {
            generating.remove(job.id());
        }
    }

    private Progress progress(String id) {
        String[] last = {null};
        return (percent, stage) -> {
            String now = percent + stage;
            if (now.equals(last[0])) {
                return;
            }
            last[0] = now;
            jdbc.sql("update report_job set percent = :p, stage = :s, heartbeat = :now where id = :id and state = 'RUNNING'")
                    .param("p", percent).param("s", stage).param("now", now()).param("id", id).update();
        };
    }

    private void failed(String id, String error, long start) {
        jdbc.sql("update report_job set state = 'FAILED', stage = '生成失败', error = :error, finished = :now, millis = :ms "
                        + "where id = :id and state = 'RUNNING'")
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error).param("now", now())
                .param("ms", (System.nanoTime() - start) / 1_000_000).param("id", id).update();
    }

    /** Marks this node's generating jobs alive; every node does it for its own jobs. */
    void beat() {
        Set<String> mine = Set.copyOf(generating);
        if (!mine.isEmpty()) {
            jdbc.sql("update report_job set heartbeat = :now where state = 'RUNNING' and id in (:ids)")
                    .param("now", now()).param("ids", mine).update();
        }
    }

    /**
     * Fails the jobs whose node stopped while generating them (no heartbeat for {@code stale-after}). They are
     * not queued again: the owner sees why and starts it again, and a report that brought its node down does
     * not bring down the next one (ADR 045).
     */
    public int failInterrupted() {
        int n = jdbc.sql("update report_job set state = 'FAILED', stage = '生成失败', error = :error, finished = :now "
                        + "where state = 'RUNNING' and heartbeat < :limit")
                .param("error", INTERRUPTED).param("now", now())
                .param("limit", Timestamp.from(clock.instant().minus(staleAfter))).update();
        if (n > 0) {
            log.warn("{} report job(s) failed: their node stopped while generating them", n);
        }
        return n;
    }

    /**
     * Retention: deletes jobs (and their files) finished more than {@code zugong.reports.keep} ago, and fails
     * interrupted jobs. Scheduled through {@link ReportRetentionSchedule} (one node at a time); run twice, it only
     * deletes nothing the second time.
     */
    public int retain() {
        failInterrupted();
        int n = jdbc.sql("delete from report_job where state in ('DONE', 'FAILED') and finished < :limit")
                .param("limit", Timestamp.from(clock.instant().minus(keep))).update();
        if (n > 0) {
            log.info("report retention: {} finished job(s) older than {} deleted", n, keep);
        }
        return n;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String nodeName() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("node");
        String name = host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    @Override
    public synchronized void start() {
        kinds = kindBeans.orderedStream().collect(Collectors.toUnmodifiableMap(Kind::name, Function.identity()));
        running = true;
        try {
            failInterrupted();
        } catch (RuntimeException e) {
            log.warn("could not check for interrupted report jobs", e);
        }
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(this::work, "report-job-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "report-job-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beat.scheduleWithFixedDelay(() -> {
            try {
                beat();
            } catch (RuntimeException e) {
                log.warn("report heartbeat failed", e);
            }
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A node shutting down fails the jobs it is generating at once, with the message of a node that died, rather
     * than leaving them to the heartbeat check minutes later; waiting jobs stay for the other nodes.
     */
    @Override
    public synchronized void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        workers.clear();
        if (beat != null) {
            beat.shutdownNow();
        }
        Set<String> mine = Set.copyOf(generating);
        if (!mine.isEmpty()) {
            try {
                jdbc.sql("update report_job set state = 'FAILED', stage = '生成失败', error = :error, finished = :now "
                                + "where state = 'RUNNING' and id in (:ids)")
                        .param("error", INTERRUPTED).param("now", now()).param("ids", mine).update();
            } catch (RuntimeException e) {
                log.warn("could not mark the report jobs of a stopping node", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package cn.zugong.report;

import cn.zugong.shared.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Long documents are built in the background so the page never waits: a job reports its progress, the
 * page polls it and offers the download when it is done. Jobs belong to the user who asked (nobody else
 * sees them) and are forgotten an hour after they finish. The work gets everything it needs (scope,
 * evaluation) as arguments: it runs on another thread, outside the request's security context.
 * <p>
 * Jobs are admitted within limits, so one user cannot slow everybody's reports: each user has at most
 * {@code zugong.reports.per-user} unfinished jobs (by default one generating and one waiting), and the
 * workers' queue holds at most {@code zugong.reports.queue} jobs in all. Beyond either, {@link #submit}
 * refuses with a {@link TooManyRequestsException} (429) before any work or audit entry is made.
 */
@Service
public class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);

    public enum Status { RUNNING, DONE, FAILED }

    /** Reports how far the work got: a percentage and what it is doing, in Chinese. */
    public interface Progress {
        void at(int percent, String stage);
    }

    public record Job(String id, String owner, String title, int percent, String stage, Status status,
                      String filename, String contentType, byte[] content, String error, Instant created,
                      long millis) {

        Job with(int p, String s) {
            return new Job(id, owner, title, p, s, status, filename, contentType, content, error, created, millis);
        }

        public boolean done() {
            return status == Status.DONE;
        }

        public boolean failed() {
            return status == Status.FAILED;
        }

        public int size() {
            return content == null ? 0 : content.length;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers;
    private final int perUser;
    private final int capacity;
    private final Clock clock;

    ReportJobs(Clock clock, @Value("${zugong.reports.workers:2}") int workers,
               @Value("${zugong.reports.per-user:2}") int perUser, @Value("${zugong.reports.queue:8}") int queue) {
        this.clock = clock;
        this.perUser = perUser;
        this.capacity = workers + queue;
        // admission (the jobs map) bounds the work; the executor's own bound is a margin above it, as a job
        // counts as finished a moment before its worker thread is free for the next
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), r -> {
                    Thread t = new Thread(r, "report-job");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Queues the work for {@code owner} and returns the job's id, or refuses with a {@link TooManyRequestsException}
     * when the owner already has {@code per-user} unfinished jobs or the queue is full.
     */
    public synchronized String submit(String owner, String title, String filename, String contentType,
                                      Function<Progress, byte[]> work) {
        forgetOld();
        admit(owner);
        String id = UUID.randomUUID().toString();
        Instant created = clock.instant();
        jobs.put(id, new Job(id, owner, title, 0, "排队中", Status.RUNNING, filename, contentType, null, null, created, 0));
        try {
            workers.execute(() -> run(id, owner, title, filename, contentType, created, work));
        } catch (RejectedExecutionException e) {
            jobs.remove(id);
            throw busy();
        }
        return id;
    }

    private void admit(String owner) {
        long mine = jobs.values().stream().filter(j -> j.status() == Status.RUNNING && j.owner().equals(owner)).count();
        if (mine >= perUser) {
            throw new TooManyRequestsException("您已有报告正在生成，请稍候：每人同时最多 " + perUser
                    + " 份报告在生成或排队，请待已提交的报告完成后再生成");
        }
        if (jobs.values().stream().filter(j -> j.status() == Status.RUNNING).count() >= capacity) {
            throw busy();
        }
    }

    private TooManyRequestsException busy() {
        return new TooManyRequestsException("报告生成任务繁忙，请稍后再试：全系统同时最多 " + capacity + " 份报告在生成或排队");
    }

    private void run(String id, String owner, String title, String filename, String contentType, Instant created,
                     Function<Progress, byte[]> work) {
        long start = System.nanoTime();
        try {
            byte[] content = work.apply((percent, stage) -> jobs.computeIfPresent(id, (k, j) -> j.with(percent, stage)));
            long ms = (System.nanoTime() - start) / 1_000_000;
            jobs.computeIfPresent(id, (k, j) -> new Job(id, owner, title, 100, "已完成", Status.DONE, filename,
                    contentType, content, null, created, ms));
            log.info("report '{}' for {}: {} bytes in {} ms", title, owner, content.length, ms);
        } catch (RuntimeException e) {
            log.warn("report '{}' for {} failed", title, owner, e);
            failed(id, "生成失败：" + e.getMessage(), start);
        } finally {
            // an Error (out of memory) must not leave the job counted against its owner for ever
            if (jobs.containsKey(id) && jobs.get(id).status() == Status.RUNNING) {
                failed(id, "生成失败：系统资源不足", start);
            }
        }
    }

    private void failed(String id, String error, long start) {
        jobs.computeIfPresent(id, (k, j) -> new Job(id, j.owner(), j.title(), j.percent(), "生成失败", Status.FAILED,
                j.filename(), j.contentType(), null, error, j.created(), (System.nanoTime() - start) / 1_000_000));
    }

    /** The job if it exists and belongs to {@code owner}. */
    public Optional<Job> find(String id, String owner) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner().equals(owner));
    }

    private void forgetOld() {
        Instant limit = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> j.status() != Status.RUNNING && j.created().isBefore(limit));
    }
}

package cn.zugong.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Long documents are built in the background so the page never waits: a job reports its progress, the
 * page polls it and offers the download when it is done. Jobs belong to the user who asked (nobody else
 * sees them) and are forgotten an hour after they finish. The work gets everything it needs (scope,
 * evaluation) as arguments: it runs on another thread, outside the request's security context.
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
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "report-job");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;

    ReportJobs(Clock clock) {
        this.clock = clock;
    }

    public String submit(String owner, String title, String filename, String contentType,
                         Function<Progress, byte[]> work) {
        forgetOld();
        String id = UUID.randomUUID().toString();
        Instant created = clock.instant();
        jobs.put(id, new Job(id, owner, title, 0, "排队中", Status.RUNNING, filename, contentType, null, null, created, 0));
        workers.submit(() -> {
            long start = System.nanoTime();
            try {
                byte[] content = work.apply((percent, stage) -> jobs.computeIfPresent(id, (k, j) -> j.with(percent, stage)));
                long ms = (System.nanoTime() - start) / 1_000_000;
                jobs.computeIfPresent(id, (k, j) -> new Job(id, owner, title, 100, "已完成", Status.DONE, filename,
                        contentType, content, null, created, ms));
                log.info("report '{}' for {}: {} bytes in {} ms", title, owner, content.length, ms);
            } catch (RuntimeException e) {
                log.warn("report '{}' for {} failed", title, owner, e);
                jobs.computeIfPresent(id, (k, j) -> new Job(id, owner, title, j.percent(), "生成失败", Status.FAILED,
                        filename, contentType, null, "生成失败：" + e.getMessage(), created,
                        (System.nanoTime() - start) / 1_000_000));
            }
        });
        return id;
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

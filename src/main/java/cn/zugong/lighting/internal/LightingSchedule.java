package cn.zugong.lighting.internal;

import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The 亮灯台 job's schedule: every node fires it, one runs it (ShedLock, ADR 046). The lock sits here and not
 * on {@link LightingJob#run()}, so a direct call (demo, tests with the test clock) is never skipped.
 */
@Component
class LightingSchedule {

    /** The lock's name in {@code shedlock}. */
    static final String LOCK = "lighting-job";

    private static final Logger log = LoggerFactory.getLogger(LightingSchedule.class);

    private final LightingJob job;

    LightingSchedule(LightingJob job) {
        this.job = job;
    }

    /**
     * The months closed; empty when another node holds the lock. lockAtMostFor stays under the 10-minute
     * schedule so that a node that died holding the lock delays one schedule at most; lockAtLeastFor covers
     * the nodes' clock differences in firing.
     */
    @Scheduled(cron = "${zugong.lighting.job-cron:0 */10 * * * *}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT9M", lockAtLeastFor = "PT1M")
    public Optional<List<MonthClose.Result>> tick() {
        try {
            List<MonthClose.Result> closed = job.run();
            log.info("job {} ran: {} months closed", LOCK, closed.size());
            return Optional.of(closed);
        } catch (RuntimeException e) {
            log.warn("亮灯台 job failed: {}", e.toString());
            return Optional.of(List.of());
        }
    }
}

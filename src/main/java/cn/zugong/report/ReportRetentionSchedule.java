package cn.zugong.report;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The report retention's schedule: every node fires it, one runs it (ShedLock, ADR 046). The lock sits here and
 * not on {@link ReportJobs#retain()}, so a direct call (tests with the test clock) is never skipped.
 */
@Component
class ReportRetentionSchedule {

    /** The lock's name in {@code shedlock}. */
    static final String LOCK = "report-retention";

    private static final Logger log = LoggerFactory.getLogger(ReportRetentionSchedule.class);

    private final ReportJobs jobs;

    ReportRetentionSchedule(ReportJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(cron = "${zugong.reports.retention-cron:0 */5 * * * *}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT4M", lockAtLeastFor = "PT30S")
    public void tick() {
        log.debug("job {} ran: {} finished report jobs deleted", LOCK, jobs.retain());
    }
}

package cn.zugong.closure.internal;

import cn.zugong.closure.Escalations;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The 督办 job's schedule: every node fires it, one runs it (ShedLock, ADR 046). The lock sits here and not on
 * {@link Escalations#run()}, so a direct call (demo, tests) is never skipped; calling the job through its bean
 * keeps its transaction.
 */
@Component
public class EscalationSchedule {

    /** The lock's name in {@code shedlock}. */
    public static final String LOCK = "closure-escalations";

    private static final Logger log = LoggerFactory.getLogger(EscalationSchedule.class);

    private final Escalations escalations;

    EscalationSchedule(Escalations escalations) {
        this.escalations = escalations;
    }

    /**
     * Items raised; empty when another node holds the lock. lockAtLeastFor: a node whose clock runs a little
     * behind fires after the first node finished and must still find the lock taken.
     */
    @Scheduled(cron = "${zugong.closure.escalation.cron:0 5 * * * *}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public Optional<Integer> tick() {
        int raised = escalations.run();
        log.info("job {} ran: {} items escalated", LOCK, raised);
        return Optional.of(raised);
    }
}

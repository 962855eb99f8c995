package cn.zugong.lighting.internal;

import cn.zugong.shared.ConflictException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The 亮灯台's clockwork (reads the time only from the platform Clock): closes every month whose window has
 * ended (final lights), lights open months provisionally, sends reminders, delivers the outbox.
 */
@Component
public class LightingJob {

    private static final Logger log = LoggerFactory.getLogger(LightingJob.class);

    private final ListRepository lists;
    private final ReportRepository reports;
    private final MonthClose close;
    private final Reminders reminders;
    private final Outbox outbox;
    private final Window.Expiry expiry;
    private final Clock clock;

    LightingJob(ListRepository lists, ReportRepository reports, MonthClose close, Reminders reminders, Outbox outbox,
                Clock clock, Window.Expiry expiry) {
        this.expiry = expiry;
        this.lists = lists;
        this.reports = reports;
        this.close = close;
        this.reminders = reminders;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * One pass; returns the months closed. Safe to run on several nodes or threads at once (a month is closed
     * under its list's lock, only if still unclosed; a message is sent by the node that claimed it), though the
     * schedule runs it on one node at a time ({@link LightingSchedule}).
     */
    public List<MonthClose.Result> run() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<MonthClose.Result> closed = new ArrayList<>();
        for (TaskList list : lists.all()) {
            Map<Integer, String> statuses = reports.monthStatuses(list.id());
            for (int m = 1; m <= 12; m++) {
                Period p = new Period(list.year(), m);
                String status = statuses.get(p.code());
                Window w = Window.of(list.config(), p, status, now, expiry);
                try {
                    if (w.dueForClose(status, now)) {
                        close.closeDue(list.id(), p).ifPresent(closed::add);
                    } else if (w.acceptsReports()) {
                        close.lightProvisionally(list.id(), p);
                        reminders.remind(list, w);
                    }
                } catch (ConflictException e) {
                    // the list is busy on another node or thread (a long close): the next pass does this month
                    log.info("亮灯台 job skipped {} {}: {}", list.code(), p.code(), e.getMessage());
                }
            }
        }
        outbox.deliverDue();
        return closed;
    }
}

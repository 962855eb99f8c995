package cn.zugong.closure;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.internal.ClosureRepository;
import cn.zugong.closure.internal.EscalationRule;
import cn.zugong.org.OrgNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办: the scheduled job that raises the escalation of overdue items from the platform clock and the
 * working-day calendar (rule in docs/adr/020). Levels only rise while an item is being worked; a transfer
 * or reopen with a new deadline starts again from none.
 */
@Service
public class Escalations {

    private final ClosureRepository repository;
    private final ClosureItems items;
    private final WorkCalendar calendar;
    private final EscalationRule rule;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Escalations(ClosureRepository repository, ClosureItems items, WorkCalendar calendar, EscalationRule rule,
                AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.items = items;
        this.calendar = calendar;
        this.rule = rule;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One pass; returns how many items rose a level. Scheduled every hour on one node at a time
     * ({@code internal.EscalationSchedule}); a level is raised only from the level read, so two passes at once
     * raise it once.
     */
    @Transactional
    public int run() {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        int raised = 0;
        for (ClosureItem item : repository.overdue(today)) {
            int overdue = calendar.workdaysBetween(item.deadline(), today);
            Escalation level = rule.levelFor(overdue);
            if (level.level() <= item.escalation().level()) {
                continue;
            }
            OrgNode to = level == Escalation.RED_CARD ? items.nextLevelUp(item) : null;
            if (!repository.escalate(item.id(), level, to == null ? null : to.id(), now)) {
                continue;
            }
            String note = "已逾期 " + overdue + " 个工作日，" + level.label() + (to == null ? "" : "，报「" + to.name() + "」");
            repository.event(item.id(), now, "system", "督办程序", ClosureAction.ESCALATE, null, null, note);
            audit.record(new AuditEvent(AuditAction.UPDATE, "closure_item", String.valueOf(item.id()),
                    "督办：" + item.title() + "，" + note, Map.of("escalation", item.escalation().name()),
                    Map.of("escalation", level.name(), "overdueWorkdays", overdue), "system"));
            events.publishEvent(new ClosureEvents.ItemEscalated(item.id(), item.kind(), item.sourceRef(), level,
                    overdue, to == null ? null : to.id()));
            raised++;
        }
        return raised;
    }

    /**
     * The level an item with this deadline has reached today under the same rule as the job (working days past the
     * deadline on the official calendar), for records of other modules that are 督办 when overdue without being
     * closure items (调研课题, ADR 079): one rule for every deadline of the platform.
     */
    public Escalation levelOf(LocalDate deadline, LocalDate today) {
        return deadline == null || !deadline.isBefore(today) ? Escalation.NONE : rule.levelFor(overdueWorkdays(deadline, today));
    }

    /** Working days past the deadline today (0 when not past). */
    public int overdueWorkdays(LocalDate deadline, LocalDate today) {
        return deadline == null || !deadline.isBefore(today) ? 0 : Math.max(calendar.workdaysBetween(deadline, today), 0);
    }

    /** The rule in words, for pages and the README. */
    public String ruleText() {
        return rule.describe();
    }
}

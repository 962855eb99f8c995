package cn.zugong.lighting.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.NotFoundException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lights every task of a list for a month: finally when the month closes (by the job at window close or by an
 * administrator), provisionally while the window is open. A fixed number of queries per list and month:
 * the tasks (two), the counted reports of the month and of the month the stall rule compares with (one,
 * plus one for the carried values of a provisional light), one delete and one batch insert.
 */
@Service
public class MonthClose {

    private final ListRepository lists;
    private final ReportRepository reports;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditTrail audit;
    private final Clock clock;

    MonthClose(ListRepository lists, ReportRepository reports, JdbcClient jdbc, JdbcTemplate template, AuditTrail audit,
               Clock clock) {
        this.lists = lists;
        this.reports = reports;
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.clock = clock;
    }

    public record Result(long listId, Period period, int tasks, Map<String, Integer> colours, long millis) {
    }

    /** 月度关灯: final lights for the month, the month marked closed; audited. */
    @Transactional
    public Result close(long listId, Period period, String actor) {
        long start = System.nanoTime();
        TaskList list = lists.list(listId).orElseThrow(() -> new NotFoundException("任务清单不存在：" + listId));
        String before = reports.monthStatus(listId, period);
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Integer> colours = light(list, period, false, now);
        reports.setMonthStatus(listId, period, "CLOSED", actor, now);
        int tasks = colours.values().stream().mapToInt(Integer::intValue).sum();
        audit.record(new AuditEvent(AuditAction.UPDATE, "lighting_month", listId + "/" + period.code(),
                "亮灯台月度关灯：" + list.name() + " " + period.label() + "，" + tasks + " 项任务", Map.of("status",
                String.valueOf(before)), Map.of("status", "CLOSED", "colours", colours), actor));
        return new Result(listId, period, tasks, colours, (System.nanoTime() - start) / 1_000_000);
    }

    /** 重新开放: the month accepts (late) reports again until it is closed again; audited. */
    @Transactional
    public void reopen(long listId, Period period, String actor) {
        String before = reports.monthStatus(listId, period);
        reports.setMonthStatus(listId, period, "REOPENED", actor, LocalDateTime.now(clock));
        audit.record(new AuditEvent(AuditAction.UPDATE, "lighting_month", listId + "/" + period.code(),
                "亮灯台重新开放申报：" + period.label(), Map.of("status", String.valueOf(before)),
                Map.of("status", "REOPENED"), actor));
    }

    /** Provisional lights of an open month (no audit: derived data, recomputed on every change). */
    @Transactional
    public Map<String, Integer> lightProvisionally(long listId, Period period) {
        TaskList list = lists.list(listId).orElseThrow();
        return light(list, period, true, LocalDateTime.now(clock));
    }

    Map<String, Integer> light(TaskList list, Period period, boolean provisional, LocalDateTime now) {
        LightRule rule = new LightRule(list.config());
        List<Task> tasks = lists.allTasks(list.id());
        int stall = list.config().stallMonths();
        Period earlierPeriod = stall > 0 && period.month() > stall ? period.minusMonths(stall) : null;
        Map<Long, BigDecimal> current = new HashMap<>();
        Map<Long, BigDecimal> earlier = new HashMap<>();
        jdbc.sql("select r.task_id, r.period, r.actual_value from lighting_report r join lighting_task t on t.id = r.task_id "
                        + "where t.list_id = :l and r.period in (:p, :e) and r.status in ('SUBMITTED', 'APPROVED')")
                .param("l", list.id()).param("p", period.code())
                .param("e", earlierPeriod == null ? period.code() : earlierPeriod.code())
                .query((rs, i) -> (rs.getInt(2) == period.code() ? current : earlier).put(rs.getLong(1),
                        rs.getBigDecimal(3) == null ? BigDecimal.ZERO : rs.getBigDecimal(3))).list();
        Map<Long, BigDecimal> carried = provisional ? carried(list.id(), period) : Map.of();
        List<Object[]> rows = new ArrayList<>(tasks.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        Timestamp at = Timestamp.valueOf(now);
        Period startsAt = list.meetingDate() == null ? null : Period.of(list.meetingDate());
        for (Task t : tasks) {
            if (startsAt != null && period.compareTo(startsAt) < 0) {
                continue; // a meeting's items are lit from the meeting's month on
            }
            boolean reported = current.containsKey(t.id());
            BigDecimal actual = reported ? current.get(t.id()) : carried.get(t.id());
            var light = rule.light(new LightRule.Input(t, period, reported, actual,
                    earlierPeriod == null ? null : earlier.get(t.id()), provisional));
            counts.merge(light.colour().code(), 1, Integer::sum);
            rows.add(new Object[] {t.id(), period.code(), list.id(), t.leadUnitId(), light.colour().code(),
                    light.actual(), light.planned(), light.ratio(), light.points(), t.weight(), light.reason(),
                    provisional, at});
        }
        jdbc.sql("delete from lighting_light where list_id = :l and period = :p").param("l", list.id())
                .param("p", period.code()).update();
        template.batchUpdate("insert into lighting_light (task_id, period, list_id, unit_id, colour, actual, planned, "
                + "ratio, points, weight, reason, provisional, lit_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return counts;
    }

    /** Latest counted actual before the month, per task (a provisional light of a task not yet reported). */
    private Map<Long, BigDecimal> carried(long listId, Period period) {
        Map<Long, BigDecimal> out = new HashMap<>();
        jdbc.sql("select r.task_id, r.actual_value from lighting_report r join lighting_task t on t.id = r.task_id "
                        + "where t.list_id = :l and r.status in ('SUBMITTED', 'APPROVED') and r.period = (select max(r2.period) "
                        + "from lighting_report r2 where r2.task_id = r.task_id and r2.period < :p and r2.period >= :y "
                        + "and r2.status in ('SUBMITTED', 'APPROVED'))")
                .param("l", listId).param("p", period.code()).param("y", period.year() * 100 + 1)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return out;
    }
}

package cn.zugong.lighting.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.lighting.internal.ReportRepository.MonthState;
import cn.zugong.shared.ConflictException;
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
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lights every task of a list for a month: finally when the month closes (by the job at window close or by an
 * administrator), provisionally while the window is open. A fixed number of statements per list and month:
 * one read (tasks, counted reports, stored lights), one for the carried values of a provisional light, and
 * writes of only what changed (see {@link #light}).
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

    /**
     * 月度关灯 by an administrator: final lights for the month, the month marked closed; audited. Also closes a
     * closed or reopened month again (a relight). When another close or reopen of the month committed while
     * this one waited for the list (another node, the job, a second click), nothing is done: 409 with
     * 「…正在关闭或刚被其他操作关闭，请稍后刷新查看」.
     */
    @Transactional
    public Result close(long listId, Period period, String actor) {
        MonthState seen = reports.monthState(listId, period);
        lock(listId);
        if (!Objects.equals(seen, reports.monthState(listId, period))) {
            throw new ConflictException(period.label() + "正在关闭或刚被其他操作关闭，请稍后刷新查看");
        }
        return closeLocked(listId, period, seen == null ? null : seen.status(), actor);
    }

    /**
     * The job's close of a month whose window has ended: only while nobody has closed or reopened the month
     * (checked under the list's lock, so two nodes or a node and the button never close it twice).
     */
    @Transactional
    public Optional<Result> closeDue(long listId, Period period) {
        lock(listId);
        MonthState state = reports.monthState(listId, period);
        if (state != null) {
            return Optional.empty();
        }
        return Optional.of(closeLocked(listId, period, null, "system"));
    }

    private Result closeLocked(long listId, Period period, String before, String actor) {
        long start = System.nanoTime();
        TaskList list = lists.list(listId).orElseThrow(() -> new NotFoundException("任务清单不存在：" + listId));
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
        lock(listId);
        String before = reports.monthStatus(listId, period);
        reports.setMonthStatus(listId, period, "REOPENED", actor, LocalDateTime.now(clock));
        audit.record(new AuditEvent(AuditAction.UPDATE, "lighting_month", listId + "/" + period.code(),
                "亮灯台重新开放申报：" + period.label(), Map.of("status", String.valueOf(before)),
                Map.of("status", "REOPENED"), actor));
    }

    /**
     * Provisional lights of an open month (no audit: derived data, recomputed on every change). Nothing when
     * the month was closed meanwhile: provisional lights never overwrite final ones.
     */
    @Transactional
    public Map<String, Integer> lightProvisionally(long listId, Period period) {
        lock(listId);
        if ("CLOSED".equals(reports.monthStatus(listId, period))) {
            return Map.of();
        }
        TaskList list = lists.list(listId).orElseThrow();
        return light(list, period, true, LocalDateTime.now(clock));
    }

    /**
     * The database-level guard of a list's months (ADR 046): the list's row locked until the transaction ends,
     * so closes, relights and reopens of its months on any node run one after the other. A lock not granted in
     * the database's lock timeout is a conflict the caller can retry.
     */
    private void lock(long listId) {
        try {
            jdbc.sql("select id from lighting_list where id = :l for update").param("l", listId).query(Long.class)
                    .optional().orElseThrow(() -> new NotFoundException("任务清单不存在：" + listId));
        } catch (PessimisticLockingFailureException e) {
            throw new ConflictException("该清单的月份正在关闭或亮灯，请稍后刷新");
        }
    }

    /** What the close reads per task: the task, its counted reports of the month and of the stall month, its stored light. */
    private record Row(Task task, boolean reported, BigDecimal actual, BigDecimal earlier, Stored stored) {
    }

    /** A light as stored in {@code lighting_light}. */
    private record Stored(String colour, BigDecimal actual, BigDecimal planned, BigDecimal ratio, int points,
                          BigDecimal weight, String reason) {

        boolean sameAs(LightRule.Light l, BigDecimal w) {
            return colour.equals(l.colour().code()) && eq(actual, l.actual()) && eq(planned, l.planned())
                    && eq(ratio, l.ratio()) && points == l.points() && eq(weight, w) && reason.equals(l.reason());
        }

        private static boolean eq(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    /**
     * Lights the list's tasks for the month and writes only the difference to {@code lighting_light}: one read
     * (tasks, counted reports and the stored lights in one query; one more for the carried values of a
     * provisional light) and batches of the changed, new and vanished rows only. Whether lights are final is
     * the month's status ({@code lighting_month}), not a flag on each row. {@code lit_at}: when a light last
     * changed.
     */
    Map<String, Integer> light(TaskList list, Period period, boolean provisional, LocalDateTime now) {
        LightRule rule = new LightRule(list.config());
        int stall = list.config().stallMonths();
        Period earlierPeriod = stall > 0 && period.month() > stall ? period.minusMonths(stall) : null;
        List<Row> rows = rows(list.id(), period, earlierPeriod);
        Map<Long, BigDecimal> carried = provisional ? carried(list.id(), period) : Map.of();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Timestamp at = Timestamp.valueOf(now);
        Period startsAt = list.meetingDate() == null ? null : Period.of(list.meetingDate());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        for (Row row : rows) {
            Task t = row.task();
            if (startsAt != null && period.compareTo(startsAt) < 0) {
                if (row.stored() != null) { // a meeting's items are lit from the meeting's month on
                    deletes.add(new Object[] {t.id(), period.code()});
                }
                continue;
            }
            BigDecimal actual = row.reported() ? row.actual() : carried.get(t.id());
            var light = rule.light(new LightRule.Input(t, period, row.reported(), actual, row.earlier(), provisional));
            counts.merge(light.colour().code(), 1, Integer::sum);
            if (row.stored() == null) {
                inserts.add(new Object[] {t.id(), period.code(), list.id(), t.leadUnitId(), light.colour().code(),
                        light.actual(), light.planned(), light.ratio(), light.points(), t.weight(), light.reason(), at});
            } else if (!row.stored().sameAs(light, t.weight())) {
                updates.add(new Object[] {t.leadUnitId(), light.colour().code(), light.actual(), light.planned(),
                        light.ratio(), light.points(), t.weight(), light.reason(), at, t.id(), period.code()});
            }
        }
        if (!deletes.isEmpty()) {
            template.batchUpdate("delete from lighting_light where task_id = ? and period = ?", deletes);
        }
        if (!updates.isEmpty()) {
            template.batchUpdate("update lighting_light set unit_id = ?, colour = ?, actual = ?, planned = ?, ratio = ?, "
                    + "points = ?, weight = ?, reason = ?, lit_at = ? where task_id = ? and period = ?",
                    updates);
        }
        if (!inserts.isEmpty()) {
            template.batchUpdate("insert into lighting_light (task_id, period, list_id, unit_id, colour, actual, planned, "
                    + "ratio, points, weight, reason, lit_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts);
        }
        Map<String, Integer> ordered = new LinkedHashMap<>(); // best colour first, as before
        for (var colour : cn.zugong.shared.legend.Colour.LIGHTS) {
            if (counts.containsKey(colour.code())) {
                ordered.put(colour.code(), counts.get(colour.code()));
            }
        }
        return ordered;
    }

    private List<Row> rows(long listId, Period period, Period earlierPeriod) {
        Map<String, List<Integer>> plans = new HashMap<>();
        return jdbc.sql("select t.id, t.lead_unit_id, t.weight, t.target_value, t.measure, t.plan, t.deadline, "
                        + "c.task_id c_task, c.actual_value c_actual, e.task_id e_task, e.actual_value e_actual, "
                        + "g.task_id g_task, g.colour, g.actual, g.planned, g.ratio, g.points, g.weight g_weight, g.reason "
                        + "from lighting_task t "
                        + "left join lighting_report c on c.task_id = t.id and c.period = :p and c.status in ('SUBMITTED', 'APPROVED') "
                        + "left join lighting_report e on e.task_id = t.id and e.period = :e and e.status in ('SUBMITTED', 'APPROVED') "
                        + "left join lighting_light g on g.task_id = t.id and g.period = :p where t.list_id = :l")
                .param("l", listId).param("p", period.code())
                .param("e", earlierPeriod == null ? 0 : earlierPeriod.code())
                .query((rs, i) -> {
                    Task task = new Task(rs.getLong("id"), listId, null, null, rs.getLong("lead_unit_id"), null, List.of(),
                            null, rs.getBigDecimal("weight"), rs.getBigDecimal("target_value"), rs.getString("measure"),
                            plans.computeIfAbsent(rs.getString("plan"), Task::parsePlan),
                            rs.getObject("deadline", java.time.LocalDate.class), null);
                    boolean reported = rs.getObject("c_task") != null;
                    BigDecimal earlier = rs.getObject("e_task") == null ? null : zero(rs.getBigDecimal("e_actual"));
                    Stored stored = rs.getObject("g_task") == null ? null : new Stored(rs.getString("colour"),
                            rs.getBigDecimal("actual"), rs.getBigDecimal("planned"), rs.getBigDecimal("ratio"),
                            rs.getInt("points"), rs.getBigDecimal("g_weight"), rs.getString("reason"));
                    return new Row(task, reported, reported ? zero(rs.getBigDecimal("c_actual")) : null, earlier, stored);
                }).list();
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Latest counted actual before the month, per task (a provisional light of a task not yet reported). */
    private Map<Long, BigDecimal> carried(long listId, Period period) {
        Map<Long, BigDecimal> out = new HashMap<>();
        jdbc.sql("select r.task_id, r.actual_value from lighting_report r join (select r2.task_id, max(r2.period) latest "
                        + "from lighting_report r2 join lighting_task t on t.id = r2.task_id where t.list_id = :l "
                        + "and r2.period < :p and r2.period >= :y and r2.status in ('SUBMITTED', 'APPROVED') group by r2.task_id) x "
                        + "on x.task_id = r.task_id and r.period = x.latest")
                .param("l", listId).param("p", period.code()).param("y", period.year() * 100 + 1)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return out;
    }
}

package cn.zugong.lighting.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reports, their attachments and the closed/reopened state of months. */
@Repository
public class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Report> byId(long id) {
        return jdbc.sql("select * from lighting_report where id = :id").param("id", id).query(ReportRepository::map)
                .optional();
    }

    public Optional<Report> find(long taskId, Period period) {
        return jdbc.sql("select * from lighting_report where task_id = :t and period = :p").param("t", taskId)
                .param("p", period.code()).query(ReportRepository::map).optional();
    }

    /** Reports of the given tasks in one month, by task id. */
    public Map<Long, Report> ofTasks(Collection<Long> taskIds, Period period) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from lighting_report where period = :p and task_id in (:t)").param("p", period.code())
                .param("t", List.copyOf(taskIds)).query(ReportRepository::map).list().stream()
                .collect(Collectors.toMap(Report::taskId, Function.identity()));
    }

    public List<Report> history(long taskId) {
        return jdbc.sql("select * from lighting_report where task_id = :t order by period").param("t", taskId)
                .query(ReportRepository::map).list();
    }

    /** Inserts a draft; a concurrent insert of the same task and month fails on the unique key. */
    public long insertDraft(long taskId, Period period, long unitId, BigDecimal actual, String narrative, String by,
                            LocalDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into lighting_report (task_id, period, unit_id, actual_value, narrative, status, saved_by, saved_at) "
                        + "values (:t, :p, :u, :a, :n, 'DRAFT', :by, :now)")
                .param("t", taskId).param("p", period.code()).param("u", unitId).param("a", actual).param("n", narrative)
                .param("by", by).param("now", Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Updates values of a report still editable (draft or returned); 0 when it no longer is. */
    public int updateEditable(long id, BigDecimal actual, String narrative, String by, LocalDateTime now) {
        return jdbc.sql("update lighting_report set actual_value = :a, narrative = :n, saved_by = :by, saved_at = :now "
                        + "where id = :id and status in ('DRAFT', 'RETURNED')")
                .param("a", actual).param("n", narrative).param("by", by).param("now", Timestamp.valueOf(now))
                .param("id", id).update();
    }

    /** Draft or returned → submitted, exactly once: a second submit finds no editable row and changes nothing. */
    public int submit(long id, boolean late, String by, LocalDateTime now) {
        return jdbc.sql("update lighting_report set status = 'SUBMITTED', late = :late, submitted_by = :by, "
                        + "submitted_at = :now, return_reason = null where id = :id and status in ('DRAFT', 'RETURNED')")
                .param("late", late).param("by", by).param("now", Timestamp.valueOf(now)).param("id", id).update();
    }

    public int review(long id, boolean approve, String reason, String by, LocalDateTime now) {
        return jdbc.sql("update lighting_report set status = :s, return_reason = :r, reviewed_by = :by, reviewed_at = :now "
                        + "where id = :id and status = 'SUBMITTED'")
                .param("s", approve ? "APPROVED" : "RETURNED").param("r", approve ? null : reason).param("by", by)
                .param("now", Timestamp.valueOf(now)).param("id", id).update();
    }

    public long addAttachment(long reportId, String name, String type, byte[] content, String by, LocalDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into lighting_attachment (report_id, file_name, content_type, size_bytes, content, uploaded_by, "
                        + "uploaded_at) values (:r, :n, :t, :s, :c, :by, :now)")
                .param("r", reportId).param("n", name).param("t", type).param("s", (long) content.length)
                .param("c", content).param("by", by).param("now", Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int attachmentCount(long reportId) {
        return jdbc.sql("select count(*) from lighting_attachment where report_id = :r").param("r", reportId)
                .query(Integer.class).single();
    }

    public Map<Long, List<Attachment>> attachments(Collection<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, report_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at "
                        + "from lighting_attachment where report_id in (:r) order by id").param("r", List.copyOf(reportIds))
                .query((rs, i) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toLocalDateTime())).list().stream()
                .collect(Collectors.groupingBy(Attachment::reportId));
    }

    public Optional<Attachment> attachment(long id) {
        return jdbc.sql("select id, report_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at "
                        + "from lighting_attachment where id = :id").param("id", id)
                .query((rs, i) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toLocalDateTime())).optional();
    }

    public byte[] content(long attachmentId) {
        return jdbc.sql("select content from lighting_attachment where id = :id").param("id", attachmentId)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

    /** CLOSED / REOPENED per period of a list. */
    public Map<Integer, String> monthStatuses(long listId) {
        Map<Integer, String> m = new HashMap<>();
        jdbc.sql("select period, status from lighting_month where list_id = :l").param("l", listId)
                .query((rs, i) -> m.put(rs.getInt(1), rs.getString(2))).list();
        return m;
    }

    public String monthStatus(long listId, Period period) {
        return jdbc.sql("select status from lighting_month where list_id = :l and period = :p").param("l", listId)
                .param("p", period.code()).query(String.class).optional().orElse(null);
    }

    /** A month's row as last written; {@code null} when nobody has closed or reopened the month. */
    public record MonthState(String status, String changedBy, LocalDateTime changedAt) {
    }

    public MonthState monthState(long listId, Period period) {
        return jdbc.sql("select status, changed_by, changed_at from lighting_month where list_id = :l and period = :p")
                .param("l", listId).param("p", period.code())
                .query((rs, i) -> new MonthState(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime()))
                .optional().orElse(null);
    }

    public void setMonthStatus(long listId, Period period, String status, String by, LocalDateTime now) {
        int n = jdbc.sql("update lighting_month set status = :s, changed_by = :by, changed_at = :now "
                        + "where list_id = :l and period = :p").param("s", status).param("by", by)
                .param("now", Timestamp.valueOf(now)).param("l", listId).param("p", period.code()).update();
        if (n == 0) {
            jdbc.sql("insert into lighting_month (list_id, period, status, changed_by, changed_at) values (:l, :p, :s, :by, :now)")
                    .param("s", status).param("by", by).param("now", Timestamp.valueOf(now)).param("l", listId)
                    .param("p", period.code()).update();
        }
    }

    static Report map(ResultSet rs, int i) throws SQLException {
        return new Report(rs.getLong("id"), rs.getLong("task_id"), rs.getInt("period"), rs.getLong("unit_id"),
                rs.getBigDecimal("actual_value"), rs.getString("narrative"), Report.Status.valueOf(rs.getString("status")),
                rs.getBoolean("late"), rs.getString("saved_by"), time(rs, "saved_at"), rs.getString("submitted_by"),
                time(rs, "submitted_at"), rs.getString("reviewed_by"), time(rs, "reviewed_at"),
                rs.getString("return_reason"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}

package cn.zugong.lighting.internal;

import cn.zugong.lighting.LightingHistory;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Monthly reports whose review is already known, in one batch (see {@link LightingHistory}). */
@Repository
public class HistoricalReports {

    private final JdbcTemplate jdbc;

    HistoricalReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<LightingHistory.Report> reports) {
        jdbc.batchUpdate("insert into lighting_report (task_id, period, unit_id, actual_value, narrative, status, late, "
                + "saved_by, saved_at, submitted_by, submitted_at, reviewed_by, reviewed_at, return_reason) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reports.stream().map(r -> new Object[] {
                r.taskId(), new Period(r.year(), r.month()).code(), r.unitId(), r.actualValue(), r.narrative(),
                r.status(), r.late(), r.savedBy(), at(r.savedAt()), r.submittedBy(), at(r.submittedAt()),
                r.reviewedBy(), at(r.reviewedAt()), r.returnReason()}).toList());
    }

    private static Timestamp at(LocalDateTime time) {
        return time == null ? null : Timestamp.valueOf(time);
    }
}

package cn.zugong.lighting.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One monthly report of a task (cumulative actual value since January, narrative, review outcome). */
public record Report(long id, long taskId, int period, long unitId, BigDecimal actual, String narrative,
                     Status status, boolean late, String savedBy, LocalDateTime savedAt, String submittedBy,
                     LocalDateTime submittedAt, String reviewedBy, LocalDateTime reviewedAt, String returnReason) {

    public enum Status {
        DRAFT("草稿"), SUBMITTED("已提交待审核"), APPROVED("审核通过"), RETURNED("已退回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Submitted and approved reports count for the light; drafts and returned ones do not. */
        public boolean counts() {
            return this == SUBMITTED || this == APPROVED;
        }
    }

    public boolean editable() {
        return status == Status.DRAFT || status == Status.RETURNED;
    }

    /** What an audit entry keeps of a report. */
    public java.util.Map<String, Object> audit() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("taskId", taskId);
        m.put("period", period);
        m.put("actual", actual);
        m.put("narrative", narrative);
        m.put("status", status.name());
        m.put("late", late);
        if (returnReason != null) {
            m.put("returnReason", returnReason);
        }
        return m;
    }
}

package cn.zugong.talent.internal.grants;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A grant run of one month for one node's talents. */
public record GrantRun(long id, long nodeId, String nodePath, String nodeName, int period, Status status,
                       Integer directoryYear, int lineCount, BigDecimal totalAmount, String computedBy,
                       LocalDateTime computedAt, Long computeMs, String reviewedBy, LocalDateTime reviewedAt,
                       String reviewNote, String paidBy, LocalDateTime paidAt) {

    public enum Status {
        PENDING("待审核"), APPROVED("已审核待发放"), PAID("已发放"), REJECTED("已退回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "2026年11月". */
    public String periodLabel() {
        return label(period);
    }

    public static String label(int period) {
        return period / 100 + "年" + period % 100 + "月";
    }
}

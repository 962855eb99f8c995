package cn.zugong.indicator;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One run of a pack for a scope on an as-of date. {@code status}: RUNNING, DONE or FAILED. */
public record Evaluation(long id, LocalDate asOf, PackId pack, long scopeNodeId, String createdBy,
                         LocalDateTime createdAt, String status, int unitCount, int resultCount) {
}

package cn.zugong.indicator;

import java.time.LocalDateTime;

/** One version of the warning rules: which indicator changed from what to what, who, when and why. */
public record RuleChange(PackId pack, int version, String indicatorCode, RuleSpec before, RuleSpec after,
                         String reason, String changedBy, LocalDateTime changedAt) {
}

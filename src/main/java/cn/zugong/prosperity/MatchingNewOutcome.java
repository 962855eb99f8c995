package cn.zugong.prosperity;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An engagement's outcome: what was achieved, with projects brought, funds obtained (yuan) and people trained. */
public record MatchingNewOutcome(LocalDate recordedOn, String summary, int projects, BigDecimal fundsYuan,
                                 int peopleTrained) {
}

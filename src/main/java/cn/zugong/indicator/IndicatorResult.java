package cn.zugong.indicator;

import java.math.BigDecimal;

/**
 * One node × indicator of an evaluation. {@code rollup}: a township/county/city whose numerator and
 * denominator add its units'. {@code denominator} null: not a ratio; {@code value} null: denominator 0.
 * {@code colour}: RED, YELLOW, BLUE or GREEN (see {@link cn.zugong.shared.legend.Legend}).
 */
public record IndicatorResult(long evaluationId, long nodeId, String indicatorCode, boolean rollup,
                              BigDecimal numerator, BigDecimal denominator, BigDecimal value, String colour,
                              String advice) {
}

package cn.zugong.rating.internal.scheme.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** part ÷ whole as a percentage with 2 decimals; null (no data) when the whole is 0. */
final class Percent {

    private Percent() {
    }

    static BigDecimal of(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP);
    }
}

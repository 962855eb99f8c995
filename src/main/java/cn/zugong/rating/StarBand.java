package cn.zugong.rating;

import java.math.BigDecimal;

/** In a {@link StarMode#TOTAL} scheme: from {@code min} points on, {@code stars} stars, shown as {@code label}. */
public record StarBand(int stars, BigDecimal min, String label) {
}

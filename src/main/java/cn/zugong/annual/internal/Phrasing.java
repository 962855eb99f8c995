package cn.zugong.annual.internal;

import cn.zugong.annual.internal.Catalogue.Figure;
import cn.zugong.shared.NumberPhrases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Figures in sentences: the catalogue's phrasing through {@link NumberPhrases} (the one rule: cut down, 余), percents
 * with at most two decimals and the full-width ％, and the change against the previous period, both without trailing
 * zeros (96.52％, 增长12.5％, 增长50％), as newspapers write them.
 */
final class Phrasing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Phrasing() {
    }

    /** The value as a sentence prints it, with its unit. */
    static String phrase(Figure figure, BigDecimal value) {
        BigDecimal v = value == null ? BigDecimal.ZERO : value;
        return switch (figure.phrase()) {
            case ABOUT -> NumberPhrases.about(v) + figure.unit();
            case EXACT -> exact(v) + figure.unit();
            case PERCENT -> percent(v);
            case YUAN -> NumberPhrases.yuan(v);
            case WHOLE_YUAN -> NumberPhrases.wholeYuan(v) + figure.unit();
        };
    }

    /** The number as it is, without unit and without trailing zeros (86, 96.515). */
    static String exact(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /**
     * A percentage with at most two decimals and no trailing zeros, as the seeds print them (96.52％, 95.8％, 85％):
     * the stored figure's scale is the database column's, not the module's rounding.
     */
    static String percent(BigDecimal value) {
        return exact(value.setScale(2, RoundingMode.HALF_UP)) + "％";
    }

    /** 比上年增长12.5％ / 比上年下降3.2％ / 与上年持平; empty when there is no previous value to compare with. */
    static Optional<String> change(BigDecimal value, BigDecimal previous) {
        if (previous == null || previous.signum() == 0 || value == null) {
            return Optional.empty();
        }
        BigDecimal pct = value.subtract(previous).multiply(HUNDRED).divide(previous.abs(), 2, RoundingMode.HALF_UP);
        if (pct.signum() == 0) {
            return Optional.of("与上年持平");
        }
        return Optional.of((pct.signum() > 0 ? "比上年增长" : "比上年下降") + exact(pct.abs()) + "％");
    }
}

package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.Indicator;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An indicator value as shown: rounded to its unit's decimals (as the legend decided it), with the unit. */
public final class Values {

    private Values() {
    }

    public static String show(Indicator indicator, BigDecimal value) {
        if (value == null) {
            return "—";
        }
        int decimals = Indicator.UNITS.getOrDefault(indicator.unit(), 2);
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString() + indicator.unit();
    }

    /** Numerator or denominator: whole numbers without decimals, others with one. */
    public static String count(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString()
                : value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** 一 … 二十, for section numbers. */
    public static String chineseNumber(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        if (n <= 10) {
            return digits[n];
        }
        return (n >= 20 ? digits[n / 10] : "") + "十" + (n % 10 == 0 ? "" : digits[n % 10]);
    }
}

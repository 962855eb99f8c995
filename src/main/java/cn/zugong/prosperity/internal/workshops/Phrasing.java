package cn.zugong.prosperity.internal.workshops;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as a report's sentence says them (余/万/亿): the value is cut down, never rounded up, to a few leading
 * digits, and 余 says that something was cut. Below 100 a count is exact (20家); then tens (160余), hundreds (1200余);
 * from 1万 in 万 with one decimal up to 100万 (1.7万余, 10万), in whole 万 up to 1亿 (1750余万), then 亿 with one
 * decimal (1.2亿余). 余 goes after 万 when the figure has a decimal (1.7万余) and before it when it is whole (1750余万),
 * as the city's reports write it.
 */
public final class Phrasing {

    private static final long WAN = 10_000;
    private static final long YI = 100_000_000;

    private Phrasing() {
    }

    /** A non-negative amount (yuan, people, enterprises) phrased; fractions of one are dropped first. */
    public static String about(BigDecimal value) {
        return about(value.setScale(0, RoundingMode.DOWN).longValueExact());
    }

    public static String about(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        if (n < 100) {
            return String.valueOf(n);
        }
        if (n < 1000) {
            return cut(n, 10);
        }
        if (n < WAN) {
            return cut(n, 100);
        }
        if (n < 100 * WAN) {
            return decimal(n, WAN, "万");
        }
        if (n < YI) {
            long whole = n / WAN;
            return whole + (n % WAN == 0 ? "万" : "余万");
        }
        return decimal(n, YI, "亿");
    }

    /** n cut to a multiple of {@code step}, with 余 when something was cut. */
    private static String cut(long n, long step) {
        long kept = n / step * step;
        return kept + (kept == n ? "" : "余");
    }

    /** n in {@code unit}s with one decimal (dropped when zero), 余 after the unit when something was cut. */
    private static String decimal(long n, long unit, String name) {
        long tenths = n * 10 / unit;
        boolean cut = tenths * unit != n * 10;
        String number = tenths % 10 == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10;
        return number + name + (cut ? "余" : "");
    }

    /** Yuan rounded to a whole number, as 人均月增收2580元 says it. */
    public static String yuan(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }
}

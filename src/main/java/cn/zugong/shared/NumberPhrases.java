package cn.zugong.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as a report's summary sentence says them (余 / 万 / 亿), one rule for every module: the value is cut down,
 * never rounded up (a report must not claim more than was done), to a few leading digits, and 余 says that something
 * was cut. Below 100 a count is exact (20家); then tens (160余), hundreds (1200余); from 1万 in 万 with one decimal up
 * to 100万 (1.7万余, 10万), in whole 万 up to 1亿 (1750余万), then 亿 with one decimal (1.2亿余). 余 goes after 万 when
 * the figure has a decimal (1.7万余) and before it when it is whole (1750余万), as the city's reports write it.
 */
public final class NumberPhrases {

    private static final long WAN = 10_000;
    private static final long YI = 100_000_000;

    private NumberPhrases() {
    }

    /** A count or an amount phrased; fractions of one are dropped first (and do not count as 余). */
    public static String about(BigDecimal value) {
        return about((value == null ? BigDecimal.ZERO : value).setScale(0, RoundingMode.DOWN).longValueExact());
    }

    public static String about(long n) {
        return phrase(n, false);
    }

    /** An amount of yuan in a sentence: 8560.30 → 8500余元, 134000 → 13.4万元, 2001500.50 → 200余万元. */
    public static String yuan(BigDecimal amount) {
        BigDecimal a = amount == null ? BigDecimal.ZERO : amount.max(BigDecimal.ZERO);
        long whole = a.setScale(0, RoundingMode.DOWN).longValueExact();
        return phrase(whole, a.compareTo(BigDecimal.valueOf(whole)) != 0) + "元";
    }

    /** {@code dropped}: something below one was cut already (fen of a yuan amount), so 余 whatever n is. */
    private static String phrase(long n, boolean dropped) {
        if (n < 0) {
            return "-" + phrase(-n, dropped);
        }
        if (n < 100) {
            return n + (dropped ? "余" : "");
        }
        if (n < 1000) {
            return cut(n, 10, dropped);
        }
        if (n < WAN) {
            return cut(n, 100, dropped);
        }
        if (n < 100 * WAN) {
            return decimal(n, WAN, "万", dropped);
        }
        if (n < YI) {
            return n / WAN + (n % WAN == 0 && !dropped ? "万" : "余万");
        }
        return decimal(n, YI, "亿", dropped);
    }

    /** Yuan in 万元 with two decimals, for tables (13,456,789 → 1345.68). */
    public static BigDecimal wan(BigDecimal yuan) {
        return (yuan == null ? BigDecimal.ZERO : yuan).divide(BigDecimal.valueOf(WAN), 2, RoundingMode.HALF_UP);
    }

    /** Yuan rounded to a whole number, as 人均月增收2580元 says it. */
    public static String wholeYuan(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** n cut to a multiple of {@code step}, with 余 when something was cut. */
    private static String cut(long n, long step, boolean dropped) {
        long kept = n / step * step;
        return kept + (kept == n && !dropped ? "" : "余");
    }

    /** n in {@code unit}s with one decimal (dropped when zero), 余 after the unit when something was cut. */
    private static String decimal(long n, long unit, String name, boolean dropped) {
        long tenths = n * 10 / unit;
        boolean cut = dropped || tenths * unit != n * 10;
        String number = tenths % 10 == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10;
        return number + name + (cut ? "余" : "");
    }
}

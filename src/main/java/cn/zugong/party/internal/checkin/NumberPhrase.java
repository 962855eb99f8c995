package cn.zugong.party.internal.checkin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers the way a newspaper writes them in a summary sentence: keep the two leading digits and say 余 when
 * anything was dropped (1234 → 1200余, 1200 → 1200, 98 → 98), never rounding up (a report must not claim more than
 * was done); money in 万元 (13,456,789 元 → 1300余万元, 134,000 元 → 13万余元, 8,560 元 → 8560元) and, from 1 亿 on,
 * in 亿元 with one decimal (135,000,000 → 1.3亿余元).
 */
public final class NumberPhrase {

    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;

    private NumberPhrase() {
    }

    /** A count: exact under 100, else two leading digits and 余 when something was dropped. */
    public static String about(long n) {
        if (n < 100) {
            return Long.toString(n);
        }
        long unit = 1;
        while (n / unit >= 100) {
            unit *= 10;
        }
        long kept = n / unit * unit;
        return kept + (kept == n ? "" : "余");
    }

    /** Yuan as a summary sentence writes an amount (whole yuan; fen are dropped and count as 余). */
    public static String yuan(BigDecimal amount) {
        BigDecimal a = amount == null ? BigDecimal.ZERO : amount.max(BigDecimal.ZERO);
        long whole = a.setScale(0, RoundingMode.DOWN).longValueExact();
        boolean fraction = a.compareTo(BigDecimal.valueOf(whole)) != 0;
        if (whole < WAN) {
            return whole + (fraction ? "余" : "") + "元";
        }
        if (whole >= YI) {
            long tenths = whole / (YI / 10);
            boolean rest = fraction || whole % (YI / 10) != 0;
            String yi = tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
            return yi + "亿" + (rest ? "余" : "") + "元";
        }
        long wan = whole / WAN;
        boolean belowWan = fraction || whole % WAN != 0;
        if (wan < 100) {
            // 13万余元: the remainder is below one 万, so 余 follows 万
            return wan + "万" + (belowWan ? "余" : "") + "元";
        }
        String head = about(wan);
        boolean rest = head.endsWith("余") || belowWan;
        return head.replace("余", "") + (rest ? "余" : "") + "万元";
    }

    /** 万元 with two decimals for tables (13,456,789 → 1345.68). */
    public static BigDecimal wan(BigDecimal yuan) {
        return (yuan == null ? BigDecimal.ZERO : yuan).divide(BigDecimal.valueOf(WAN), 2, RoundingMode.HALF_UP);
    }
}

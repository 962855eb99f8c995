package cn.zugong.prosperity.internal.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as a report phrases them: exact below 100; 447 → 440余, 1237 → 1200余 (two leading digits and 余 when
 * something was cut off); from ten thousand in 万: 17400 → 1.7万余, 13456789 → 1345万余; an exact value keeps no 余
 * (440 → 440, 20000 → 2万).
 */
public final class NumberPhrase {

    private NumberPhrase() {
    }

    public static String about(long n) {
        if (n < 0) {
            return "-" + about(-n);
        }
        if (n < 100) {
            return String.valueOf(n);
        }
        if (n < 1000) {
            return cut(n, 10);
        }
        if (n < 10000) {
            return cut(n, 100);
        }
        if (n < 100000) {
            long tenths = n / 1000; // 1.7万 = 17 thousands
            String s = tenths % 10 == 0 ? String.valueOf(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
            return s + "万" + (n % 1000 == 0 ? "" : "余");
        }
        return (n / 10000) + "万" + (n % 10000 == 0 ? "" : "余");
    }

    /** An amount of yuan: 13456789.50 → 1345万余元, 5800 → 5800元. */
    public static String yuan(BigDecimal amount) {
        long whole = amount.setScale(0, RoundingMode.DOWN).longValueExact();
        boolean fraction = amount.compareTo(BigDecimal.valueOf(whole)) != 0;
        if (whole < 10000) {
            return (fraction ? whole + "余" : String.valueOf(whole)) + "元";
        }
        String s = about(whole);
        return (fraction && !s.endsWith("余") ? s + "余" : s) + "元";
    }

    private static String cut(long n, long unit) {
        long kept = n / unit * unit;
        return kept + (kept == n ? "" : "余");
    }
}

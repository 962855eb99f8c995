package cn.zugong.tickets.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of the figures: found (发现, tickets raised), solved (解决 = 销号), overdue (still open past the deadline)
 * and closed late (销号, but 办结 after the deadline), the days from raising to 销号 (sum and count, for the
 * average), and the callbacks (satisfied or basically satisfied, and all).
 */
public record Figure(String key, String label, long found, long solved, long overdueOpen, long closedLate,
                     long closeDaysSum, long closedCount, long satisfied, long calledBack) {

    /** 化解率 = solved / found, as a percentage with 2 decimals. */
    @JsonProperty("rate")
    public BigDecimal rate() {
        return percent(solved, found);
    }

    /** 满意率 = (满意 + 基本满意) / all callbacks recorded, as a percentage with 2 decimals. */
    @JsonProperty("satisfactionRate")
    public BigDecimal satisfactionRate() {
        return percent(satisfied, calledBack);
    }

    /** Average days from raising to 销号 over the closed tickets, 1 decimal; null when none is closed. */
    @JsonProperty("averageDaysToClose")
    public BigDecimal averageDaysToClose() {
        return closedCount == 0 ? null
                : BigDecimal.valueOf(closeDaysSum).divide(BigDecimal.valueOf(closedCount), 1, RoundingMode.HALF_UP);
    }

    @JsonProperty("overdue")
    public long overdue() {
        return overdueOpen + closedLate;
    }

    /** The seed's sentence: 发现问题 N 个，解决 M 个，化解率 R%. */
    @JsonProperty("headline")
    public String headline() {
        return "发现问题 " + found + " 个，解决 " + solved + " 个，化解率 " + rate().toPlainString() + "%";
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}

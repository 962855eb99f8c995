package cn.zugong.lighting.internal;

import cn.zugong.shared.legend.Colour;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Configuration of one list: the reporting window (opens on {@code openDay}, closes at the end of
 * {@code closeDay} of the month after the reported month; reminders {@code remindDays} before close), the
 * five-colour thresholds on the ratio actual / planned (≥ blue 蓝, ≥ yellow 黄, below 紫, below red 红 when set),
 * the months without progress that count as stalled, and the points of each colour.
 */
public record ListConfig(int openDay, int closeDay, int remindDays, BigDecimal blueRatio, BigDecimal yellowRatio,
                         BigDecimal redRatio, int stallMonths, Map<Colour, Integer> points, String webhookUrl) {

    public ListConfig {
        points = new EnumMap<>(points);
    }

    public int pointsOf(Colour colour) {
        return points.getOrDefault(colour, 0);
    }

    public static Map<Colour, Integer> points(int green, int blue, int yellow, int purple, int red) {
        Map<Colour, Integer> p = new EnumMap<>(Colour.class);
        p.put(Colour.GREEN, green);
        p.put(Colour.BLUE, blue);
        p.put(Colour.YELLOW, yellow);
        p.put(Colour.PURPLE, purple);
        p.put(Colour.RED, red);
        return p;
    }

    public String legendText() {
        String red = redRatio == null ? "" : "；完成进度低于计划的 " + pct(redRatio) + " 亦为红";
        return "绿：已完成目标；蓝：完成进度达到计划的 " + pct(blueRatio) + " 及以上；黄：达到 " + pct(yellowRatio) + " 但不足 "
                + pct(blueRatio) + "；紫：不足 " + pct(yellowRatio) + "；红：超过完成时限未完成、连续 " + stallMonths
                + " 个月无进展或窗口关闭时未申报" + red + "。";
    }

    static String pct(BigDecimal ratio) {
        return ratio.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }
}

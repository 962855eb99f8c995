package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.LevelRule;
import cn.zugong.indicator.NodeLevel;
import cn.zugong.org.OrgNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An indicator value as shown: rounded to its unit's decimals (as the legend decided it), with the unit. */
public final class Values {

    private Values() {
    }

    public static String show(Indicator indicator, BigDecimal value) {
        return show(indicator, NodeLevel.UNIT, value);
    }

    /** At a roll-up level that shows a head-count per 100 staff (ADR 053), in 人/百人. */
    public static String show(Indicator indicator, NodeLevel level, BigDecimal value) {
        if (value == null) {
            return "—";
        }
        String unit = indicator.unitAt(level);
        int decimals = Indicator.UNITS.getOrDefault(unit, 2);
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString() + unit;
    }

    /** The level of a node for per-level legends: unit, township, county or city. */
    public static NodeLevel level(OrgNode node) {
        return NodeLevel.ofNodeKind(node.kind().name());
    }

    /** How the indicator is coloured at this node, in words (per-level legends, ADR 053). */
    public static String levelRule(Indicator indicator, OrgNode node) {
        NodeLevel level = level(node);
        if (level == NodeLevel.UNIT || !indicator.levels().containsKey(level)) {
            return "";
        }
        LevelRule rule = indicator.at(level);
        String how = !rule.coloured() ? "不着色（只显示数值）"
                : rule.perHundredStaff() ? "按每百名在职人员折算（人/百人）后按本层级阈值着色" : "按本层级阈值着色";
        return level.label() + "：" + how + (indicator.levelNote() == null ? "" : "。理由：" + indicator.levelNote());
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

package cn.zugong.indicator;

import java.math.BigDecimal;

/** A node × indicator whose value or colour differs from the previous evaluation (previous null: new). */
public record ResultChange(long nodeId, String indicatorCode, BigDecimal previousValue, BigDecimal value,
                           String previousColour, String colour) {

    public boolean colourChanged() {
        return !java.util.Objects.equals(previousColour, colour);
    }
}

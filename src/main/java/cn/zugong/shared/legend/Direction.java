package cn.zugong.shared.legend;

/** Which values are good: high ones, low ones, or those inside a target band. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, BAND
}

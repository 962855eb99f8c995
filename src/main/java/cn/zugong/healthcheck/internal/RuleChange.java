package cn.zugong.healthcheck.internal;

/**
 * A warning rule as typed on its form: the direction, the thresholds as text (each parsed with its own Chinese
 * message, all reported together), the advice per colour and the reason for the change.
 */
record RuleChange(String direction, String red, String yellow, String blue, String low, String high,
                  String adviceRed, String adviceYellow, String adviceBlue, String adviceGreen, String reason) {
}

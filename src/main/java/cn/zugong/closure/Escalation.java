package cn.zugong.closure;

/** 督办 levels of an overdue item; {@link #RED_CARD} goes to the next level up the organisation tree. */
public enum Escalation {
    NONE("未督办"),
    REMINDER("提醒"),
    YELLOW_CARD("黄牌督办"),
    RED_CARD("红牌督办");

    private final String label;

    Escalation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public int level() {
        return ordinal();
    }

    public static Escalation ofLevel(int level) {
        return values()[Math.max(0, Math.min(level, 3))];
    }
}

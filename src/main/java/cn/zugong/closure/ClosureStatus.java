package cn.zugong.closure;

/** Where an item stands. Everything before {@link #RESOLVED} is "being worked" and can become overdue. */
public enum ClosureStatus {
    REGISTERED("已登记"),
    ASSIGNED("已交办"),
    IN_PROGRESS("整改中"),
    RESOLVED("已办结待核验"),
    VERIFIED("已核验"),
    CLOSED("已销号");

    private final String label;

    ClosureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The owner unit still has to act: the deadline runs and escalation applies. */
    public boolean working() {
        return this == REGISTERED || this == ASSIGNED || this == IN_PROGRESS;
    }

    /** Parses a filter value; null for anything unknown. */
    public static ClosureStatus parse(String text) {
        for (ClosureStatus s : values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }
}

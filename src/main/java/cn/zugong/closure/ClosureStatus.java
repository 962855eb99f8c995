package cn.zugong.closure;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Where an item stands. Everything before {@link #RESOLVED} is "being worked" and can become overdue. */
public enum ClosureStatus {
    REGISTERED("已登记"),
    ASSIGNED("已交办"),
    IN_PROGRESS("整改中"),
    RESOLVED("已办结待核验"),
    VERIFIED("已核验"),
    CLOSED("已销号");

    /** The owner unit still has to act: the deadline runs and escalation applies. */
    public static final Set<ClosureStatus> WORKING = Collections.unmodifiableSet(EnumSet.range(REGISTERED, IN_PROGRESS));

    /** The owner has reported the item done (办结): waiting for verification, verified or closed. */
    public static final Set<ClosureStatus> DONE = Collections.unmodifiableSet(EnumSet.range(RESOLVED, CLOSED));

    private final String label;

    ClosureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The owner unit still has to act: the deadline runs and escalation applies. */
    public boolean working() {
        return WORKING.contains(this);
    }

    /** This status as an SQL string literal, e.g. {@code 'CLOSED'}: enum names are constants, never user input. */
    public String sqlLiteral() {
        return "'" + name() + "'";
    }

    /**
     * The statuses as the inside of an SQL IN-list, e.g. {@code 'REGISTERED', 'ASSIGNED'} in declaration order,
     * so queries name a set from here instead of spelling the statuses out.
     */
    public static String sqlList(Set<ClosureStatus> statuses) {
        return EnumSet.copyOf(statuses).stream().map(ClosureStatus::sqlLiteral).collect(Collectors.joining(", "));
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

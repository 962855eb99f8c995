package cn.zugong.tickets.internal;

import java.util.Arrays;
import java.util.Optional;

/** The requester's satisfaction at the callback (回访). */
public enum Satisfaction {
    SATISFIED("满意"),
    BASIC("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean satisfied() {
        return this != UNSATISFIED;
    }

    static Optional<Satisfaction> parse(String value) {
        return value == null ? Optional.empty() : Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(value.strip()) || s.label.equals(value.strip())).findFirst();
    }
}

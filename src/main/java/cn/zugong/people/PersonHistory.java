package cn.zugong.people;

import java.time.LocalDate;
import java.util.List;

/**
 * A new person's whole known history, written at once (the demo): successive states from their first day,
 * each valid until the next one starts (the last one open), and dated yearly facts. {@code person} carries
 * the identity (name, ID number, phone); the fields of each state's {@code fields} row give the state
 * (its identity and yearly facts are not read). A fact of the same kind and year as an earlier one replaces
 * it from its own day (a growing training total).
 */
public record PersonHistory(PersonRow person, List<State> states, List<Fact> facts) {

    public PersonHistory {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("a history needs at least one state");
        }
        for (int i = 1; i < states.size(); i++) {
            if (!states.get(i).from().isAfter(states.get(i - 1).from())) {
                throw new IllegalArgumentException("states must start on increasing days");
            }
        }
    }

    /** A state from {@code from}; {@code serviceStatus} 在职 / 退休 / 调出 / 离职. */
    public record State(LocalDate from, ChangeKind kind, String note, String serviceStatus, PersonRow fields) {
    }

    public enum FactKind { ASSESSMENT, TRAINING, REWARD, DISCIPLINE }

    /** An assessment result, a year's training total (hours as text), a reward or a discipline, from a day. */
    public record Fact(FactKind kind, int year, String value, LocalDate validFrom) {
    }
}

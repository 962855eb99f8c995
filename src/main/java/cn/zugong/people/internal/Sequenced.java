package cn.zugong.people.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The sequenced update of ADR 050 on one key's current-knowledge periods, in memory: "for portion of
 * [E, ∞) set the changed fields". Every period overlapping [E, ∞) is superseded at T; its part before E is
 * re-inserted unchanged, its part from E on with the changed fields, both recorded at T. A period recorded
 * at T itself (an earlier write of the same instant) is deleted instead: its system period would be empty.
 */
final class Sequenced {

    static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

    private Sequenced() {
    }

    /** One current-knowledge period; {@code meta} is carried along unchanged (kind, note, recorder). */
    record Period(LocalDate from, LocalDate to, LocalDateTime recordedAt, Object[] values, Meta meta) {
        boolean covers(LocalDate day) {
            return !from.isAfter(day) && to.isAfter(day);
        }
    }

    record Meta(String kind, String note, String by) {
    }

    /** What to write: periods to stamp superseded, periods to delete (recorded at T), periods to insert. */
    record Plan(List<Period> superseded, List<Period> deleted, List<Period> inserted) {
        static Plan empty() {
            return new Plan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        boolean isEmpty() {
            return superseded.isEmpty() && deleted.isEmpty() && inserted.isEmpty();
        }
    }

    /**
     * Sets {@code values} from {@code effective} on ({@code values} null: removes the key from then on).
     * Fields equal to the state at E are not changed in later periods; nothing changes when none differs.
     * A day of [E, first period) not covered by any period is filled with the new values.
     */
    static Plan update(List<Period> current, LocalDate effective, Object[] values, Meta meta, LocalDateTime at) {
        Plan plan = Plan.empty();
        List<Period> periods = current.stream().sorted(Comparator.comparing(Period::from)).toList();
        List<Period> overlapping = periods.stream().filter(p -> p.to().isAfter(effective)).toList();
        Period basis = overlapping.isEmpty() ? null : overlapping.get(0);
        boolean[] changed = changedFields(basis, effective, values);
        boolean gap = basis == null || basis.from().isAfter(effective);
        if (!anyTrue(changed) && !(gap && values != null)) {
            return plan;
        }
        for (Period p : overlapping) {
            (p.recordedAt().equals(at) ? plan.deleted() : plan.superseded()).add(p);
            if (p.from().isBefore(effective)) {
                plan.inserted().add(new Period(p.from(), effective, at, p.values(), p.meta()));
            }
            if (values != null) {
                LocalDate from = p.from().isBefore(effective) ? effective : p.from();
                Meta why = from.equals(effective) ? meta : p.meta();
                plan.inserted().add(new Period(from, p.to(), at, merge(p.values(), values, changed), why));
            }
        }
        if (gap && values != null) {
            LocalDate to = basis == null ? OPEN : basis.from();
            plan.inserted().add(new Period(effective, to, at, values, meta));
        }
        return plan;
    }

    private static boolean[] changedFields(Period basis, LocalDate effective, Object[] values) {
        boolean[] changed = new boolean[values == null ? 0 : values.length];
        if (values == null) {
            return basis == null ? changed : new boolean[] {true};
        }
        for (int i = 0; i < values.length; i++) {
            changed[i] = basis == null || !Objects.equals(normal(basis.values()[i]), normal(values[i]));
        }
        return changed;
    }

    /** Numbers compare by value (1.0 and 1.00 hours are the same total). */
    private static Object normal(Object value) {
        return value instanceof java.math.BigDecimal b ? b.stripTrailingZeros() : value;
    }

    private static boolean anyTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    private static Object[] merge(Object[] old, Object[] values, boolean[] changed) {
        Object[] merged = Arrays.copyOf(old, old.length);
        for (int i = 0; i < changed.length; i++) {
            if (changed[i]) {
                merged[i] = values[i];
            }
        }
        return merged;
    }
}

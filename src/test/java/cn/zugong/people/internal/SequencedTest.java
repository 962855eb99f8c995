package cn.zugong.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.people.internal.Sequenced.Meta;
import cn.zugong.people.internal.Sequenced.Period;
import cn.zugong.people.internal.Sequenced.Plan;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ADR 050's sequenced update "for portion of [E, ∞)" on plain periods, without a database. */
class SequencedTest {

    private static final LocalDateTime T1 = LocalDateTime.of(2026, 1, 5, 9, 0);
    private static final LocalDateTime T2 = LocalDateTime.of(2026, 7, 1, 9, 0);
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);
    private static final LocalDate JUN = LocalDate.of(2026, 6, 1);
    private static final Meta IMPORT = new Meta("IMPORT", null, "a");
    private static final Meta PROMOTION = new Meta("PROMOTION", null, "b");

    private static Period period(LocalDate from, LocalDate to, Object... values) {
        return new Period(from, to, T1, values, IMPORT);
    }

    private static String show(List<Period> periods) {
        return periods.stream().map(p -> p.from() + ".." + p.to() + " " + List.of(p.values()) + " "
                + (p.meta() == null ? "" : p.meta().kind())).toList().toString();
    }

    @Test
    void aChangeInThePastSplitsTheVersionAndChangesOnlyTheDifferingFieldsLater() {
        List<Period> current = List.of(period(JAN, JUN, "U1", "一级科员"), period(JUN, Sequenced.OPEN, "U2", "一级科员"));
        Plan plan = Sequenced.update(current, MAR, new Object[] {"U1", "四级主任科员"}, PROMOTION, T2);
        assertThat(plan.superseded()).containsExactlyElementsOf(current);
        assertThat(plan.deleted()).isEmpty();
        // the transfer recorded for June stays: only the rank differed on 1 March
        assertThat(show(plan.inserted())).isEqualTo(show(List.of(
                new Period(JAN, MAR, T2, new Object[] {"U1", "一级科员"}, IMPORT),
                new Period(MAR, JUN, T2, new Object[] {"U1", "四级主任科员"}, PROMOTION),
                new Period(JUN, Sequenced.OPEN, T2, new Object[] {"U2", "四级主任科员"}, IMPORT))));
    }

    @Test
    void anUnchangedStateWritesNothing() {
        List<Period> current = List.of(period(JAN, Sequenced.OPEN, "U1", "一级科员"));
        assertThat(Sequenced.update(current, MAR, new Object[] {"U1", "一级科员"}, PROMOTION, T2).isEmpty()).isTrue();
    }

    @Test
    void aRemovalKeepsThePartBeforeTheDay() {
        List<Period> current = List.of(new Period(JAN, Sequenced.OPEN, T1, new Object[0], null));
        Plan plan = Sequenced.update(current, MAR, null, null, T2);
        assertThat(plan.superseded()).containsExactlyElementsOf(current);
        assertThat(show(plan.inserted())).isEqualTo(show(List.of(new Period(JAN, MAR, T2, new Object[0], null))));
        assertThat(Sequenced.update(List.of(), MAR, null, null, T2).isEmpty()).isTrue();
    }

    @Test
    void daysBeforeTheFirstVersionAreFilledAndAVersionOfTheSameInstantIsDeleted() {
        Period sameInstant = new Period(JUN, Sequenced.OPEN, T2, new Object[] {"U1"}, IMPORT);
        Plan plan = Sequenced.update(List.of(sameInstant), MAR, new Object[] {"U2"}, PROMOTION, T2);
        assertThat(plan.superseded()).isEmpty();
        assertThat(plan.deleted()).containsExactly(sameInstant);
        assertThat(show(plan.inserted())).isEqualTo(show(List.of(
                new Period(JUN, Sequenced.OPEN, T2, new Object[] {"U2"}, IMPORT),
                new Period(MAR, JUN, T2, new Object[] {"U2"}, PROMOTION))));
    }
}

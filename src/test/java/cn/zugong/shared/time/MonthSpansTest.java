package cn.zugong.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthSpansTest {

    @Test
    void aYearIsTwelveWholeMonthsWithoutEdges() {
        MonthSpans s = MonthSpans.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(s.firstMonth()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(s.lastMonth()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(s.headFrom()).isAfter(s.headTo());
        assertThat(s.tailFrom()).isAfter(s.tailTo());
    }

    @Test
    void partialEndsAreDayRangesInTheirMonths() {
        MonthSpans s = MonthSpans.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 10));
        assertThat(s.firstMonth()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(s.lastMonth()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(List.of(s.headMonth(), s.headFrom(), s.headTo())).containsExactly(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 31));
        assertThat(List.of(s.tailMonth(), s.tailFrom(), s.tailTo())).containsExactly(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10));
    }

    @Test
    void everyDayOfAnyRangeIsCountedOnceAcrossMonthsAndEdges() {
        LocalDate base = LocalDate.of(2023, 12, 20);
        for (int a = 0; a < 120; a += 3) {
            for (int b = a; b < a + 100; b += 7) {
                LocalDate from = base.plusDays(a);
                LocalDate to = base.plusDays(b);
                MonthSpans s = MonthSpans.of(from, to);
                List<LocalDate> days = new ArrayList<>();
                for (LocalDate m = s.firstMonth(); !m.isAfter(s.lastMonth()); m = m.plusMonths(1)) {
                    for (LocalDate d = m; d.getMonth() == m.getMonth(); d = d.plusDays(1)) {
                        days.add(d);
                    }
                }
                for (LocalDate d = s.headFrom(); !d.isAfter(s.headTo()); d = d.plusDays(1)) {
                    assertThat(d.withDayOfMonth(1)).isEqualTo(s.headMonth());
                    days.add(d);
                }
                for (LocalDate d = s.tailFrom(); !d.isAfter(s.tailTo()); d = d.plusDays(1)) {
                    assertThat(d.withDayOfMonth(1)).isEqualTo(s.tailMonth());
                    days.add(d);
                }
                assertThat(days).as(from + ".." + to).doesNotHaveDuplicates()
                        .hasSize((int) (to.toEpochDay() - from.toEpochDay() + 1))
                        .allMatch(d -> !d.isBefore(from) && !d.isAfter(to));
            }
        }
    }
}

package cn.zugong.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.indicator.RetirementLaw;
import cn.zugong.org.DivisionFile;
import cn.zugong.people.ChangeKind;
import cn.zugong.people.PersonHistory;
import cn.zugong.people.PersonHistory.FactKind;
import cn.zugong.people.PersonHistory.State;
import cn.zugong.people.PersonRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's history on a small generated city, without Spring: May and November differ for real reasons. */
class DemoHistoryTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final LocalDate MAY = AS_OF.minusMonths(6);

    private static List<PersonRow> rows;
    private static List<PersonHistory> histories;

    @BeforeAll
    static void generate() {
        histories = run(3000);
    }

    private static List<PersonHistory> run(int size) {
        DemoSpec spec = new DemoSpec(42L, AS_OF, false, size);
        DemoGenerator generator = new DemoGenerator(spec, DivisionFile.provinceAnd("3309"));
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < generator.units().size(); i++) {
            ids.put(generator.units().get(i).code(), (long) i + 1);
        }
        List<PersonRow> all = new ArrayList<>();
        generator.people(ids::get, 1000, all::addAll);
        rows = all;
        DemoHistory history = new DemoHistory(spec, generator.units(), ids);
        List<PersonHistory> result = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 700) { // chunks of another size than the generator's
            result.addAll(history.of(all.subList(i, Math.min(all.size(), i + 700))));
        }
        return result;
    }

    private static State at(PersonHistory h, LocalDate day) {
        State found = null;
        for (State s : h.states()) {
            if (!s.from().isAfter(day)) {
                found = s;
            }
        }
        return found;
    }

    private static boolean inService(PersonHistory h, LocalDate day) {
        State s = at(h, day);
        return s != null && s.serviceStatus().equals("在职");
    }

    @Test
    void hiresPromotionsTransfersAndRetirementsHappenBetweenMayAndNovember() {
        long hires = histories.stream().filter(h -> !inService(h, MAY) && inService(h, AS_OF)).count();
        long retired = histories.stream().filter(h -> inService(h, MAY) && !inService(h, AS_OF)).count();
        long promoted = histories.stream().filter(h -> inService(h, MAY) && inService(h, AS_OF)
                && !at(h, MAY).fields().rankLevel().equals(at(h, AS_OF).fields().rankLevel())).count();
        long transferred = histories.stream().filter(h -> inService(h, MAY) && inService(h, AS_OF)
                && at(h, MAY).fields().unitId() != at(h, AS_OF).fields().unitId()).count();
        assertThat(hires).isPositive();
        assertThat(promoted).isPositive();
        assertThat(transferred).isPositive();
        assertThat(retired).isPositive();
        // about 2.5% of the roster retire during the year (a part of them before May)
        long retiredInYear = histories.stream().filter(h -> h.states().stream()
                .anyMatch(s -> s.kind() == ChangeKind.RETIRE)).count();
        assertThat(retiredInYear).isBetween(rows.size() / 100L, rows.size() * 4L / 100);
    }

    @Test
    void retireesLeaveOnTheirStatutoryDayAndTheCurrentStateIsTheGeneratedRow() {
        for (PersonHistory h : histories) {
            State last = h.states().get(h.states().size() - 1);
            if (last.kind() == ChangeKind.RETIRE) {
                assertThat(last.serviceStatus()).isEqualTo("退休");
                assertThat(last.from()).isEqualTo(RetirementLaw.retirementDate(h.person().birthDate(),
                        RetirementLaw.Group.ofCadre(h.person().gender()))).isBetween(AS_OF.withDayOfYear(1), AS_OF);
            } else {
                PersonRow now = last.fields();
                assertThat(now.unitId()).isEqualTo(h.person().unitId());
                assertThat(now.rankLevel()).isEqualTo(h.person().rankLevel());
                assertThat(now.postLevel()).isEqualTo(h.person().postLevel());
            }
        }
        assertThat(histories.stream().map(h -> h.person().idNumber()).distinct().count())
                .isEqualTo(histories.size());
    }

    @Test
    void trainingGrowsThroughTheYearAndAssessmentsAreDecidedEarlyNextYear() {
        long growing = histories.stream().filter(h -> h.facts().stream()
                .filter(f -> f.kind() == FactKind.TRAINING && f.year() == 2026).count() >= 3).count();
        assertThat(growing).isGreaterThan(histories.size() / 2);
        histories.forEach(h -> h.facts().stream().filter(f -> f.kind() == FactKind.ASSESSMENT)
                .forEach(f -> assertThat(f.validFrom()).isBetween(LocalDate.of(f.year() + 1, 1, 1),
                        LocalDate.of(f.year() + 1, 3, 1).isBefore(h.states().get(0).from())
                                ? h.states().get(0).from() : LocalDate.of(f.year() + 1, 3, 1))));
        PersonHistory one = histories.stream().filter(h -> h.facts().stream()
                .filter(f -> f.kind() == FactKind.TRAINING && f.year() == 2026).count() >= 3).findFirst().orElseThrow();
        List<BigDecimal> totals = one.facts().stream().filter(f -> f.kind() == FactKind.TRAINING && f.year() == 2026)
                .map(f -> new BigDecimal(f.value())).toList();
        assertThat(totals).isSorted();
    }

    @Test
    void deterministicWhateverTheChunks() {
        List<PersonHistory> first = histories;
        List<PersonHistory> again = run(3000);
        assertThat(again.stream().map(Objects::toString).toList())
                .isEqualTo(first.stream().map(Objects::toString).toList());
    }
}

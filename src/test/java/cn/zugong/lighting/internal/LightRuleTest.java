package cn.zugong.lighting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.shared.legend.Colour;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five-colour rule at every boundary (defaults: 蓝 ≥ 100%, 黄 ≥ 80%, 紫 below, stall 2 months). */
class LightRuleTest {

    static final ListConfig CONFIG = new ListConfig(1, 10, 3, new BigDecimal("1.00"), new BigDecimal("0.80"), null, 2,
            ListConfig.points(100, 90, 70, 40, 0), null);
    // target 100, plan 10% per month → planned 50 in May; deadline end of October
    static final Task TASK = new Task(1, 1, "T1", "新引育人才", 1, "单位", List.of(), "", BigDecimal.ONE,
            new BigDecimal("100"), "人", List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100),
            LocalDate.of(2026, 10, 31), null);
    static final Period MAY = new Period(2026, 5);
    final LightRule rule = new LightRule(CONFIG);

    Colour colour(Period p, String actual, String earlier, boolean reported, boolean provisional) {
        return rule.light(new LightRule.Input(TASK, p, reported, actual == null ? null : new BigDecimal(actual),
                earlier == null ? null : new BigDecimal(earlier), provisional)).colour();
    }

    Colour may(String actual) {
        return colour(MAY, actual, null, true, false);
    }

    @Test
    void ratioBoundariesBelongToTheBetterColour() {
        assertThat(may("50")).isEqualTo(Colour.BLUE);          // exactly on plan
        assertThat(may("99")).isEqualTo(Colour.BLUE);          // ahead
        assertThat(may("49.99")).isEqualTo(Colour.YELLOW);     // just behind
        assertThat(may("40")).isEqualTo(Colour.YELLOW);        // exactly 80%
        assertThat(may("39.99")).isEqualTo(Colour.PURPLE);     // just below 80%
        assertThat(may("0")).isEqualTo(Colour.PURPLE);
    }

    @Test
    void doneIsGreenEvenAheadOfPlanAndOnlyAtTheTarget() {
        assertThat(may("100")).isEqualTo(Colour.GREEN);
        assertThat(may("120")).isEqualTo(Colour.GREEN);
        assertThat(may("99.99")).isEqualTo(Colour.BLUE);
    }

    @Test
    void overdueIsRedFromTheMonthAfterTheDeadline() {
        assertThat(colour(new Period(2026, 10), "99", "90", true, false)).isEqualTo(Colour.YELLOW);
        assertThat(colour(new Period(2026, 11), "99", "90", true, false)).isEqualTo(Colour.RED);
        assertThat(colour(new Period(2026, 11), "100", "90", true, false)).isEqualTo(Colour.GREEN);
    }

    @Test
    void noProgressForStallMonthsWhileThePlanRoseIsRed() {
        assertThat(colour(MAY, "50", "50", true, false)).isEqualTo(Colour.RED);   // same as March
        assertThat(colour(MAY, "50", "49", true, false)).isEqualTo(Colour.BLUE);  // some progress
        assertThat(colour(new Period(2026, 2), "20", null, true, false)).isEqualTo(Colour.BLUE); // too early
    }

    @Test
    void notReportedIsRedAtCloseAndCarriedWhileOpen() {
        var closed = rule.light(new LightRule.Input(TASK, MAY, false, null, null, false));
        assertThat(closed.colour()).isEqualTo(Colour.RED);
        assertThat(closed.reason()).contains("未申报");
        assertThat(closed.points()).isZero();
        var open = rule.light(new LightRule.Input(TASK, MAY, false, new BigDecimal("45"), null, true));
        assertThat(open.colour()).isEqualTo(Colour.YELLOW);
        assertThat(open.reason()).contains("临时");
    }

    @Test
    void nothingPlannedYetIsBlueAndAConfiguredRedRatioApplies() {
        Task later = new Task(2, 1, "T2", "x", 1, "单位", List.of(), "", BigDecimal.ONE, BigDecimal.TEN, "个",
                List.of(0, 0, 0, 0, 0, 50, 100, 100, 100, 100, 100, 100), LocalDate.of(2026, 7, 31), null);
        assertThat(rule.light(new LightRule.Input(later, MAY, true, BigDecimal.ZERO, null, false)).colour())
                .isEqualTo(Colour.BLUE);
        var strict = new LightRule(new ListConfig(1, 10, 3, BigDecimal.ONE, new BigDecimal("0.8"), new BigDecimal("0.5"),
                0, ListConfig.points(100, 90, 70, 40, 0), null));
        assertThat(strict.light(new LightRule.Input(TASK, MAY, true, new BigDecimal("25"), null, false)).colour())
                .isEqualTo(Colour.PURPLE); // exactly 50%
        assertThat(strict.light(new LightRule.Input(TASK, MAY, true, new BigDecimal("24.99"), null, false)).colour())
                .isEqualTo(Colour.RED);
    }

    @Test
    void theLegendIsTheSharedOneWithFiveColoursAndPoints() {
        var legend = rule.legend();
        assertThat(legend.ranges()).extracting(r -> r.colour().code())
                .containsExactlyInAnyOrder("BLUE", "YELLOW", "PURPLE", "RED", "GREEN");
        assertThat(legend.ranges()).filteredOn(r -> r.colour() == Colour.YELLOW).first()
                .satisfies(r -> assertThat(r.points()).isEqualTo(70));
    }

    @Test
    void windowStatesFollowTheCalendarAndTheAdministrator() {
        var at = java.time.LocalDateTime.of(2026, 6, 1, 0, 0);
        assertThat(Window.of(CONFIG, MAY, null, at.minusSeconds(1)).state()).isEqualTo(Window.State.BEFORE_OPEN);
        assertThat(Window.of(CONFIG, MAY, null, at).state()).isEqualTo(Window.State.OPEN);
        assertThat(Window.of(CONFIG, MAY, null, at.plusDays(10).minusSeconds(1)).state()).isEqualTo(Window.State.OPEN);
        assertThat(Window.of(CONFIG, MAY, null, at.plusDays(10)).state()).isEqualTo(Window.State.CLOSED);
        assertThat(Window.of(CONFIG, MAY, "REOPENED", at.plusDays(20)).state()).isEqualTo(Window.State.REOPENED);
        assertThat(Window.of(CONFIG, MAY, "CLOSED", at.plusDays(2)).state()).isEqualTo(Window.State.CLOSED);
    }

    @Test
    void lateReportsUntilTheExpiryWorkingDaysThenTheMonthLocks() {
        // September's window closes at the end of 10 October 2026 (a Saturday worked instead of the National Day
        // holiday); 3 expiry working days: Monday 12, 13, 14 October → locked from 15 October 00:00
        var expiry = new Window.Expiry(3, LightRuleTest::plusWeekdays);
        Period september = new Period(2026, 9);
        var closes = java.time.LocalDateTime.of(2026, 10, 11, 0, 0);
        Window open = Window.of(CONFIG, september, null, closes.minusSeconds(1), expiry);
        assertThat(open.state()).isEqualTo(Window.State.OPEN);
        assertThat(open.late()).isFalse();
        Window late = Window.of(CONFIG, september, null, closes, expiry);
        assertThat(late.state()).isEqualTo(Window.State.LATE);
        assertThat(late.acceptsReports()).isTrue();
        assertThat(late.late()).isTrue();
        assertThat(late.locksAt()).isEqualTo(java.time.LocalDateTime.of(2026, 10, 15, 0, 0));
        assertThat(late.text()).contains("逾期补报至 2026-10-14");
        assertThat(late.dueForClose(null, closes.plusDays(3))).isFalse();
        assertThat(Window.of(CONFIG, september, null, late.locksAt().minusSeconds(1), expiry).state())
                .isEqualTo(Window.State.LATE);
        Window locked = Window.of(CONFIG, september, null, late.locksAt(), expiry);
        assertThat(locked.state()).isEqualTo(Window.State.CLOSED);
        assertThat(locked.acceptsReports()).isFalse();
        assertThat(locked.dueForClose(null, late.locksAt())).isTrue();
        // an administrator's reopen still wins over the lock
        assertThat(Window.of(CONFIG, september, "REOPENED", late.locksAt().plusDays(5), expiry).acceptsReports()).isTrue();
        // without expiry days the close locks, as before
        assertThat(Window.of(CONFIG, september, null, closes, Window.Expiry.NONE).state()).isEqualTo(Window.State.CLOSED);
    }

    @Test
    void rankingSharesRanksOnTies() {
        var a = row(1, "甲", "95.0");
        var b = row(2, "乙", "80.0");
        var c = row(3, "丙", "80.0");
        var d = row(4, "丁", "40.0");
        var ranks = Scoring.ranks(List.of(a, b, c, d));
        assertThat(ranks).containsEntry(1L, 1).containsEntry(2L, 2).containsEntry(3L, 2).containsEntry(4L, 4);
    }

    private static Scoring.Row row(long id, String name, String score) {
        var r = new Scoring.Row(id, name, "/x/", "市直单位");
        r.pointsWeight = new BigDecimal(score);
        r.weight = BigDecimal.ONE;
        return r;
    }

    /** Working days without holidays (the official calendar's own tests are in the calendar module). */
    static java.time.LocalDate plusWeekdays(java.time.LocalDate from, int n) {
        java.time.LocalDate d = from;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() <= 5) {
                left--;
            }
        }
        return d;
    }
}

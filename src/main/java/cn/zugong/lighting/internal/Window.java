package cn.zugong.lighting.internal;

import java.time.LocalDate;
import java.util.function.BiFunction;
import java.time.LocalDateTime;

/**
 * The reporting window of one list and month: opens at 00:00 on {@code openDay} of the following month and
 * closes at the end of {@code closeDay} (the month's last day when shorter). With expiry days, late reports
 * (marked 逾期) are still accepted until the end of the N-th working day after the close, then the month locks
 * automatically (the job closes it). An administrator's close or reopen, kept in lighting_month, overrides the
 * calendar.
 */
public record Window(Period period, LocalDateTime opensAt, LocalDateTime closesAt, LocalDateTime locksAt, State state) {

    /**
     * Late reports accepted for {@code workingDays} working days after the close (0: the close locks);
     * {@code plusWorkdays} is the official calendar's arithmetic ({@code WorkCalendar::plusWorkdays}).
     */
    public record Expiry(int workingDays, BiFunction<LocalDate, Integer, LocalDate> plusWorkdays) {

        public static final Expiry NONE = new Expiry(0, null);

        LocalDateTime locksAt(LocalDateTime closesAt) {
            return workingDays <= 0 ? closesAt
                    : plusWorkdays.apply(closesAt.toLocalDate().minusDays(1), workingDays).plusDays(1).atStartOfDay();
        }
    }

    public enum State {
        BEFORE_OPEN("未开放"), OPEN("填报中"), LATE("已截止，逾期补报中"), CLOSED("已截止"), REOPENED("已重新开放（补报）");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code monthStatus}: CLOSED, REOPENED or null when no administrator or job has closed the month yet. */
    public static Window of(ListConfig config, Period period, String monthStatus, LocalDateTime now) {
        return of(config, period, monthStatus, now, Expiry.NONE);
    }

    public static Window of(ListConfig config, Period period, String monthStatus, LocalDateTime now, Expiry expiry) {
        var next = period.next().yearMonth();
        LocalDateTime opens = next.atDay(config.openDay()).atStartOfDay();
        LocalDateTime closes = next.atDay(Math.min(config.closeDay(), next.lengthOfMonth())).plusDays(1).atStartOfDay();
        LocalDateTime locks = expiry.locksAt(closes);
        State state;
        if ("REOPENED".equals(monthStatus)) {
            state = State.REOPENED;
        } else if ("CLOSED".equals(monthStatus) || !now.isBefore(locks)) {
            state = State.CLOSED;
        } else if (!now.isBefore(closes)) {
            state = State.LATE;
        } else if (now.isBefore(opens)) {
            state = State.BEFORE_OPEN;
        } else {
            state = State.OPEN;
        }
        return new Window(period, opens, closes, locks, state);
    }

    public boolean acceptsReports() {
        return state == State.OPEN || state == State.LATE || state == State.REOPENED;
    }

    /** A report submitted now is late (逾期). */
    public boolean late() {
        return state == State.LATE || state == State.REOPENED;
    }

    /** The lock (the close plus the expiry days) has passed but the month was not closed yet (the job closes it). */
    public boolean dueForClose(String monthStatus, LocalDateTime now) {
        return monthStatus == null && !now.isBefore(locksAt);
    }

    public String text() {
        return period.label() + "申报窗口：" + opensAt.toLocalDate() + " 至 " + closesAt.toLocalDate().minusDays(1)
                + (locksAt.isAfter(closesAt) ? "，逾期补报至 " + locksAt.toLocalDate().minusDays(1) : "")
                + "（" + state.label() + "）";
    }
}

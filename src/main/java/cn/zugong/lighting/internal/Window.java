package cn.zugong.lighting.internal;

import java.time.LocalDateTime;

/**
 * The reporting window of one list and month: opens at 00:00 on {@code openDay} of the following month and
 * closes at the end of {@code closeDay} (the month's last day when shorter). An administrator's close or
 * reopen, kept in lighting_month, overrides the calendar.
 */
public record Window(Period period, LocalDateTime opensAt, LocalDateTime closesAt, State state) {

    public enum State {
        BEFORE_OPEN("未开放"), OPEN("填报中"), CLOSED("已截止"), REOPENED("已重新开放（补报）");

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
        var next = period.next().yearMonth();
        LocalDateTime opens = next.atDay(config.openDay()).atStartOfDay();
        LocalDateTime closes = next.atDay(Math.min(config.closeDay(), next.lengthOfMonth())).plusDays(1).atStartOfDay();
        State state;
        if ("REOPENED".equals(monthStatus)) {
            state = State.REOPENED;
        } else if ("CLOSED".equals(monthStatus) || !now.isBefore(closes)) {
            state = State.CLOSED;
        } else if (now.isBefore(opens)) {
            state = State.BEFORE_OPEN;
        } else {
            state = State.OPEN;
        }
        return new Window(period, opens, closes, state);
    }

    public boolean acceptsReports() {
        return state == State.OPEN || state == State.REOPENED;
    }

    /** The calendar close has passed but the month was not closed yet (the job will close it). */
    public boolean dueForClose(String monthStatus, LocalDateTime now) {
        return monthStatus == null && !now.isBefore(closesAt);
    }

    public String text() {
        return period.label() + "申报窗口：" + opensAt.toLocalDate() + " 至 " + closesAt.toLocalDate().minusDays(1)
                + "（" + state.label() + "）";
    }
}

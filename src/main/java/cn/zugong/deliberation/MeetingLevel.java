package cn.zugong.deliberation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The three deliberation levels and their regular dates: 多方联席会议 on the 15th of the last month of each
 * quarter, 家园理事会 on the 15th of each month, 网格议事会 every Friday (before the working-day shift).
 */
public enum MeetingLevel {
    JOINT("多方联席会议", "按季度", 92),
    COUNCIL("家园理事会", "按月", 31),
    GRID("网格议事会", "按周", 7);

    private final String label;
    private final String cycle;
    private final int cycleDays;

    MeetingLevel(String label, String cycle, int cycleDays) {
        this.label = label;
        this.cycle = cycle;
        this.cycleDays = cycleDays;
    }

    public String label() {
        return label;
    }

    public String cycle() {
        return cycle;
    }

    /** The longest gap between two regular sittings, in days. */
    public int cycleDays() {
        return cycleDays;
    }

    /** The first regular date on or after {@code day}, before moving it off a holiday. */
    public LocalDate regularOnOrAfter(LocalDate day) {
        return switch (this) {
            case GRID -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            case COUNCIL -> day.getDayOfMonth() <= 15 ? day.withDayOfMonth(15) : day.plusMonths(1).withDayOfMonth(15);
            case JOINT -> {
                LocalDate quarterEnd = day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 3).withDayOfMonth(15);
                yield day.isAfter(quarterEnd) ? quarterEnd.plusMonths(3) : quarterEnd;
            }
        };
    }

    public static MeetingLevel parse(String value) {
        for (MeetingLevel l : values()) {
            if (l.name().equalsIgnoreCase(String.valueOf(value).strip())) {
                return l;
            }
        }
        return null;
    }
}

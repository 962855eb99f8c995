package cn.zugong.shared.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Working days of the Chinese official calendar: Monday to Friday, minus the public holidays, plus the weekend
 * days worked instead (调休上班). The dates are data ({@code data/working-calendar-cn.csv}), one line per
 * exceptional date; years without lines count weekdays only.
 */
public final class WorkingCalendar {

    public static final String RESOURCE = "data/working-calendar-cn.csv";

    /** An exceptional date: a holiday on a weekday, or a worked weekend day. */
    public record Day(LocalDate date, boolean working, String name) {
    }

    private final Map<LocalDate, Day> exceptions;

    public WorkingCalendar(Map<LocalDate, Day> exceptions) {
        this.exceptions = new TreeMap<>(exceptions);
    }

    /** The calendar of the bundled data file. */
    public static WorkingCalendar china() {
        try (InputStream in = WorkingCalendar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkingCalendar parse(BufferedReader lines) throws IOException {
        Map<LocalDate, Day> out = new TreeMap<>();
        String line;
        while ((line = lines.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", 3);
            if (f.length < 2 || !(f[1].equals("HOLIDAY") || f[1].equals("WORKDAY"))) {
                throw new IllegalArgumentException("bad calendar line: " + line);
            }
            LocalDate date = LocalDate.parse(f[0]);
            out.put(date, new Day(date, f[1].equals("WORKDAY"), f.length > 2 ? f[2] : ""));
        }
        return new WorkingCalendar(out);
    }

    public boolean isWorkingDay(LocalDate date) {
        Day e = exceptions.get(date);
        if (e != null) {
            return e.working();
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code date} ({@code n} ≥ 1); {@code n} = 0 is the date itself. */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        LocalDate d = date;
        for (int i = 0; i < n; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                i++;
            }
        }
        return d;
    }

    /** Working days in (from, to]: how many working days {@code to} lies after {@code from} (0 if not after). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** The {@code n}-th working day of the month of {@code anyDay} (1 = the first working day). */
    public LocalDate nthWorkingDayOfMonth(LocalDate anyDay, int n) {
        return plusWorkingDays(anyDay.withDayOfMonth(1).minusDays(1), n);
    }
}

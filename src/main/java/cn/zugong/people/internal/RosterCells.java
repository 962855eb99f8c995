package cn.zugong.people.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/** Interpretation of raw cell values: text of any cell, and dates from date cells or common text forms. */
final class RosterCells {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    /** A parse failure, distinct from an empty cell (null). */
    static final LocalDate INVALID = LocalDate.MIN;

    private RosterCells() {
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString(); // 330902001 and 13812345678 typed as numbers
        }
        if (value instanceof LocalDate date) {
            return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return value.toString();
    }

    /** null for an empty cell, {@link #INVALID} when the value is no date. */
    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        String text = text(value);
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            m = COMPACT.matcher(text);
        }
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (value instanceof BigDecimal serial && serial.signum() > 0 && serial.doubleValue() < 100_000) {
                // a date cell whose date format was lost: Excel's serial day number
                return DateUtil.getLocalDateTime(serial.doubleValue()).toLocalDate();
            }
        } catch (DateTimeException | NumberFormatException e) {
            return INVALID;
        }
        return INVALID;
    }
}

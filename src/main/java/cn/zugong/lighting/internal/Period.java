package cn.zugong.lighting.internal;

import cn.zugong.shared.NotFoundException;
import java.time.LocalDate;
import java.time.YearMonth;

/** A reporting month, stored as the integer yyyymm (202605). */
public record Period(int year, int month) implements Comparable<Period> {

    public Period {
        if (month < 1 || month > 12 || year < 2000 || year > 2100) {
            throw new IllegalArgumentException("bad period " + year + "-" + month);
        }
    }

    public static Period of(int code) {
        return new Period(code / 100, code % 100);
    }

    public static Period of(LocalDate date) {
        return new Period(date.getYear(), date.getMonthValue());
    }

    /** "2026-05" or "202605"; anything else is answered with 404 (never a server error). */
    public static Period parse(String text) {
        if (text != null) {
            String t = text.strip();
            if (t.matches("\\d{4}-\\d{1,2}")) {
                String[] p = t.split("-");
                int m = Integer.parseInt(p[1]);
                int y = Integer.parseInt(p[0]);
                if (m >= 1 && m <= 12 && y >= 2000 && y <= 2100) {
                    return new Period(y, m);
                }
            } else if (t.matches("\\d{6}")) {
                int c = Integer.parseInt(t);
                if (c % 100 >= 1 && c % 100 <= 12 && c / 100 >= 2000 && c / 100 <= 2100) {
                    return of(c);
                }
            }
        }
        throw new NotFoundException("月份格式不正确：" + text);
    }

    public int code() {
        return year * 100 + month;
    }

    public YearMonth yearMonth() {
        return YearMonth.of(year, month);
    }

    public Period previous() {
        return month == 1 ? new Period(year - 1, 12) : new Period(year, month - 1);
    }

    public Period next() {
        return month == 12 ? new Period(year + 1, 1) : new Period(year, month + 1);
    }

    public Period minusMonths(int n) {
        Period p = this;
        for (int i = 0; i < n; i++) {
            p = p.previous();
        }
        return p;
    }

    public String label() {
        return year + "年" + month + "月";
    }

    /** For links and forms: 2026-05. */
    public String iso() {
        return String.format("%d-%02d", year, month);
    }

    @Override
    public int compareTo(Period o) {
        return Integer.compare(code(), o.code());
    }

    @Override
    public String toString() {
        return iso();
    }
}

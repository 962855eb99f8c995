package cn.zugong.prosperity.internal.workshops;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The checks of one ledger month's values, shared by the phone page, the API and the Excel import so that a value
 * is refused with the same words everywhere. Each method answers the value or the Chinese problem (never both).
 */
final class LedgerCheck {

    static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    static final int MAX_PEOPLE = 100_000;

    private LedgerCheck() {
    }

    /** A value or what is wrong with it. */
    record Checked<T>(T value, String problem) {
        static <T> Checked<T> ok(T value) {
            return new Checked<>(value, null);
        }

        static <T> Checked<T> bad(String problem) {
            return new Checked<>(null, problem);
        }

        boolean ok() {
            return problem == null;
        }
    }

    static Checked<YearMonth> month(String text, YearMonth now, YearMonth started, YearMonth closed) {
        if (text == null || text.isBlank()) {
            return Checked.bad("必填");
        }
        YearMonth m;
        try {
            m = YearMonth.parse(text.strip().replace('/', '-'));
        } catch (DateTimeParseException e) {
            return Checked.bad("月份格式应为 yyyy-MM：" + text.strip());
        }
        return month(m, now, started, closed);
    }

    static Checked<YearMonth> month(YearMonth m, YearMonth now, YearMonth started, YearMonth closed) {
        if (m.isAfter(now)) {
            return Checked.bad("月份不能晚于本月（" + now + "）：" + m);
        }
        if (started != null && m.isBefore(started)) {
            return Checked.bad("月份早于工坊成立的月份（" + started + "）：" + m);
        }
        if (closed != null && m.isAfter(closed)) {
            return Checked.bad("工坊已于 " + closed + " 停办，不能填报之后的月份：" + m);
        }
        if (m.isBefore(YearMonth.of(2000, 1))) {
            return Checked.bad("月份不能早于 2000-01：" + m);
        }
        return Checked.ok(m);
    }

    static Checked<Integer> people(String text, boolean required) {
        if (text == null || text.isBlank()) {
            return required ? Checked.bad("必填") : Checked.ok(0);
        }
        String s = text.strip();
        try {
            BigDecimal v = new BigDecimal(s);
            if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
                return Checked.bad("应为不小于 0 的整数：" + s);
            }
            if (v.compareTo(BigDecimal.valueOf(MAX_PEOPLE)) > 0) {
                return Checked.bad("不能超过 " + MAX_PEOPLE + " 人：" + s);
            }
            return Checked.ok(v.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Checked.bad("应为整数：" + s);
        }
    }

    static Checked<BigDecimal> money(String text) {
        if (text == null || text.isBlank()) {
            return Checked.bad("必填");
        }
        String s = text.strip().replace(",", "").replace("，", "");
        try {
            BigDecimal v = new BigDecimal(s);
            if (v.signum() < 0) {
                return Checked.bad("不能为负数：" + text.strip());
            }
            if (v.stripTrailingZeros().scale() > 2) {
                return Checked.bad("至多两位小数（元）：" + text.strip());
            }
            if (v.compareTo(MAX_MONEY) > 0) {
                return Checked.bad("金额过大：" + text.strip());
            }
            return Checked.ok(v.setScale(2));
        } catch (NumberFormatException e) {
            return Checked.bad("应为金额（元，数字）：" + text.strip());
        }
    }

    /** 低收入农户 cannot outnumber the people employed. */
    static Optional<String> lowIncome(int employed, int lowIncome) {
        return lowIncome > employed ? Optional.of("其中低收入农户（" + lowIncome + "）不能多于用工人数（" + employed + "）")
                : Optional.empty();
    }
}

package cn.zugong.prosperity.internal.workshops;

import cn.zugong.prosperity.WorkshopPeriod;
import cn.zugong.shared.BadRequestException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The figures' period from the request: from (empty = 累计) and to (empty = this month), both yyyy-MM. */
final class Periods {

    private Periods() {
    }

    static WorkshopPeriod parse(String from, String to, YearMonth now) {
        YearMonth t = to == null || to.isBlank() ? now : month(to, "截止月份");
        YearMonth f = from == null || from.isBlank() ? null : month(from, "起始月份");
        if (t.isAfter(now)) {
            throw new BadRequestException("截止月份不能晚于本月（" + now + "）：" + t);
        }
        if (f != null && f.isAfter(t)) {
            throw new BadRequestException("起始月份不能晚于截止月份：" + f + " > " + t);
        }
        if (f != null && f.isBefore(WorkshopPeriod.FIRST)) {
            throw new BadRequestException("起始月份不能早于 2000-01：" + f);
        }
        return new WorkshopPeriod(f, t);
    }

    private static YearMonth month(String text, String label) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(label + "格式应为 yyyy-MM：" + text.strip());
        }
    }
}

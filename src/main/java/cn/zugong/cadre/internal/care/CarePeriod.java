package cn.zugong.cadre.internal.care;

import cn.zugong.shared.BadRequestException;
import java.time.LocalDate;

/**
 * The period the figures count: from/to when given, else a calendar year ({@code year}, by default the current
 * one up to the year's end).
 */
record CarePeriod(LocalDate from, LocalDate to) {

    static CarePeriod of(LocalDate from, LocalDate to, Integer year, LocalDate today) {
        if (from != null || to != null) {
            LocalDate f = from != null ? from : LocalDate.of(to.getYear(), 1, 1);
            LocalDate t = to != null ? to : LocalDate.of(f.getYear(), 12, 31);
            if (t.isBefore(f)) {
                throw new BadRequestException("统计时段：结束日期不能早于开始日期");
            }
            return new CarePeriod(f, t);
        }
        int y = year != null ? year : today.getYear();
        if (y < 2000 || y > 2100) {
            throw new BadRequestException("统计年度不正确");
        }
        return new CarePeriod(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    }

    String label() {
        return from + " 至 " + to;
    }
}

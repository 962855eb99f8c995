package cn.zugong.service.internal;

import cn.zugong.shared.time.ReportPeriod;
import java.time.LocalDate;

/**
 * The period the visit figures cover, as asked (a year, quarter, month or custom from–to; bad values fall back to
 * the year to date). The same record binds the figures page, its Excel export and {@code GET /api/service/figures}.
 */
record VisitFigureFilter(String period, Integer year, Integer quarter, Integer month, String from, String to) {

    ReportPeriod resolve(LocalDate today) {
        return ReportPeriod.of(period, year, quarter, month, from, to, today);
    }
}

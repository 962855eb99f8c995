package cn.zugong.prosperity;

import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 党建联建 figures for a scope and a period (ADR 073), by county — read by the figures page, its API and Excel, and
 * by the annual review. Committees founded by the period's end count with their members and paired units; projects
 * count when they run during the period; results and their figures when dated inside it. A committee set up above
 * the counties (by the city) counts under 市级 ({@code countyId} null).
 */
public interface JointFigures {

    Figures of(OrgScope scope, LocalDate from, LocalDate to);

    record Row(Long countyId, String countyName, long committees, long members, long pairs, long projects,
               long results, BigDecimal fundsYuan, long peopleServed, BigDecimal incomeYuan) {
    }

    record Figures(LocalDate from, LocalDate to, Row total, List<Row> byCounty) {
    }
}

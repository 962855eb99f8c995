package cn.zugong.prosperity;

import java.time.LocalDate;
import java.util.List;

/**
 * 聚力共富's figures for a scope and a period (ADR 072): the totals, by county (of the need's place; offers by their
 * managing office's county, 市本级 when above the counties), by field (an offer counts under each of its fields) and
 * by month; {@code peopleEngaged}: distinct offers with an engagement started in the period; {@code sentence}: the
 * seed's sentence printed from these figures.
 */
public record MatchingFigureSet(String scopeName, LocalDate from, LocalDate to, MatchingFigureRow total,
                                List<MatchingFigureRow> byCounty, List<MatchingFigureRow> byField,
                                List<MatchingFigureRow> byMonth, long peopleEngaged, String sentence) {
}

package cn.zugong.service;

import java.time.LocalDate;

/**
 * A visit as the tickets module sees it. {@code nodeId}/{@code nodeName} are the cadre's node: the unit the
 * visit counts for and through which it is scoped. {@code chargeName} names the enterprise, village or project.
 */
public record VisitSummary(long id, long cadreId, String cadreName, String cadreUsername, VisitKind kind,
                           LocalDate date, String place, String whom, String chargeName, long nodeId,
                           String nodeName) {
}

package cn.zugong.deliberation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * 三事分流 figures for a node (community, township, county, city) and a period: matters raised in the period
 * by kind, how many were decided, resolved (办结: resolved, verified or closed on the workflow) and closed (销号);
 * the share of decided 私事 the residents settled themselves; sittings held per level in the period.
 */
public record Figures(long nodeId, String nodeName, LocalDate from, LocalDate to, Map<MatterKind, Line> byKind,
                      long unclassified, long privateSettledByResidents, BigDecimal privateSettledShare,
                      Map<MeetingLevel, Long> meetingsHeld) {

    public record Line(long raised, long decided, long resolved, long closed) {
    }

    public long raised() {
        return byKind.values().stream().mapToLong(Line::raised).sum() + unclassified;
    }

    public long resolved() {
        return byKind.values().stream().mapToLong(Line::resolved).sum();
    }
}

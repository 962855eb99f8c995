package cn.zugong.indicator;

import cn.zugong.indicator.internal.view.NumeratorMoves;
import cn.zugong.indicator.internal.view.NumeratorPeople;
import cn.zugong.indicator.internal.view.ViewQueries;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Read models over stored evaluations for pages and reports: which evaluation covers a node, colour
 * counts, colours of many nodes at once, an indicator's trend, and the people behind a numerator.
 * Everything is one aggregate query, scoped by the caller's {@link OrgScope}.
 */
@Service
public class EvaluationViews {

    /** An indicator's value at one evaluation (the trend over evaluations). */
    public record TrendPoint(long evaluationId, LocalDate asOf, BigDecimal value, String colour) {
    }

    /** How many unit-level results of one evaluation had one colour. */
    public record ColourCount(long evaluationId, LocalDate asOf, String colour, long count) {
    }

    /** The colour and value of one node × indicator. */
    public record Cell(long nodeId, String indicatorCode, BigDecimal value, String colour) {
    }

    /**
     * 与上次相比: a person who entered ({@code movedIn}) or left the numerator between the previous evaluation
     * and this one, with the reasons (recorded changes, or the passage of time and the yearly facts).
     */
    public record NumeratorMove(long personId, boolean movedIn, List<String> reasons) {
    }

    private final ViewQueries queries;
    private final NumeratorPeople numeratorPeople;
    private final NumeratorMoves numeratorMoves;

    EvaluationViews(ViewQueries queries, NumeratorPeople numeratorPeople, NumeratorMoves numeratorMoves) {
        this.queries = queries;
        this.numeratorPeople = numeratorPeople;
        this.numeratorMoves = numeratorMoves;
    }

    /** The latest finished evaluation of the pack code run for the node or one of its ancestors. */
    public Optional<Evaluation> latestCovering(String packCode, String nodePath) {
        return queries.latestCovering(packCode, nodePath);
    }

    /** Finished evaluations of the pack code covering the node, newest first. */
    public List<Evaluation> covering(String packCode, String nodePath) {
        return queries.covering(packCode, nodePath);
    }

    /** Unit-level results inside the scope, counted by indicator and colour: code → colour → count. */
    public Map<String, Map<String, Long>> unitColourCounts(long evaluationId, OrgScope scope) {
        return queries.unitColourCounts(evaluationId, scope);
    }

    /** The unit-level results of one colour inside the scope (e.g. every red warning), in one query. */
    public List<IndicatorResult> unitResultsOfColour(long evaluationId, String colour, OrgScope scope) {
        return queries.unitResultsOfColour(evaluationId, colour, scope);
    }

    /** Of a node's coloured results in one evaluation, how many are red. */
    public record RedCount(long red, long coloured) {
    }

    /**
     * 红灯占比 for many nodes at once (units, or roll-up nodes such as a township): for each node, its results in the
     * latest finished evaluation of the pack with {@code as_of} between {@code from} and {@code to} that has results
     * for it;
     * nodes without such results are left out. One query; no caller scope (the caller has chosen the nodes).
     */
    public Map<Long, RedCount> redCounts(String packCode, Collection<Long> nodeIds, LocalDate from, LocalDate to) {
        Map<Long, RedCount> out = new java.util.HashMap<>();
        queries.redCounts(packCode, nodeIds, from, to).forEach((id, c) -> out.put(id, new RedCount(c[0], c[1])));
        return out;
    }

    /** Every indicator's colour and value for the given nodes (all inside the scope, or none is returned). */
    public List<Cell> cells(long evaluationId, Collection<Long> nodeIds, OrgScope scope) {
        return queries.cells(evaluationId, nodeIds, scope);
    }

    /** Unit-level colour counts inside the scope for every finished evaluation covering the node. */
    public List<ColourCount> colourTrend(String packCode, String nodePath, OrgScope scope) {
        return queries.colourTrend(packCode, nodePath, scope);
    }

    /** As {@link #colourTrend}, for the finished evaluations dated in the period (both ends inclusive). */
    public List<ColourCount> colourCounts(String packCode, String nodePath, OrgScope scope, java.time.LocalDate from,
                                          java.time.LocalDate to) {
        return queries.colourCounts(packCode, nodePath, scope, from, to);
    }

    /** The indicator's value for the node at every finished evaluation of the pack code, oldest first. */
    public List<TrendPoint> trend(String packCode, long nodeId, String indicatorCode) {
        return queries.trend(packCode, nodeId, indicatorCode);
    }

    /**
     * The people a count numerator counted for one unit at the evaluation's as-of date (ids), or empty
     * when the numerator is not a head-count of people (sums of hours, quotas).
     */
    public Optional<List<Long>> numeratorPeople(Evaluation evaluation, String indicatorCode, long unitId) {
        return numeratorPeople.personIds(evaluation, indicatorCode, unitId);
    }

    /**
     * Who entered or left a head-count numerator at a node (a unit or a roll-up: {@code nodePathPattern} is
     * its path followed by '%') between {@code previous} and {@code current}, each read as of its own date and
     * knowledge; empty when the numerator is not a head-count of people. The caller scopes and audits the read.
     */
    public Optional<List<NumeratorMove>> numeratorMoves(Evaluation current, Evaluation previous,
                                                        String indicatorCode, String nodePathPattern) {
        return numeratorMoves.moves(current, previous, indicatorCode, nodePathPattern);
    }
}

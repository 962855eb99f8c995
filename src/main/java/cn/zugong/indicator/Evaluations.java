package cn.zugong.indicator;

import cn.zugong.indicator.internal.run.EvaluationRunner;
import cn.zugong.indicator.internal.run.ResultStore;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Evaluations of indicator packs (数字体检): run one for a scope, re-check a unit after its roster
 * changed, and read results. Reads take the caller's scope: results outside it are never returned.
 */
@Service
public class Evaluations {

    private final EvaluationRunner runner;
    private final ResultStore store;
    private final OrgTree tree;

    Evaluations(EvaluationRunner runner, ResultStore store, OrgTree tree) {
        this.runner = runner;
        this.store = store;
        this.tree = tree;
    }

    /**
     * Evaluates every indicator of the pack for every unit under {@code scope} as of {@code asOf}, rolls
     * up to each township/county/city inside the scope, stores all results and audits the run.
     */
    public Evaluation evaluate(LocalDate asOf, PackId pack, OrgScope scope, String createdBy) {
        return runner.run(asOf, pack, scope, createdBy).evaluation();
    }

    /**
     * As {@link #evaluate(LocalDate, PackId, OrgScope, String)}, reading the roster as it was known at
     * {@code knownAt} (按某日已知; null: as known now). The evaluation stores it, so it can be reproduced.
     */
    public Evaluation evaluate(LocalDate asOf, LocalDateTime knownAt, PackId pack, OrgScope scope,
                               String createdBy) {
        return runner.run(asOf, knownAt, pack, scope, createdBy).evaluation();
    }

    /** Re-computes one unit of a finished evaluation and its ancestors' roll-ups, in place. */
    public UnitRecheck reevaluateUnit(long evaluationId, long unitId, String actor) {
        return runner.recheck(evaluationId, unitId, actor);
    }

    public Optional<Evaluation> find(long evaluationId) {
        return store.find(evaluationId);
    }

    /** The latest finished evaluation of the pack code run for exactly this scope node. */
    public Optional<Evaluation> latest(String packCode, long scopeNodeId) {
        return store.latest(packCode, scopeNodeId);
    }

    /** The finished evaluation of the same pack code and scope just before this one. */
    public Optional<Evaluation> previous(long evaluationId) {
        return store.find(evaluationId).flatMap(store::previous);
    }

    /** Every indicator of one node (a unit or a roll-up node); 404 outside the scope. */
    public List<IndicatorResult> results(long evaluationId, long nodeId, OrgScope scope) {
        tree.get(nodeId, scope);
        return store.resultsOfNode(evaluationId, nodeId);
    }

    /** One indicator for every node of the evaluation inside the scope. */
    public List<IndicatorResult> resultsOfIndicator(long evaluationId, String indicatorCode, OrgScope scope) {
        return store.resultsOfIndicator(evaluationId, indicatorCode, scope);
    }

    /**
     * What changed since the previous evaluation of the same pack and scope: node × indicator pairs
     * inside {@code scope} whose value or colour differs (or that are new). Empty without a previous one.
     */
    public List<ResultChange> changesSincePrevious(long evaluationId, OrgScope scope) {
        return previous(evaluationId).map(p -> store.changes(evaluationId, p.id(), scope)).orElse(List.of());
    }
}

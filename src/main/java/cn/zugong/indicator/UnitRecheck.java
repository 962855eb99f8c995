package cn.zugong.indicator;

/** What re-evaluating one unit changed: the unit's rows and its ancestors' roll-up rows rewritten. */
public record UnitRecheck(long evaluationId, long unitId, int unitRowsChanged, int rollupRowsChanged,
                          long elapsedMs) {
}

package cn.zugong.indicator.internal.compile;

/**
 * One has(fact where c) of a person aggregate. Its SQL in the aggregate's condition is {@link #exists()}: a
 * self-contained correlated test that any query over {@code person_version p} can run (the numerator lists
 * do). The engine takes it out of its aggregates and runs it once as a where clause (PackPlan).
 */
public record HasTest(FactTable fact, String condition) {

    /** The test as it appears in the aggregate's condition. */
    public String exists() {
        return fact.existsSql(condition);
    }
}

package cn.zugong.indicator.internal.compile;

/**
 * One has(fact where c) of a person aggregate. Its SQL in the aggregate's condition is {@link #exists()}: a
 * self-contained correlated test that any query over {@code person_version p} can run (the numerator lists
 * do). The engine's unit scan instead joins the persons who have such a fact once ({@link #personsSql()},
 * grouped by person) and tests the joined column, when the condition reads only the fact's own columns.
 */
public record HasTest(FactTable fact, String condition) {

    /** The test as it appears in the aggregate's condition. */
    public String exists() {
        return fact.existsSql(condition);
    }

    /**
     * Whether the condition reads only the fact row (not the outer person's {@code p.} columns), so the
     * persons who have such a fact can be computed once for all.
     */
    public boolean uncorrelated() {
        return condition == null || !condition.contains("p.");
    }

    /** The persons who have such a fact as of the evaluation: one row per person ({@code person_id}). */
    public String personsSql() {
        String[] source = fact.from().split(" ");
        String f = source[1];
        return "select " + f + ".person_id from " + source[0] + " " + f + " where " + f + ".valid_from <= :asof and "
                + f + ".valid_to > :asof and " + f + ".recorded_at <= :knownAt and " + f + ".superseded_at > :knownAt"
                + (condition == null ? "" : " and " + condition) + " group by " + f + ".person_id";
    }
}

package cn.zugong.indicator.internal.compile;

import cn.zugong.indicator.RetirementLaw;
import java.time.LocalDate;

/**
 * A value the SQL needs that depends on the evaluation date (a date, or eval_year), computed in Java
 * and bound as a parameter: date arithmetic stays portable (H2 and PostgreSQL), comparisons stay plain
 * column-vs-value and index-friendly, and the SQL text is the same for every evaluation date.
 */
public sealed interface AsOfParam {

    /** The named parameter, derived from what it means so equal parameters share a name. */
    String name();

    Object value(LocalDate asOf);

    /** The evaluation date itself. */
    record AsOf() implements AsOfParam {
        public String name() {
            return "asof";
        }

        public Object value(LocalDate asOf) {
            return asOf;
        }
    }

    /** The evaluation date's year plus {@code offset} (eval_year - 1 is last year). */
    record Year(int offset) implements AsOfParam {
        public String name() {
            return "y_" + (offset < 0 ? "n" + -offset : "p" + offset);
        }

        public Object value(LocalDate asOf) {
            return asOf.getYear() + offset;
        }
    }

    /** The evaluation date's month × 100 + day (1101 for 1 November): with the year, whole years (周岁) in SQL. */
    record MonthDay() implements AsOfParam {
        public String name() {
            return "asof_md";
        }

        public Object value(LocalDate asOf) {
            return asOf.getMonthValue() * 100 + asOf.getDayOfMonth();
        }
    }

    /** 1 January of the evaluation date's year plus {@code offset}: year(d) &lt; eval_year - 1 ⇔ d &lt; this. */
    record YearStart(int offset) implements AsOfParam {
        public String name() {
            return "ys_" + (offset < 0 ? "n" + -offset : "p" + offset);
        }

        public Object value(LocalDate asOf) {
            return LocalDate.of(asOf.getYear() + offset, 1, 1);
        }
    }

    /** The evaluation date moved by whole months. */
    record Shift(int months) implements AsOfParam {
        public String name() {
            return "s_" + (months < 0 ? "n" + -months : "p" + months);
        }

        public Object value(LocalDate asOf) {
            return asOf.plusMonths(months);
        }
    }

    /** First birth date of the group that retires on/after (or after) the evaluation date + months. */
    record RetirementBound(RetirementLaw.Group group, int months, boolean strictlyAfter) implements AsOfParam {
        public String name() {
            return "rb_" + group.name().toLowerCase() + "_" + (months < 0 ? "n" + -months : "p" + months)
                    + (strictlyAfter ? "_gt" : "_ge");
        }

        public Object value(LocalDate asOf) {
            return RetirementLaw.firstBirthRetiringFrom(asOf.plusMonths(months), group, strictlyAfter);
        }
    }

    /**
     * The earlier ({@code latest} false) or later of the two women's bounds of {@link RetirementBound} (县处级
     * cadres and other cadres): a birth date outside the two decides a woman's test without her post and rank.
     */
    record WomenRetirementBound(int months, boolean strictlyAfter, boolean latest) implements AsOfParam {
        public String name() {
            return "rbw_" + (latest ? "max_" : "min_") + (months < 0 ? "n" + -months : "p" + months)
                    + (strictlyAfter ? "_gt" : "_ge");
        }

        public Object value(LocalDate asOf) {
            LocalDate senior = RetirementLaw.firstBirthRetiringFrom(asOf.plusMonths(months),
                    RetirementLaw.Group.WOMAN_SENIOR_CADRE, strictlyAfter);
            LocalDate other = RetirementLaw.firstBirthRetiringFrom(asOf.plusMonths(months),
                    RetirementLaw.Group.WOMAN_CADRE, strictlyAfter);
            return latest == senior.isAfter(other) ? senior : other;
        }
    }
}

package cn.zugong.rating;

import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.util.List;

/**
 * The rating results other modules quote (e.g. the annual review): for a scope and a year, per scheme, how many
 * organisations were rated, how many hold each star level and 双强, and the share at three stars or more. Figures
 * come from the scheme's published rounds of that year; a scheme whose rounds are not yet published is given from
 * its current sheets with {@code published} false.
 */
public interface RatingFigures {

    /** One scheme's figures in the scope for the year; schemes without a round there are left out. */
    List<SchemeFigures> of(OrgScope scope, int year);

    /** Organisations holding {@code stars} stars now (after any 摘星); 0 is 未评星. */
    record StarCount(int stars, String label, long count) {
    }

    /**
     * {@code topDoubleStrong}: at the best star level and 双强 (五星双强); {@code nextDoubleStrong}: one level below
     * (四星双强); {@code shareThreeOrMore}: per cent of the rated organisations at three stars or more, one decimal.
     */
    record SchemeFigures(String schemeCode, String schemeName, int year, boolean published, long organisations,
                         List<StarCount> byStars, long doubleStrong, long topDoubleStrong, long nextDoubleStrong,
                         long threeOrMore, BigDecimal shareThreeOrMore, long withdrawn) {
    }
}

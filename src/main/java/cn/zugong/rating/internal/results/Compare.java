package cn.zugong.rating.internal.results;

import java.math.BigDecimal;
import java.util.List;

/** The records of the 比 page and {@code GET /api/ratings/compare}. */
final class Compare {

    private Compare() {
    }

    /** A dimension of the scheme as a column: code, name, most its base criteria give. */
    record Dim(String code, String name, BigDecimal max) {
    }

    /**
     * An organisation with its township and county (0 and 县直 / 市直 when it has none), points, stars, rank within
     * the township and within the county (ties share a rank), and its points per dimension (the scheme's order).
     */
    record OrgRow(long nodeId, String name, long townshipId, String townshipName, long countyId, String countyName,
                  BigDecimal points, int stars, String title, long townshipRank, long countyRank,
                  List<BigDecimal> dims) {
    }

    /** The average of a township or a county (over the organisations of the caller's scope), per dimension too. */
    record Average(String level, long id, String name, long organisations, BigDecimal points, List<BigDecimal> dims) {
    }

    /** One township's table: its organisations by rank, its average and its county's. */
    record Group(long townshipId, String townshipName, String countyName, Average township, Average county,
                 List<OrgRow> rows) {
    }

    /** The organisation chosen for the chart with the averages of its township and county. */
    record Selected(OrgRow org, Average township, Average county) {
    }

    record Page(String scopeName, String schemeCode, String schemeName, int year, boolean published, List<Dim> dims,
                List<Results.Option> townships, long townshipId, List<Group> groups, List<Average> counties,
                Selected selected, List<Integer> years, List<Results.Option> schemes) {
    }
}

package cn.zugong.prosperity;

import cn.zugong.prosperity.internal.matching.MatchingFiguresQuery;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * 聚力共富's figures for other modules (the annual review, issue 20) and for its own figures page (one computation):
 * needs, offers, matched, engaged, completed, outcomes and average ratings by county, field and month, for a scope and
 * a period. Counts only, no person is read, so nothing to audit.
 */
@Service
public class MatchingFigures {

    private final MatchingFiguresQuery query;

    MatchingFigures(MatchingFiguresQuery query) {
        this.query = query;
    }

    /** The figures of the needs, offers and engagements inside {@code scope} for the days {@code from}..{@code to}. */
    public MatchingFigureSet of(OrgScope scope, String scopeName, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + ".." + to);
        }
        return query.figures(scope, scopeName, from, to);
    }
}

package cn.zugong.people.internal;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The roster list as the page and the API ask for it: a query that names a whole ID number is counted
 * against the caller's allowance first (429 beyond it) and audited with its outcome (ADR 034).
 */
@Component
class RosterSearch {

    private final RosterQueries queries;
    private final IdLookups lookups;

    RosterSearch(RosterQueries queries, IdLookups lookups) {
        this.queries = queries;
        this.lookups = lookups;
    }

    PageResult<PersonSummary> page(RosterFilter filter, OrgScope scope, int page, int size, CurrentUser user,
                                   String channel) {
        Optional<String> wholeId = admit(filter, user, channel);
        PageResult<PersonSummary> result = queries.page(filter, scope, page, size);
        wholeId.ifPresent(id -> lookups.searched(id, result.items().stream().map(PersonSummary::id).toList(),
                channel));
        return result;
    }

    /** The whole ID number the filter names, counted (or refused); empty for any other filter. */
    Optional<String> admit(RosterFilter filter, CurrentUser user, String channel) {
        Optional<String> wholeId = WholeIdQuery.of(filter.q());
        wholeId.ifPresent(id -> lookups.admitSearch(user, channel));
        return wholeId;
    }

    /** Audits an export filtered by a whole ID number: how many people it held, not who (the rows say). */
    void exported(String idNumber, int rows) {
        lookups.searched(idNumber, null, rows, "导出");
    }
}

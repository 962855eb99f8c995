package cn.zugong.people;

import cn.zugong.people.internal.RosterQueries;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * People for other modules (the health check's "who is behind this number"): cards of the given
 * people inside the caller's scope. Callers audit the read (they know why they show the list).
 */
@Service
public class PeopleDirectory {

    private final RosterQueries queries;

    PeopleDirectory(RosterQueries queries) {
        this.queries = queries;
    }

    /** Everyone of one unit inside the scope (projections of retirements and age structure). */
    public List<PersonCard> unit(long unitId, OrgScope scope, LocalDate today) {
        return cards(queries.idsOfUnit(unitId, scope), scope, today);
    }

    /** The party members of the branches inside the scope, by branch then name (one query). */
    public List<BranchMember> partyMembers(OrgScope scope) {
        return queries.branchMembers(scope);
    }

    public List<PersonCard> cards(Collection<Long> ids, OrgScope scope, LocalDate today) {
        return queries.cards(ids, scope, today);
    }
}

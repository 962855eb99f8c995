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

    /**
     * The party-member figures of many party organisations at once (each with the organisations below it) for a
     * year: members registered by the year's end, those aged 35 or under at the year's end, those who joined in the
     * year (发展党员, 预备党员 included), 流动党员. Organisations without members are left out. One query; counts
     * only, no person is read, so nothing to audit.
     */
    public java.util.Map<Long, MemberCounts> memberCounts(Collection<Long> partyOrgIds, int year) {
        java.util.Map<Long, MemberCounts> out = new java.util.HashMap<>();
        queries.memberCounts(partyOrgIds, year).forEach((id, c) -> out.put(id, new MemberCounts(c[0], c[1], c[2], c[3])));
        return out;
    }

    /** Party members of an organisation in a year: all, young (≤ 35 at the year's end), joined in the year, mobile. */
    public record MemberCounts(long members, long young, long joined, long mobile) {
    }

    /** The party members of the branches inside the scope, by branch then name (one query). */
    public List<BranchMember> partyMembers(OrgScope scope) {
        return queries.branchMembers(scope);
    }

    /** Party members by id inside the scope (ids outside it are left out); one query per thousand ids. */
    public List<PartyMemberRef> partyMemberRefs(Collection<Long> ids, OrgScope scope) {
        return queries.partyMemberRefs(ids, scope);
    }

    /** The party members inside the scope whom the roster marks 流动党员 (mobile), by branch then id. */
    public List<PartyMemberRef> mobilePartyMembers(OrgScope scope) {
        return queries.mobilePartyMembers(scope);
    }

    /**
     * The party members inside the scope whose ID number is one of {@code idNumbers} (normalised), found through the
     * blind index; keyed by the normalised number. Numbers of nobody in the scope are absent.
     */
    public java.util.Map<String, PartyMemberRef> partyMembersByIdNumber(Collection<String> idNumbers, OrgScope scope) {
        return queries.partyMembersByIdNumber(idNumbers, scope);
    }

    /**
     * The party members inside the scope not marked mobile whose ID number was issued outside the region whose code
     * starts with {@code regionPrefix} (e.g. "3309": registered elsewhere, so likely to live or work elsewhere).
     * Decrypts the numbers of the scope's members to read their first six digits; nothing leaves but the region.
     */
    public List<PartyMemberRef> partyMembersRegisteredOutside(String regionPrefix, OrgScope scope) {
        return queries.partyMembersRegisteredOutside(regionPrefix, scope);
    }

    public List<PersonCard> cards(Collection<Long> ids, OrgScope scope, LocalDate today) {
        return queries.cards(ids, scope, today);
    }
}

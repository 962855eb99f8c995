package cn.zugong.people.internal;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class PeopleApiController {

    private final RosterQueries queries;
    private final RosterSearch search;
    private final PeopleScope peopleScope;
    private final AuditTrail audit;

    PeopleApiController(RosterQueries queries, RosterSearch search, PeopleScope peopleScope, AuditTrail audit) {
        this.queries = queries;
        this.search = search;
        this.peopleScope = peopleScope;
        this.audit = audit;
    }

    @GetMapping("/people")
    PageResult<PersonSummary> people(@ModelAttribute RosterFilter filter, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size, CurrentUser user) {
        return search.page(filter, peopleScope.of(user, filter.nodeId()), PageResult.clampPage(page),
                PageResult.clampSize(size), user, "API");
    }

    @GetMapping("/people/{id}")
    PersonDetail person(@PathVariable long id, CurrentUser user) {
        PersonDetail person = queries.detail(id, user.scope());
        audit.record(AuditEvent.read("person", id, "查看人员信息（API）"));
        return person;
    }

    @GetMapping("/party-members")
    PageResult<PartyMemberSummary> partyMembers(PartyMemberFilter f, CurrentUser user) {
        return queries.partyMembers(f.q(), f.status(), f.mobile(), peopleScope.of(user, f.nodeId()),
                PageResult.clampPage(f.page()), PageResult.clampSize(f.size()));
    }
}

package cn.zugong.people.internal;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterVocabulary;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 干部名册 list with search, filters and paging; the person page; the party-member list. */
@Controller
class PeopleController {

    private final RosterQueries queries;
    private final RosterSearch search;
    private final PeopleScope peopleScope;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final PersonTimeline timeline;

    PeopleController(RosterQueries queries, RosterSearch search, PeopleScope peopleScope, OrgTree tree,
                     AuditTrail audit, PersonTimeline timeline) {
        this.timeline = timeline;
        this.queries = queries;
        this.search = search;
        this.peopleScope = peopleScope;
        this.tree = tree;
        this.audit = audit;
    }

    @GetMapping("/people")
    String list(@ModelAttribute("filter") RosterFilter filter, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, CurrentUser user, Model model) {
        var scope = peopleScope.of(user, filter.nodeId());
        model.addAttribute("result", search.page(filter, scope,
                PageResult.clampPage(page), PageResult.clampSize(size), user, "页面"));
        model.addAttribute("scopeNode", tree.get(scope.nodeId(), user.scope()));
        model.addAttribute("vocabulary", Vocabulary.INSTANCE);
        model.addAttribute("canEdit", user.role().canEditRoster());
        model.addAttribute("query", RosterFilterQuery.of(filter));
        return "people/list";
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("person", queries.detail(id, user.scope()));
        // read only once the scope check above has passed
        model.addAttribute("standing", timeline.standing(id));
        model.addAttribute("timeline", timeline.of(id));
        audit.record(AuditEvent.read("person", id, "查看人员信息（页面）"));
        return "people/person";
    }

    @GetMapping("/party-members")
    String partyMembers(PartyMemberFilter f, CurrentUser user, Model model) {
        var scope = peopleScope.of(user, f.nodeId());
        model.addAttribute("result", queries.partyMembers(f.q(), f.status(), f.mobile(), scope,
                PageResult.clampPage(f.page()), 20));
        model.addAttribute("scopeNode", tree.get(scope.nodeId(), user.scope()));
        model.addAttribute("q", f.q());
        model.addAttribute("nodeId", f.nodeId());
        model.addAttribute("status", f.status());
        model.addAttribute("mobile", f.mobile());
        model.addAttribute("statuses", RosterVocabulary.PARTY_MEMBER_STATUSES);
        return "people/party-members";
    }

    /** The vocabulary lists for filter drop-downs in templates. */
    record Vocabulary() {
        static final Vocabulary INSTANCE = new Vocabulary();

        public java.util.List<String> genders() {
            return RosterVocabulary.GENDERS;
        }

        public java.util.List<String> educations() {
            return RosterVocabulary.EDUCATIONS;
        }

        public java.util.List<String> ranks() {
            return RosterVocabulary.RANKS;
        }

        public java.util.List<String> politicalStatuses() {
            return RosterVocabulary.POLITICAL_STATUSES;
        }

        public java.util.List<String> sources() {
            return RosterVocabulary.SOURCES;
        }
    }
}

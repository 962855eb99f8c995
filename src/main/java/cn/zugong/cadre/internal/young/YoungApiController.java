package cn.zugong.cadre.internal.young;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.YoungCadreFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.young.YoungViews.Cadre;
import cn.zugong.cadre.internal.young.YoungViews.CohortMember;
import cn.zugong.cadre.internal.young.YoungViews.Note;
import cn.zugong.cadre.internal.young.YoungViews.Posting;
import cn.zugong.cadre.internal.young.YoungViews.Ranking;
import cn.zugong.people.YoungCadreRoster;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of 年轻干部 (the pages' mirror): the same service, access rule and scope. Bodies are string maps. */
@RestController
class YoungApiController {

    record Detail(Cadre cadre, List<Note> notes, List<Posting> postings) {
    }

    record Created(long id) {
    }

    /** Request bodies (records, so the attack suite knows their fields). */
    record ProposeBody(String cohort, String personId, String level) {
    }

    record ReviewBody(String result, String reason) {
    }

    record MentorBody(String mentorId) {
    }

    record NoteBody(String metOn, String content) {
    }

    record PostingBody(String kind, String hostUnit, String post, String startsOn, String endsOn) {
    }

    record EndBody(String grade, String comment) {
    }

    record ExitBody(String reason) {
    }

    record RankBody(String year) {
    }

    record Qualifier(long id, String name, String gender, int age, String education, String rankLevel,
                     String postLevel, String unitName) {
    }

    private final YoungService service;
    private final YoungStore store;
    private final EntryRules rules;
    private final YoungCadreRoster roster;
    private final YoungCadreFigures figures;
    private final CadreAccess access;
    private final AuditTrail audit;

    YoungApiController(YoungService service, YoungStore store, EntryRules rules, YoungCadreRoster roster,
                       YoungCadreFigures figures, CadreAccess access, AuditTrail audit) {
        this.service = service;
        this.store = store;
        this.rules = rules;
        this.roster = roster;
        this.figures = figures;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/cadres/young")
    List<Cadre> list(@RequestParam(required = false) String status, @RequestParam(required = false) String level,
                     CurrentUser user) {
        access.requireRead(user);
        String s = YoungController.blank(status);
        if (s != null && !YoungController.STATUSES.contains(s)) {
            throw new BadRequestException("「status」无效：" + s);
        }
        String l = YoungController.blank(level);
        if (l != null && !rules.has(l)) {
            throw new BadRequestException("「level」无效：" + l);
        }
        List<Cadre> rows = store.cadres(user.scope(), s, l, 1000);
        audit.record(AuditEvent.read("young_cadre", user.scope().nodeId(), "接口查看年轻干部库 " + rows.size() + " 人"));
        return rows;
    }

    @GetMapping("/api/cadres/young/rules")
    List<EntryRules.Rule> rules(CurrentUser user) {
        access.requireRead(user);
        return rules.all();
    }

    @GetMapping("/api/cadres/young/qualifying")
    List<Qualifier> qualifying(@RequestParam(required = false) String level, CurrentUser user) {
        access.requireRead(user);
        EntryRules.Rule rule = rules.of(level == null || level.isBlank() ? rules.all().get(0).level() : level);
        var today = service.now().toLocalDate();
        List<Qualifier> rows = roster.qualifying(rule.criteria(), user.scope(), today, 2000).stream()
                .map(c -> new Qualifier(c.id(), c.name(), c.gender(), c.age(today), c.education(), c.rankLevel(),
                        c.postLevel(), c.unitName())).toList();
        audit.record(AuditEvent.read("young_cadre", user.scope().nodeId(), "接口查看符合入库条件人员 " + rows.size() + " 人"));
        return rows;
    }

    @PostMapping("/api/cadres/young")
    Created propose(@RequestBody ProposeBody body, CurrentUser user) {
        String cohort = YoungController.blank(body.cohort());
        return new Created(service.propose(user, Forms.id(body.personId(), "personId"), body.level(),
                cohort == null ? null : Forms.number(cohort, "cohort", 2000, 2100)));
    }

    @GetMapping("/api/cadres/young/{id}")
    Detail detail(@PathVariable long id, CurrentUser user) {
        Cadre c = service.read(user, id);
        audit.record(AuditEvent.read("young_cadre", id, "接口查看年轻干部：" + c.name()));
        return new Detail(c, store.notes(id), store.postings(id));
    }

    @PostMapping("/api/cadres/young/{id}/review")
    Cadre review(@PathVariable long id, @RequestBody ReviewBody body, CurrentUser user) {
        service.review(user, id, body.result(), body.reason());
        return store.cadre(id).orElseThrow();
    }

    @PostMapping("/api/cadres/young/{id}/mentor")
    Cadre mentor(@PathVariable long id, @RequestBody MentorBody body, CurrentUser user) {
        service.mentor(user, id, Forms.id(body.mentorId(), "mentorId"));
        return store.cadre(id).orElseThrow();
    }

    @PostMapping("/api/cadres/young/{id}/notes")
    Created note(@PathVariable long id, @RequestBody NoteBody body, CurrentUser user) {
        return new Created(service.note(user, id, body.metOn(), body.content()));
    }

    @PostMapping("/api/cadres/young/{id}/postings")
    Created posting(@PathVariable long id, @RequestBody PostingBody body, CurrentUser user) {
        return new Created(service.openPosting(user, id, body.kind(), body.hostUnit(), body.post(),
                body.startsOn(), body.endsOn()));
    }

    @PostMapping("/api/cadres/young/postings/{postingId}/end")
    Posting end(@PathVariable long postingId, @RequestBody EndBody body, CurrentUser user) {
        service.endPosting(user, postingId, body.grade(), body.comment());
        return store.posting(postingId).orElseThrow();
    }

    @PostMapping("/api/cadres/young/{id}/exit")
    Cadre exit(@PathVariable long id, @RequestBody ExitBody body, CurrentUser user) {
        service.exit(user, id, body.reason());
        return store.cadre(id).orElseThrow();
    }

    @GetMapping("/api/cadres/young/cohorts")
    List<CohortMember> cohorts(CurrentUser user) {
        access.requireRead(user);
        var rows = store.cohorts(user.scope());
        audit.record(AuditEvent.read("young_cadre", user.scope().nodeId(), "接口查看选调生 " + rows.size() + " 人"));
        return rows;
    }

    @GetMapping("/api/cadres/young/figures")
    YoungCadreFigures.Figures figures(@RequestParam(required = false) Integer year, CurrentUser user) {
        access.requireRead(user);
        return figures.of(user.scope(), year == null ? service.now().getYear() : year);
    }

    @GetMapping("/api/cadres/young/ranking")
    List<Ranking> ranking(@RequestParam(required = false) Integer year, CurrentUser user) {
        access.requireRead(user);
        return store.ranking(user.scope(), year == null ? service.now().getYear() : year);
    }

    @PostMapping("/api/cadres/young/ranking")
    Map<String, Integer> rank(@RequestBody RankBody body, CurrentUser user) {
        return Map.of("ranked", service.rank(user, Forms.number(body.year(), "year", 2000, 2100)));
    }
}

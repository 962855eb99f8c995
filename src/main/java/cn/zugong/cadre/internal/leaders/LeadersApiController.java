package cn.zugong.cadre.internal.leaders;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.LeadershipFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.leaders.LeaderViews.Claim;
import cn.zugong.cadre.internal.leaders.LeaderViews.Handover;
import cn.zugong.cadre.internal.leaders.LeaderViews.Item;
import cn.zugong.cadre.internal.leaders.LeaderViews.Note;
import cn.zugong.cadre.internal.leaders.LeaderViews.Task;
import cn.zugong.cadre.internal.young.Forms;
import cn.zugong.people.LeadershipRoster;
import cn.zugong.shared.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of 一把手 / 离任交接 / 揭榜出征 (the pages' mirror): the same service, access rule and scope. */
@RestController
class LeadersApiController {

    record Created(long id) {
    }

    /** Request bodies (records, so the attack suite knows their fields). */
    record NoteBody(String notedOn, String kind, String content) {
    }

    /** {@code appointmentId}: the 选拔任用纪实 that moves the leader out (optional; the latest one when absent). */
    record OpenHandoverBody(String townshipId, String leavingId, String receivingId, String leavesOn,
                            String appointmentId) {
    }

    record ConfirmBody(String note) {
    }

    record SignBody(String side) {
    }

    record PostTaskBody(String title, String description, String capacity, String startsOn, String endsOn) {
    }

    record ClaimBody(String personId) {
    }

    record ProgressBody(String progress) {
    }

    record FinishBody(String result) {
    }

    record HandoverDetail(Handover handover, List<Item> items, HandoverLinks.Leaving appointment) {
    }

    record TaskDetail(Task task, List<Claim> claims) {
    }

    record LeaderNotes(LeadershipRoster.Leader leader, List<Note> notes) {
    }

    private final LeadersService service;
    private final LeadersStore store;
    private final LeadershipRoster roster;
    private final LeadershipFigures figures;
    private final CadreAccess access;
    private final AuditTrail audit;
    private final HandoverLinks links;

    LeadersApiController(LeadersService service, LeadersStore store, LeadershipRoster roster, LeadershipFigures figures,
                         CadreAccess access, AuditTrail audit, HandoverLinks links) {
        this.links = links;
        this.service = service;
        this.store = store;
        this.roster = roster;
        this.figures = figures;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/cadres/leaders/heads")
    List<LeadershipRoster.Leader> heads(@RequestParam(required = false) String level, CurrentUser user) {
        access.requireRead(user);
        var rows = roster.heads(user.scope(), level == null || level.isBlank() ? null
                : Forms.choice(level, List.of("厅局级正职", "县处级正职", "乡科级正职"), "level"), 2000);
        audit.record(AuditEvent.read("leader_note", user.scope().nodeId(), "接口查看一把手名单 " + rows.size() + " 人"));
        return rows;
    }

    @GetMapping("/api/cadres/leaders/people/{personId}")
    LeaderNotes person(@PathVariable long personId, CurrentUser user) {
        var l = service.person(user, personId);
        audit.record(AuditEvent.read("leader_note", personId, "接口查看一把手履职跟踪：" + l.name()));
        return new LeaderNotes(l, store.notesOf(personId));
    }

    @PostMapping("/api/cadres/leaders/people/{personId}/notes")
    Created note(@PathVariable long personId, @RequestBody NoteBody body, CurrentUser user) {
        return new Created(service.note(user, personId, body.notedOn(), body.kind(), body.content()));
    }

    @GetMapping("/api/cadres/leaders/handovers")
    List<Handover> handovers(@RequestParam(required = false) String status, CurrentUser user) {
        access.requireRead(user);
        var rows = store.handovers(user.scope(), status == null || status.isBlank() ? null
                : Forms.choice(status, List.of("OPEN", "DONE"), "status"), 1000);
        audit.record(AuditEvent.read("leader_handover", user.scope().nodeId(), "接口查看离任交接 " + rows.size() + " 件"));
        return rows;
    }

    @PostMapping("/api/cadres/leaders/handovers")
    Created openHandover(@RequestBody OpenHandoverBody body, CurrentUser user) {
        return new Created(service.openHandover(user, Forms.id(body.townshipId(), "townshipId"),
                Forms.id(body.leavingId(), "leavingId"), Forms.id(body.receivingId(), "receivingId"),
                body.leavesOn(), Forms.optionalId(body.appointmentId(), "appointmentId")));
    }

    @GetMapping("/api/cadres/leaders/handovers/{id}")
    HandoverDetail handover(@PathVariable long id, CurrentUser user) {
        Handover h = service.handover(user, id);
        audit.record(AuditEvent.read("leader_handover", id, "接口查看离任交接：" + h.leavingName()));
        return new HandoverDetail(h, store.items(id), h.appointmentId() == null ? null
                : links.leaving(h.appointmentId()).orElse(null));
    }

    @PostMapping("/api/cadres/leaders/handovers/{id}/items/{itemId}/confirm")
    HandoverDetail confirm(@PathVariable long id, @PathVariable long itemId,
                           @RequestBody(required = false) ConfirmBody body, CurrentUser user) {
        service.confirmItem(user, id, itemId, body == null ? null : body.note());
        Handover h = store.handover(id).orElseThrow();
        return new HandoverDetail(h, store.items(id), h.appointmentId() == null ? null
                : links.leaving(h.appointmentId()).orElse(null));
    }

    @PostMapping("/api/cadres/leaders/handovers/{id}/sign")
    Handover sign(@PathVariable long id, @RequestBody SignBody body, CurrentUser user) {
        service.sign(user, id, body.side());
        return store.handover(id).orElseThrow();
    }

    @PostMapping("/api/cadres/leaders/handovers/{id}/complete")
    Handover complete(@PathVariable long id, CurrentUser user) {
        service.complete(user, id);
        return store.handover(id).orElseThrow();
    }

    @GetMapping("/api/cadres/leaders/tasks")
    List<Task> tasks(CurrentUser user) {
        access.requireRead(user);
        return store.tasks(user.scope(), 1000);
    }

    @PostMapping("/api/cadres/leaders/tasks")
    Created postTask(@RequestBody PostTaskBody body, CurrentUser user) {
        return new Created(service.postTask(user, body.title(), body.description(), body.capacity(),
                body.startsOn(), body.endsOn()));
    }

    @GetMapping("/api/cadres/leaders/tasks/{id}")
    TaskDetail task(@PathVariable long id, CurrentUser user) {
        Task t = service.task(user, id);
        var claims = store.claims(id);
        audit.record(AuditEvent.read("frontline_task", id, "接口查看揭榜任务及揭榜干部 " + claims.size() + " 人"));
        return new TaskDetail(t, claims);
    }

    @PostMapping("/api/cadres/leaders/tasks/{id}/claims")
    Created claim(@PathVariable long id, @RequestBody ClaimBody body, CurrentUser user) {
        return new Created(service.claimTask(user, id, Forms.id(body.personId(), "personId")));
    }

    @PostMapping("/api/cadres/leaders/tasks/{id}/close")
    Task close(@PathVariable long id, CurrentUser user) {
        service.close(user, id);
        return store.task(id).orElseThrow();
    }

    @PostMapping("/api/cadres/leaders/claims/{claimId}/progress")
    Claim progress(@PathVariable long claimId, @RequestBody ProgressBody body, CurrentUser user) {
        service.progress(user, claimId, body.progress());
        return store.claim(claimId).orElseThrow();
    }

    @PostMapping("/api/cadres/leaders/claims/{claimId}/finish")
    Claim finish(@PathVariable long claimId, @RequestBody FinishBody body, CurrentUser user) {
        service.finish(user, claimId, body.result());
        return store.claim(claimId).orElseThrow();
    }

    @GetMapping("/api/cadres/leaders/figures")
    LeadershipFigures.Figures figures(@RequestParam(required = false) Integer year, CurrentUser user) {
        access.requireRead(user);
        return figures.of(user.scope(), year == null ? service.now().getYear() : year);
    }
}

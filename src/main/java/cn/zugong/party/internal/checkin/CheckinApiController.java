package cn.zugong.party.internal.checkin;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.party.internal.checkin.CheckinForms.DecisionForm;
import cn.zugong.party.internal.checkin.CheckinForms.LogForm;
import cn.zugong.party.internal.checkin.CheckinForms.PairingForm;
import cn.zugong.party.internal.checkin.CheckinForms.PostForm;
import cn.zugong.party.internal.checkin.CheckinViews.Log;
import cn.zugong.party.internal.checkin.CheckinViews.Member;
import cn.zugong.party.internal.checkin.CheckinViews.Pairing;
import cn.zugong.party.internal.checkin.CheckinViews.Post;
import cn.zugong.party.internal.checkin.CheckinViews.Registration;
import cn.zugong.party.internal.checkin.CheckinViews.Village;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.web.FormFields;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The office's JSON API of 党员报到 (the pages' mirror); the same access rules and service. */
@RestController
class CheckinApiController {

    /** A member as the API shows one: no ID number, no phone. */
    record MemberView(long id, String name, long branchId, String branchName) {
        static MemberView of(Member m) {
            return new MemberView(m.id(), m.name(), m.branchId(), m.branchName());
        }
    }

    record VillageView(long id, String code, String name, String townshipName, String countyName,
                       String branchName, List<Registration> registrations, List<Post> posts, List<Log> logs) {
    }

    record MemberRecord(MemberView member, List<Registration> registrations, List<Post> posts, List<Log> logs) {
    }

    record Created(long id) {
    }

    record LogOnBehalf(String memberId, String postId, String servedOn, String what, String whom,
                       String elderlyVisits, String fundsYuan, String projects) {
    }

    private final CheckinAccess access;
    private final CheckinStore store;
    private final CheckinService service;
    private final CheckinController pages;
    private final AuditTrail audit;

    CheckinApiController(CheckinAccess access, CheckinStore store, CheckinService service, CheckinController pages,
                         AuditTrail audit) {
        this.access = access;
        this.store = store;
        this.service = service;
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping("/api/party/checkin/registrations")
    List<Registration> registrations(@RequestParam(required = false) String status,
                                     @RequestParam(required = false) Long villageId, CurrentUser user) {
        CheckinAccess.requireOffice(user);
        if (status != null && !List.of("PENDING", "ACTIVE", "REFUSED", "ENDED").contains(status)) {
            throw new BadRequestException("「status」无效：" + status);
        }
        List<Registration> rows = store.registrationsInScope(user.scope(), status, villageId, 500);
        audit.record(AuditEvent.read("checkin_registration", user.scope().nodeId(), "接口查看报到名单 " + rows.size() + " 条"));
        return rows;
    }

    @GetMapping("/api/party/checkin/registrations/{id}")
    Registration registration(@PathVariable long id, CurrentUser user) {
        Registration r = access.registration(user, id);
        audit.record(AuditEvent.read("checkin_registration", id, "查看报到：" + r.memberName()));
        return r;
    }

    @PostMapping("/api/party/checkin/registrations/{id}/confirm")
    Registration confirm(@PathVariable long id, CurrentUser user) {
        service.decide(access.registrationToWrite(user, id), true, null, user.username());
        return store.registration(id).orElseThrow();
    }

    @PostMapping("/api/party/checkin/registrations/{id}/refuse")
    Registration refuse(@PathVariable long id, @RequestBody(required = false) DecisionForm form, CurrentUser user) {
        service.decide(access.registrationToWrite(user, id), false, form == null ? null : form.refusal(),
                user.username());
        return store.registration(id).orElseThrow();
    }

    @PostMapping("/api/party/checkin/registrations/{id}/end")
    Registration end(@PathVariable long id, CurrentUser user) {
        service.end(access.registrationToWrite(user, id), user.username());
        return store.registration(id).orElseThrow();
    }

    @GetMapping("/api/party/checkin/villages/{id}")
    VillageView village(@PathVariable long id, CurrentUser user) {
        Village v = access.village(user, id);
        audit.record(AuditEvent.read("checkin_village", id, "接口查看" + v.name() + "的报到党员和服务记录"));
        return new VillageView(v.id(), v.code(), v.name(), v.townshipName(), v.countyName(), v.branchName(),
                store.registrationsInScope(user.scope(), null, v.id(), 500), store.postsOfVillage(v.id()),
                store.logsOfVillage(v.id(), 200));
    }

    @PostMapping("/api/party/checkin/villages/{id}/posts")
    Post publish(@PathVariable long id, @RequestBody PostForm form, CurrentUser user) {
        CheckinAccess.requireVillageWriter(user);
        Village v = access.village(user, id);
        return store.post(service.publish(v, form, user.username())).orElseThrow();
    }

    @GetMapping("/api/party/checkin/posts/{id}")
    Map<String, Object> post(@PathVariable long id, CurrentUser user) {
        Post p = access.post(user, id);
        return Map.of("post", p, "claimants", store.claimantsOf(id));
    }

    @PostMapping("/api/party/checkin/posts/{id}/close")
    Post close(@PathVariable long id, CurrentUser user) {
        CheckinAccess.requireVillageWriter(user);
        service.close(access.post(user, id), user.username());
        return store.post(id).orElseThrow();
    }

    @PostMapping("/api/party/checkin/villages/{id}/logs")
    Log logOnBehalf(@PathVariable long id, @RequestBody LogOnBehalf form, CurrentUser user) {
        CheckinAccess.requireVillageWriter(user);
        Village v = access.village(user, id);
        Member m = access.memberToLogFor(user, FormFields.id(form.memberId(), "党员"));
        long logId = service.log(m, new LogForm(String.valueOf(v.id()), form.postId(), form.servedOn(), form.what(),
                form.whom(), form.elderlyVisits(), form.fundsYuan(), form.projects()), List.of(), user.username(), true);
        return store.log(logId).orElseThrow();
    }

    @GetMapping("/api/party/checkin/members/{id}")
    MemberRecord member(@PathVariable long id, CurrentUser user) {
        Member m = access.member(user, id);
        boolean own = user.scope().contains(m.branchPath());
        return new MemberRecord(MemberView.of(m),
                store.registrationsOfMember(id).stream().filter(r -> own || access.villageInScope(user, r.villageId()))
                        .toList(),
                store.claimedBy(id).stream().filter(p -> own || access.villageInScope(user, p.villageId())).toList(),
                store.logsOfMember(id, 200).stream().filter(l -> own || access.villageInScope(user, l.villageId()))
                        .toList());
    }

    @GetMapping("/api/party/checkin/pairings")
    List<Pairing> pairings(CurrentUser user) {
        CheckinAccess.requireOffice(user);
        return store.pairingsInScope(user.scope());
    }

    @PostMapping("/api/party/checkin/pairings")
    Created addPairing(@RequestBody PairingForm form, CurrentUser user) {
        return new Created(pages.addPairing(form, user));
    }

    @PostMapping("/api/party/checkin/pairings/{id}/delete")
    Map<String, Object> deletePairing(@PathVariable long id, CurrentUser user) {
        pages.removePairing(id, user);
        return Map.of("deleted", id);
    }
}

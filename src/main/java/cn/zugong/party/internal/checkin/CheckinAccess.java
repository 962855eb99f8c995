package cn.zugong.party.internal.checkin;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.party.internal.checkin.CheckinViews.Log;
import cn.zugong.party.internal.checkin.CheckinViews.Member;
import cn.zugong.party.internal.checkin.CheckinViews.Post;
import cn.zugong.party.internal.checkin.CheckinViews.Registration;
import cn.zugong.party.internal.checkin.CheckinViews.Village;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in 党员报到 (ADR 069). The office sees a village's records when the village lies in its
 * scope, and a member's records when the member's branch lies in it (the member's own party organisation);
 * anything else answers 404. The village's writes (confirm, refuse, end, posts, logs on a member's behalf) are
 * REPORTER's and ADMIN's; pairings are ADMIN's. A party member reaches only their own member row.
 */
@Component
public class CheckinAccess {

    private final CheckinStore store;
    private final AuditTrail audit;

    CheckinAccess(CheckinStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    public static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色无权访问党员报到");
        }
    }

    public static boolean canWriteVillage(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.REPORTER;
    }

    public static void requireVillageWriter(CurrentUser user) {
        requireOffice(user);
        if (!canWriteVillage(user)) {
            throw new ForbiddenException("只有村（社区）填报员和组织部管理员可以办理报到、发布岗位和代记服务记录");
        }
    }

    public static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有组织部管理员可以维护联系点和结对村");
        }
    }

    public Village village(CurrentUser user, long villageId) {
        requireOffice(user);
        return store.village(villageId).filter(v -> user.scope().contains(v.path()))
                .orElseThrow(() -> new NotFoundException("村（社区）不存在或不在您的管理范围内：" + villageId));
    }

    /** A registration the caller sees: the village or the member's branch in scope. */
    public Registration registration(CurrentUser user, long id) {
        requireOffice(user);
        Registration r = store.registration(id).orElseThrow(() -> notFound("报到记录", id));
        if (villageInScope(user, r.villageId()) || memberInScope(user, r.memberId())) {
            return r;
        }
        throw notFound("报到记录", id);
    }

    /** A registration the caller may decide or end: its village in scope and a village writer's role. */
    public Registration registrationToWrite(CurrentUser user, long id) {
        requireVillageWriter(user);
        Registration r = registration(user, id);
        if (!villageInScope(user, r.villageId())) {
            throw new ForbiddenException("只有报到村（社区）及其上级可以办理该报到");
        }
        return r;
    }

    public Post post(CurrentUser user, long id) {
        requireOffice(user);
        Post p = store.post(id).orElseThrow(() -> notFound("服务岗位", id));
        if (!villageInScope(user, p.villageId())) {
            throw notFound("服务岗位", id);
        }
        return p;
    }

    /** A member the caller sees (branch in scope, or reported with a village in scope); the read is audited. */
    public Member member(CurrentUser user, long id) {
        requireOffice(user);
        Member m = store.member(id).orElseThrow(() -> notFound("党员", id));
        boolean ownBranch = user.scope().contains(m.branchPath());
        boolean reportedHere = !ownBranch && store.registrationsOfMember(id).stream()
                .anyMatch(r -> villageInScope(user, r.villageId()));
        if (!ownBranch && !reportedHere) {
            throw notFound("党员", id);
        }
        audit.record(AuditEvent.read("party_member", id, "查看党员报到情况：" + m.name()));
        return m;
    }

    /** A member the caller may log for: a village writer, the member reported with a village in scope. */
    public Member memberToLogFor(CurrentUser user, long id) {
        requireVillageWriter(user);
        return member(user, id);
    }

    public Log log(CurrentUser user, long id) {
        requireOffice(user);
        Log l = store.log(id).orElseThrow(() -> notFound("服务记录", id));
        if (villageInScope(user, l.villageId()) || memberInScope(user, l.memberId())) {
            return l;
        }
        throw notFound("服务记录", id);
    }

    /** The party member behind a PARTY_MEMBER account. */
    public Member me(CurrentUser user) {
        if (!user.role().isPartyMember()) {
            throw new ForbiddenException("只有党员本人可以使用");
        }
        return store.memberByUsername(user.username())
                .orElseThrow(() -> new NotFoundException("您的账户尚未关联党员信息，请联系所在党组织"));
    }

    public boolean villageInScope(CurrentUser user, long villageId) {
        return store.village(villageId).map(v -> user.scope().contains(v.path())).orElse(false);
    }

    public boolean memberInScope(CurrentUser user, long memberId) {
        return store.member(memberId).map(m -> user.scope().contains(m.branchPath())).orElse(false);
    }

    private static NotFoundException notFound(String what, long id) {
        return new NotFoundException(what + "不存在或不在您的管理范围内：" + id);
    }
}

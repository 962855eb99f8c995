package cn.zugong.party.internal.checkin;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.party.CheckinPostKind;
import cn.zugong.party.CheckinPostRole;
import cn.zugong.party.CheckinReason;
import cn.zugong.party.internal.checkin.CheckinForms.LogForm;
import cn.zugong.party.internal.checkin.CheckinForms.PostForm;
import cn.zugong.party.internal.checkin.CheckinForms.RegisterForm;
import cn.zugong.party.internal.checkin.CheckinViews.Member;
import cn.zugong.party.internal.checkin.CheckinViews.Post;
import cn.zugong.party.internal.checkin.CheckinViews.Registration;
import cn.zugong.party.internal.checkin.CheckinViews.Village;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Photos;
import cn.zugong.shared.Upload;
import cn.zugong.shared.web.FormFields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of 党员报到: registering (reason checked), the village's decision, ending; posts, claims within the
 * capacity, withdrawals; service logs with photos. Callers have checked who may do it (CheckinAccess); every method
 * is one transaction and audited with the actor named.
 */
@Service
public class CheckinService {

    private final CheckinStore store;
    private final RegistrationRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    CheckinService(CheckinStore store, RegistrationRules rules, AuditTrail audit, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    public Village village(long id) {
        return store.village(id).orElseThrow(() -> new NotFoundException("村（社区）不存在：" + id));
    }

    // ------------------------------------------------------------------ registrations

    public long register(Member m, RegisterForm form, String actor) {
        return register(m, form, actor, LocalDateTime.now(clock));
    }

    @Transactional
    public long register(Member m, RegisterForm form, String actor, LocalDateTime at) {
        long villageId = FormFields.id(form.villageId(), "报到村（社区）");
        CheckinReason reason = CheckinForms.choice(CheckinReason.class, form.reason(), "报到理由");
        Village v = village(villageId);
        LocalDate from = FormFields.date(form.livedFrom(), "工作生活起始日期", false);
        LocalDate to = FormFields.date(form.livedTo(), "工作生活截止日期", false);
        String declaration = reason == CheckinReason.FORMER_RESIDENT ? FormFields.blankToNull(form.declaration()) : null;
        String basis = rules.check(m, v, reason, from, to, declaration, at.toLocalDate());
        store.openRegistration(m.id(), v.id()).ifPresent(r -> {
            throw new ConflictException("您已在" + v.name() + "报到（" + r.statusLabel() + "），不能重复报到");
        });
        boolean lived = reason == CheckinReason.FORMER_RESIDENT;
        long id;
        try {
            id = store.insertRegistration(m.id(), v.id(), reason, lived ? from : null, lived ? to : null, declaration,
                    basis, actor, at);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("您已在" + v.name() + "报到，不能重复报到");
        }
        audit.record(new AuditEvent(AuditAction.CREATE, "checkin_registration", String.valueOf(id),
                m.name() + " 以" + reason.label() + "向" + v.name() + "报到", null,
                Map.of("member", m.id(), "village", v.id(), "reason", reason.name()), actor));
        return id;
    }

    public void decide(Registration r, boolean confirm, String refusal, String actor) {
        decide(r, confirm, refusal, actor, LocalDateTime.now(clock));
    }

    @Transactional
    public void decide(Registration r, boolean confirm, String refusal, String actor, LocalDateTime at) {
        String why = confirm ? null : FormFields.text(refusal, "不通过理由", 200, true);
        if (store.decide(r.id(), confirm, why, actor, at) == 0) {
            throw new ConflictException("该报到已处理（" + r.statusLabel() + "），不能再次" + (confirm ? "确认" : "退回"));
        }
        audit.record(new AuditEvent(AuditAction.UPDATE, "checkin_registration", String.valueOf(r.id()),
                (confirm ? "确认报到：" : "报到不通过：") + r.memberName() + " → " + r.villageName()
                        + (why == null ? "" : "（" + why + "）"), null, null, actor));
    }

    /** Ends an active registration (the member leaves, or the village ends it); the member's claims there go. */
    @Transactional
    public void end(Registration r, String actor) {
        LocalDateTime now = LocalDateTime.now(clock);
        for (long post : store.openClaimsAt(r.memberId(), r.villageId())) {
            if (store.withdrawClaim(r.memberId(), post, now) == 1) {
                store.freePlace(post);
            }
        }
        if (store.end(r.id(), actor, now.toLocalDate()) == 0) {
            throw new ConflictException("只有已报到的记录可以结束（当前：" + r.statusLabel() + "）");
        }
        audit.record(new AuditEvent(AuditAction.UPDATE, "checkin_registration", String.valueOf(r.id()),
                "结束报到：" + r.memberName() + " ← " + r.villageName(), null, null, actor));
    }

    // ------------------------------------------------------------------ posts and claims

    public long publish(Village v, PostForm f, String actor) {
        return publish(v, f, actor, LocalDateTime.now(clock));
    }

    @Transactional
    public long publish(Village v, PostForm f, String actor, LocalDateTime at) {
        CheckinPostKind kind = CheckinForms.choice(CheckinPostKind.class, f.kind(), "岗位类别");
        CheckinPostRole role = CheckinForms.choice(CheckinPostRole.class, f.role(), "岗位角色");
        String title = FormFields.text(f.title(), "岗位名称", 60, true);
        String description = FormFields.text(f.description(), "岗位说明", 500, false);
        if (FormFields.blankToNull(f.capacity()) == null) {
            throw new BadRequestException("请填写「名额」");
        }
        int capacity = CheckinForms.count(f.capacity(), "名额", 1, 1000);
        LocalDate from = FormFields.date(f.startsOn(), "开始日期", true);
        LocalDate to = FormFields.date(f.endsOn(), "结束日期", true);
        if (to.isBefore(from)) {
            throw new BadRequestException("「结束日期」不能早于「开始日期」");
        }
        long id = store.insertPost(v.id(), kind, role, title, description, capacity, from, to, actor, at);
        audit.record(new AuditEvent(AuditAction.CREATE, "checkin_post", String.valueOf(id),
                v.name() + " 发布服务岗位「" + title + "」" + capacity + " 个名额", null, null, actor));
        return id;
    }

    /**
     * Claims a place: the member must be reported (confirmed) with the post's village and hold no place on it yet;
     * the place is taken by one conditional UPDATE (see {@link CheckinStore#takePlace}), so concurrent claims never
     * pass the capacity, and a second claim of the same member loses on the unique open claim and rolls back.
     */
    public long claim(Member m, Post p, String actor) {
        return claim(m, p, actor, LocalDateTime.now(clock));
    }

    @Transactional
    public long claim(Member m, Post p, String actor, LocalDateTime at) {
        if (p.closed() || p.endsOn().isBefore(at.toLocalDate())) {
            throw new ConflictException("岗位「" + p.title() + "」已结束认领");
        }
        Registration r = store.openRegistration(m.id(), p.villageId()).filter(x -> x.status().equals("ACTIVE"))
                .orElseThrow(() -> new BadRequestException("您尚未在" + p.villageName()
                        + "完成报到（须经村党组织确认），不能认领其服务岗位"));
        if (store.hasOpenClaim(m.id(), p.id())) {
            throw new ConflictException("您已认领岗位「" + p.title() + "」");
        }
        if (store.takePlace(p.id()) == 0) {
            throw new ConflictException("岗位「" + p.title() + "」名额已满（" + p.capacity() + " 个）");
        }
        long id;
        try {
            id = store.insertClaim(p.id(), m.id(), r.id(), at);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("您已认领岗位「" + p.title() + "」");
        }
        audit.record(new AuditEvent(AuditAction.CREATE, "checkin_claim", String.valueOf(id),
                m.name() + " 认领岗位「" + p.title() + "」", null, null, actor));
        return id;
    }

    @Transactional
    public void withdraw(Member m, Post p, String actor) {
        if (store.withdrawClaim(m.id(), p.id(), LocalDateTime.now(clock)) == 0) {
            throw new ConflictException("您没有认领岗位「" + p.title() + "」");
        }
        store.freePlace(p.id());
        audit.record(new AuditEvent(AuditAction.UPDATE, "checkin_claim", String.valueOf(p.id()),
                m.name() + " 退出岗位「" + p.title() + "」", null, null, actor));
    }

    @Transactional
    public void close(Post p, String actor) {
        if (p.closed()) {
            throw new ConflictException("岗位「" + p.title() + "」已停止认领");
        }
        store.close(p.id());
        audit.record(new AuditEvent(AuditAction.UPDATE, "checkin_post", String.valueOf(p.id()),
                "停止认领岗位「" + p.title() + "」", null, null, actor));
    }

    // ------------------------------------------------------------------ logs

    /**
     * A service log of a member reported (confirmed) with the village: on or after the day the report was confirmed,
     * not in the future; the post, if named, one the member holds there. Photos are checked before anything is saved.
     */
    public long log(Member m, LogForm f, List<Upload> photos, String actor, boolean onBehalf) {
        return log(m, f, photos, actor, onBehalf, LocalDateTime.now(clock));
    }

    @Transactional
    public long log(Member m, LogForm f, List<Upload> photos, String actor, boolean onBehalf, LocalDateTime now) {
        long villageId = FormFields.id(f.villageId(), "服务村（社区）");
        Registration r = store.openRegistration(m.id(), villageId).filter(x -> x.status().equals("ACTIVE"))
                .orElseThrow(() -> new BadRequestException("「服务村（社区）」：" + m.name() + "尚未在该村完成报到"));
        Long postId = FormFields.id(f.postId(), "服务岗位", false);
        if (postId != null && !store.hasOpenClaim(m.id(), postId)) {
            throw new BadRequestException("「服务岗位」：只能选择本人在该村认领的岗位");
        }
        if (postId != null && store.post(postId).map(p -> p.villageId() != villageId).orElse(true)) {
            throw new BadRequestException("「服务岗位」：该岗位不属于所选村（社区）");
        }
        LocalDate on = FormFields.date(f.servedOn(), "服务日期", true);
        if (on.isAfter(now.toLocalDate())) {
            throw new BadRequestException("「服务日期」不能晚于今天");
        }
        if (r.reportedOn() != null && on.isBefore(r.reportedOn())) {
            throw new BadRequestException("「服务日期」不能早于报到确认日期 " + r.reportedOn());
        }
        String what = FormFields.text(f.what(), "服务内容", 500, true);
        String whom = FormFields.text(f.whom(), "服务对象", 300, false);
        int elderly = CheckinForms.count(f.elderlyVisits(), "走访老年群众（人次）", 0, 1000);
        BigDecimal funds = CheckinForms.yuan(f.fundsYuan(), "争取资金（元）");
        String projects = FormFields.text(f.projects(), "引进项目或技术", 300, false);
        List<Photos.Checked> checked = Photos.check(photos);
        long id = store.insertLog(new CheckinStore.NewLog(m.id(), villageId, r.id(), postId, on, what, whom, elderly,
                funds, projects, actor, onBehalf), now);
        checked.forEach(p -> store.insertPhoto(id, p, actor, now));
        audit.record(new AuditEvent(AuditAction.CREATE, "checkin_log", String.valueOf(id),
                (onBehalf ? "代记服务记录：" : "服务记录：") + m.name() + " @ " + r.villageName() + " " + on, null, null,
                actor));
        return id;
    }
}

package cn.zugong.cadre.internal.leaders;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.leaders.LeaderViews.Claim;
import cn.zugong.cadre.internal.leaders.LeaderViews.Handover;
import cn.zugong.cadre.internal.leaders.LeaderViews.Task;
import cn.zugong.cadre.internal.young.Forms;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.LeadershipRoster;
import cn.zugong.people.LeadershipRoster.FormerLeader;
import cn.zugong.people.LeadershipRoster.Leader;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of 一把手 tracking, 离任交接 and 揭榜出征. Each one transaction, audited; scope first (404), then the role
 * (403), then the step (409 with what is wrong); the store's conditional updates are the last guard, so two clicks
 * at once never pass a state twice nor a task's capacity.
 */
@Service
public class LeadersService {

    static final List<String> NOTE_KINDS = List.of("DUTY", "TALK", "PROBLEM", "PRAISE");

    private final LeadersStore store;
    private final LeadershipRoster roster;
    private final OrgTree tree;
    private final CadreAccess access;
    private final AuditTrail audit;
    private final HandoverLinks links;
    private final Clock clock;

    LeadersService(LeadersStore store, LeadershipRoster roster, OrgTree tree, CadreAccess access, AuditTrail audit,
                   HandoverLinks links, Clock clock) {
        this.links = links;
        this.store = store;
        this.roster = roster;
        this.tree = tree;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    // ------------------------------------------------------------------ reading with the scope

    public Leader person(CurrentUser user, long personId) {
        access.requireRead(user);
        return roster.person(personId, user.scope()).orElseThrow(() -> new NotFoundException("人员不存在：" + personId));
    }

    public Handover handover(CurrentUser user, long id) {
        access.requireRead(user);
        Handover h = store.handover(id).orElseThrow(() -> new NotFoundException("离任交接不存在：" + id));
        if (!user.scope().contains(h.townshipPath())) {
            throw new NotFoundException("离任交接不存在：" + id);
        }
        return h;
    }

    public Task task(CurrentUser user, long id) {
        access.requireRead(user);
        Task t = store.task(id).orElseThrow(() -> new NotFoundException("揭榜任务不存在：" + id));
        if (!user.scope().contains(t.nodePath())) {
            throw new NotFoundException("揭榜任务不存在：" + id);
        }
        return t;
    }

    public Claim claim(CurrentUser user, long id) {
        Claim c = store.claim(id).orElseThrow(() -> new NotFoundException("揭榜记录不存在：" + id));
        task(user, c.taskId());
        return c;
    }

    // ------------------------------------------------------------------ 一把手 履职跟踪

    @Transactional
    public long note(CurrentUser user, long personId, String notedOn, String kind, String content) {
        Leader l = person(user, personId);
        access.requireWrite(user, l.unitPath());
        LocalDate on = Forms.date(notedOn, "日期");
        String k = Forms.choice(kind, NOTE_KINDS, "类别");
        String text = Forms.text(content, "内容", 2000);
        if (l.postLevel() == null || !l.postLevel().endsWith("正职")) {
            throw new BadRequestException(l.name() + "未担任正职领导职务（" + (l.postLevel() == null ? "无领导职务" : l.postLevel())
                    + "），不是“一把手”，不能记录履职跟踪");
        }
        if (on.isAfter(now().toLocalDate())) {
            throw new BadRequestException("「日期」不能晚于今天");
        }
        long id = store.insertNote(l.id(), l.unitId(), on, k, text, user.username(), now());
        audit.record(AuditEvent.of(AuditAction.CREATE, "leader_note", id, "一把手履职跟踪：" + l.name()));
        return id;
    }

    // ------------------------------------------------------------------ 离任交接

    @Transactional
    /**
     * Opens the handover of a leader leaving a township, linked to the 选拔任用纪实 that moves them out when there is one
     * ({@code appointmentId}, or the latest such record of the leader when null): with it, a leader already moved by
     * the record's 任职 may still hand over, the post given up being the record's 拟免职务, and the 离任日期 defaults to
     * the 任职 day.
     */
    public long openHandover(CurrentUser user, long townshipId, long leavingId, long receivingId, String leavesOn,
                             Long appointmentId) {
        access.requireRead(user);
        OrgNode town = tree.byId(townshipId).filter(n -> user.scope().contains(n.path()))
                .orElseThrow(() -> new NotFoundException("镇乡（街道）不存在：" + townshipId));
        access.requireWrite(user, town.path());
        if (town.kind() != NodeKind.TOWNSHIP) {
            throw new BadRequestException(town.name() + "不是镇乡（街道），离任交接只用于镇乡（街道）领导");
        }
        Leader leaving = person(user, leavingId);
        Leader receiving = person(user, receivingId);
        if (leaving.id() == receiving.id()) {
            throw new BadRequestException("离任领导和接任领导不能是同一人");
        }
        List<HandoverLinks.Leaving> candidates = links.candidates(leaving.id(), town.id());
        HandoverLinks.Leaving link = appointmentId == null ? candidates.stream().findFirst().orElse(null)
                : candidates.stream().filter(c -> c.appointmentId() == appointmentId).findFirst()
                        .orElseThrow(() -> new BadRequestException("选拔任用纪实 " + appointmentId + " 不是" + leaving.name()
                                + "调离" + town.name() + "的任用记录（或已终止、已关联其他离任交接）"));
        boolean inTown = leaving.unitPath().startsWith(town.path());
        if (!inTown && link == null) {
            throw new BadRequestException(leaving.name() + "不在" + town.name() + "任职，也没有调离" + town.name()
                    + "的选拔任用纪实，不能办理该镇乡的离任交接");
        }
        if (inTown ? leaving.postLevel() == null && (link == null || link.leavePost() == null)
                : link.leavePost() == null) {
            throw new BadRequestException(leaving.name() + "未担任领导职务" + (link == null ? "" : "（选拔任用纪实未写拟免职务）")
                    + "，无需离任交接");
        }
        LocalDate on = (leavesOn == null || leavesOn.isBlank()) && link != null && link.effectiveOn() != null
                ? link.effectiveOn() : Forms.date(leavesOn, "离任日期");
        if (receiving.postLevel() == null) {
            throw new BadRequestException(receiving.name() + "未担任领导职务，不能作为接任领导");
        }
        long id;
        try {
            id = store.insertHandover(town.id(), leaving.id(), receiving.id(), link == null ? null : link.appointmentId(),
                    on, user.username(), now());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(leaving.name() + "已有未完成的离任交接（或该任用纪实已关联离任交接），不能重复发起");
        }
        audit.record(AuditEvent.of(AuditAction.CREATE, "leader_handover", id,
                "发起离任交接：" + town.name() + " " + leaving.name() + " → " + receiving.name()
                        + (link == null ? "" : "（选拔任用纪实 " + link.appointmentId() + "）")));
        return id;
    }

    Handover handoverToWrite(CurrentUser user, long id) {
        Handover h = handover(user, id);
        access.requireWrite(user, h.townshipPath());
        if (!"OPEN".equals(h.status())) {
            throw new ConflictException("该离任交接已完成，不能再修改");
        }
        return h;
    }

    @Transactional
    public void confirmItem(CurrentUser user, long id, long itemId, String note) {
        Handover h = handoverToWrite(user, id);
        var item = store.items(id).stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new NotFoundException("交接事项不存在：" + itemId));
        if (item.confirmedAt() != null) {
            throw new ConflictException("「" + item.title() + "」已确认，不能重复确认");
        }
        if (h.leavingSignedAt() != null || h.receivingSignedAt() != null) {
            throw new ConflictException("已有一方签字，交接清单不能再改动");
        }
        if (!store.confirmItem(id, itemId, Forms.optional(note, 500, "说明"), user.username(), now())) {
            throw new ConflictException("「" + item.title() + "」的状态已变化，不能确认");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "leader_handover", id, "确认交接事项：" + item.title()));
    }

    /** A side's signature (LEAVING / RECEIVING) recorded by the signing account; the two by different accounts. */
    @Transactional
    public void sign(CurrentUser user, long id, String side) {
        Handover h = handoverToWrite(user, id);
        boolean leaving = "LEAVING".equals(Forms.choice(side, List.of("LEAVING", "RECEIVING"), "签字方"));
        String who = leaving ? "离任领导" + h.leavingName() : "接任领导" + h.receivingName();
        if (h.confirmed() < h.items()) {
            throw new ConflictException("交接清单尚有" + (h.items() - h.confirmed()) + "项未确认，" + who + "不能签字");
        }
        if ((leaving ? h.leavingSignedAt() : h.receivingSignedAt()) != null) {
            throw new ConflictException(who + "已签字，不能重复签字");
        }
        String other = leaving ? h.receivingSignedBy() : h.leavingSignedBy();
        if (user.username().equals(other)) {
            throw new ConflictException("双方签字须由不同账号确认：" + user.username() + "已代表另一方签字");
        }
        if (!store.sign(id, leaving, user.username(), now())) {
            throw new ConflictException(who + "的签字未能记录：交接状态已变化");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "leader_handover", id, who + "签字确认离任交接"));
    }

    @Transactional
    public void complete(CurrentUser user, long id) {
        Handover h = handoverToWrite(user, id);
        if (h.confirmed() < h.items()) {
            throw new ConflictException("交接清单尚有" + (h.items() - h.confirmed()) + "项未确认，不能完成交接");
        }
        if (h.leavingSignedAt() == null || h.receivingSignedAt() == null) {
            throw new ConflictException("尚缺" + (h.leavingSignedAt() == null ? "离任领导" : "接任领导") + "签字，不能完成交接");
        }
        if (!store.complete(id, user.username(), now())) {
            throw new ConflictException("离任交接的状态已变化，不能完成");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "leader_handover", id,
                "完成离任交接：" + h.townshipName() + " " + h.leavingName()));
    }

    // ------------------------------------------------------------------ 揭榜出征

    @Transactional
    public long postTask(CurrentUser user, String title, String description, String capacity, String startsOn,
                         String endsOn) {
        access.requireWrite(user, user.scope().path());
        String t = Forms.text(title, "任务名称", 100);
        String d = Forms.optional(description, 2000, "任务说明");
        int cap = Forms.number(capacity, "揭榜名额", 1, 1000);
        LocalDate from = Forms.date(startsOn, "起始日期");
        LocalDate to = Forms.date(endsOn, "截止日期");
        if (to.isBefore(from)) {
            throw new BadRequestException("「截止日期」不能早于「起始日期」");
        }
        long id = store.insertTask(user.scope().nodeId(), t, d, cap, from, to, user.username(), now());
        audit.record(AuditEvent.of(AuditAction.CREATE, "frontline_task", id, "发布揭榜任务：" + t + "（" + cap + "人）"));
        return id;
    }

    /** Records a claim of the task by a cadre who left a leading post (checked on the roster's history). */
    @Transactional
    public long claimTask(CurrentUser user, long taskId, long personId) {
        Task t = task(user, taskId);
        access.requireWrite(user, t.nodePath());
        Leader p = person(user, personId);
        FormerLeader former = roster.former(personId, user.scope()).orElseThrow(() -> new BadRequestException(
                p.name() + (p.postLevel() != null ? "现任" + p.postLevel() + "，" : "未曾担任领导职务，")
                        + "不属于退出领导岗位干部，不能揭榜"));
        if (!"OPEN".equals(t.status())) {
            throw new ConflictException("「" + t.title() + "」已关闭，不能揭榜");
        }
        if (t.endsOn().isBefore(now().toLocalDate())) {
            throw new ConflictException("「" + t.title() + "」已过截止日期" + t.endsOn() + "，不能揭榜");
        }
        long id;
        try {
            id = store.insertClaim(taskId, personId, former.basis(), user.username(), now());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(p.name() + "已揭此榜，不能重复揭榜");
        }
        if (!store.takePlace(taskId, now().toLocalDate())) {
            throw new ConflictException("「" + t.title() + "」名额已满（" + t.capacity() + "人），不能揭榜");
        }
        audit.record(AuditEvent.of(AuditAction.CREATE, "frontline_claim", id, "揭榜出征：" + p.name() + " → " + t.title()));
        return id;
    }

    @Transactional
    public void progress(CurrentUser user, long claimId, String progress) {
        Claim c = claim(user, claimId);
        access.requireWrite(user, task(user, c.taskId()).nodePath());
        String text = Forms.text(progress, "攻坚进展", 2000);
        if (!store.progress(claimId, text)) {
            throw new ConflictException(c.personName() + "的揭榜任务已完成，不能再更新进展");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "frontline_claim", claimId, "更新攻坚进展：" + c.personName()));
    }

    @Transactional
    public void finish(CurrentUser user, long claimId, String result) {
        Claim c = claim(user, claimId);
        access.requireWrite(user, task(user, c.taskId()).nodePath());
        String text = Forms.text(result, "攻坚成效", 2000);
        if (!store.finish(claimId, text, now().toLocalDate())) {
            throw new ConflictException(c.personName() + "的揭榜任务已完成，不能重复完成");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "frontline_claim", claimId, "揭榜任务完成：" + c.personName()));
    }

    @Transactional
    public void close(CurrentUser user, long taskId) {
        Task t = task(user, taskId);
        access.requireWrite(user, t.nodePath());
        if (!store.close(taskId)) {
            throw new ConflictException("「" + t.title() + "」已关闭");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "frontline_task", taskId, "关闭揭榜任务：" + t.title()));
    }
}

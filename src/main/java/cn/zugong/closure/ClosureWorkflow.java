package cn.zugong.closure;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.closure.internal.ClosureAccess;
import cn.zugong.closure.internal.ClosureKinds;
import cn.zugong.closure.internal.ClosureRepository;
import cn.zugong.closure.internal.EvidencePolicy;
import cn.zugong.closure.internal.Transitions;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Upload;
import cn.zugong.shared.UploadedFiles;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the closure workflow. Each step checks scope (404), role (403) and status (a
 * {@link ClosureRuleException} with the Chinese reason), changes the item, appends to its history,
 * records before/after in the audit trail and publishes its event — all in one transaction.
 * Pages and APIs take a step by its name through {@link #apply}, the one place that maps names onto steps; the
 * typed methods below are for code that takes a known step (a sitting's decision, the demo).
 */
@Service
public class ClosureWorkflow {

    /** What a step's text may hold: the measures, result or note is also the step's entry in the history. */
    static final int NOTE_MAX = 2000;

    /** What a page needs after a step: the item now (null if the caller no longer sees it) and the message. */
    public record StepResult(ClosureItem item, String message) {
    }

    private final ClosureItems items;
    private final ClosureKinds kinds;
    private final ClosureRepository repository;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClosureWorkflow(ClosureItems items, ClosureKinds kinds, ClosureRepository repository, OrgTree tree,
                    AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.kinds = kinds;
        this.repository = repository;
        this.tree = tree;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Takes the step named {@code action} (case-insensitive, as routes spell it) on an item of {@code kind}: a
     * standard step the kind takes (its own rule first, then scope, role and status), or one of the kind's extra
     * steps, handed to its {@link ExtraSteps}. An unknown name, or an item of another kind, answers 404.
     */
    @Transactional
    public StepResult apply(String kind, long itemId, String action, StepInput input, CurrentUser user) {
        ClosureKind k = kinds.get(kind);
        String name = action.toUpperCase(Locale.ROOT);
        StepInput in = input == null ? StepInput.NONE : input;
        Optional<ExtraStep> extra = k.extraSteps().steps().stream().filter(s -> s.name().equals(name)).findFirst();
        if (extra.isPresent()) {
            // the kind decides who may take its own steps, possibly beyond the owner's scope: no scope check here
            repository.find(itemId).filter(i -> i.kind().equals(kind)).orElseThrow(() -> notFound(itemId));
            k.extraSteps().take(extra.get(), itemId, in, user);
            return new StepResult(visible(itemId, user), "已" + extra.get().label() + "。");
        }
        ClosureAction step = k.actions().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("没有这个操作：" + action));
        ClosureItem item = items.get(itemId, user);
        if (!item.kind().equals(kind)) {
            throw notFound(itemId);
        }
        String refused = k.extraSteps().refuses(step, item);
        if (refused != null) {
            throw new ClosureRuleException(refused);
        }
        ClosureItem after = switch (step) {
            case ASSIGN -> assign(itemId, in.assignee(), in.deadline(), in.note(), user);
            case START -> start(itemId, in.note(), user);
            case PROGRESS -> progress(itemId, in.note(), user);
            case RESOLVE -> resolve(itemId, in.note(), user);
            case VERIFY -> verify(itemId, in.note(), user);
            case REJECT -> reject(itemId, in.note(), user);
            case CLOSE -> close(itemId, in.note(), user);
            case REOPEN -> reopen(itemId, in.note(), in.deadline(), user);
            case TRANSFER -> {
                if (in.toUnitId() == null) {
                    throw new ClosureRuleException("请选择转办单位");
                }
                yield transfer(itemId, in.toUnitId(), in.note(), in.deadline(), user);
            }
            case INSTRUCT -> instruct(itemId, in.note(), user);
            case ANSWER -> answer(itemId, in.note(), user);
            case REGISTER, ESCALATE, ATTACH -> throw new IllegalStateException("not a step by name: " + step);
        };
        return new StepResult(ClosureAccess.sees(user, after) ? after : null, "已" + k.label(step) + "。");
    }

    /**
     * The steps the user may take on the item now, as pages offer them: the kind's extra steps it offers, then
     * the standard steps in the order of {@link ClosureAction} that the kind takes, the role and status allow,
     * the kind does not refuse and no offered extra step stands in for. Evidence uploads are not among them
     * ({@link ClosureItems#can} with {@link ClosureAction#ATTACH}).
     */
    public List<ClosureStep> offered(String kind, long itemId, CurrentUser user) {
        ClosureKind k = kinds.get(kind);
        ClosureItem item = visible(itemId, user);
        List<ClosureStep> steps = new ArrayList<>();
        Set<ClosureAction> replaced = EnumSet.noneOf(ClosureAction.class);
        for (ExtraStep s : k.extraSteps().steps()) {
            if (k.extraSteps().offers(s, itemId, item != null && item.kind().equals(kind) ? item : null, user)) {
                steps.add(ClosureStep.of(s));
                replaced.addAll(s.replaces());
            }
        }
        if (item == null || !item.kind().equals(kind)) {
            return steps;
        }
        for (ClosureAction a : ClosureAction.values()) {
            if (k.actions().contains(a) && !replaced.contains(a) && items.can(item, a, user)
                    && k.extraSteps().refuses(a, item) == null) {
                steps.add(ClosureStep.of(a, k.label(a), k.prompt(a)));
            }
        }
        return steps;
    }

    private ClosureItem visible(long itemId, CurrentUser user) {
        return repository.find(itemId).filter(i -> ClosureAccess.sees(user, i)).orElse(null);
    }

    private static NotFoundException notFound(long itemId) {
        return new NotFoundException("事项不存在或不在您的管理范围内：" + itemId);
    }

    /** 交办: to the owner unit, with the responsible person and (optionally) a new deadline. */
    @Transactional
    public ClosureItem assign(long id, String assignee, LocalDate deadline, String note, CurrentUser user) {
        Map<String, Object> set = new LinkedHashMap<>();
        if (assignee != null && !assignee.isBlank()) {
            set.put("assignee", limit(assignee, "责任人", 100));
        }
        if (deadline != null) {
            set.put("deadline", futureDeadline(deadline));
        }
        return step(id, ClosureAction.ASSIGN, note, set, user);
    }

    /** 开始整改 with the measures (整改措施), which are required. */
    @Transactional
    public ClosureItem start(long id, String measures, CurrentUser user) {
        return step(id, ClosureAction.START, required(measures, ClosureAction.START.prompt()),
                Map.of("measures", limit(measures, ClosureAction.START.prompt(), NOTE_MAX)), user);
    }

    /** Updates the measures while in progress (a progress report). */
    @Transactional
    public ClosureItem progress(long id, String measures, CurrentUser user) {
        return step(id, ClosureAction.PROGRESS, required(measures, ClosureAction.PROGRESS.prompt()),
                Map.of("measures", limit(measures, ClosureAction.PROGRESS.prompt(), NOTE_MAX)), user);
    }

    /** 办结: the unit reports the result (required); the item waits for verification. */
    @Transactional
    public ClosureItem resolve(long id, String resolution, CurrentUser user) {
        return step(id, ClosureAction.RESOLVE, required(resolution, ClosureAction.RESOLVE.prompt()),
                Map.of("resolution", limit(resolution, ClosureAction.RESOLVE.prompt(), NOTE_MAX)), user);
    }

    /** 核验通过 by a reviewer or administrator above the owner unit. */
    @Transactional
    public ClosureItem verify(long id, String note, CurrentUser user) {
        return step(id, ClosureAction.VERIFY, note, Map.of(), user);
    }

    /** 核验退回: back to the unit with the reason (required). */
    @Transactional
    public ClosureItem reject(long id, String reason, CurrentUser user) {
        return step(id, ClosureAction.REJECT, required(reason, ClosureAction.REJECT.prompt()), Map.of(), user);
    }

    /** 销号: only a verified item can be closed. */
    @Transactional
    public ClosureItem close(long id, String note, CurrentUser user) {
        ClosureItem closed = step(id, ClosureAction.CLOSE, note, Map.of("closed_at", LocalDateTime.now(clock)), user);
        events.publishEvent(new ClosureEvents.ItemClosed(closed.id(), closed.kind(), closed.sourceRef(),
                closed.ownerNodeId(), closed.closedAt()));
        return closed;
    }

    /** 重新打开 a closed item (the problem came back), with the reason and optionally a new deadline. */
    @Transactional
    public ClosureItem reopen(long id, String reason, LocalDate deadline, CurrentUser user) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("closed_at", null);
        set.put("escalation", 0);
        set.put("escalated_to_node_id", null);
        if (deadline != null) {
            set.put("deadline", futureDeadline(deadline));
        }
        ClosureItem item = step(id, ClosureAction.REOPEN, required(reason, ClosureAction.REOPEN.prompt()), set, user);
        events.publishEvent(new ClosureEvents.ItemReopened(item.id(), item.kind(), item.sourceRef(), reason));
        return item;
    }

    /**
     * 转办 to another unit inside the administrator's scope, with the reason (required); the new unit gets
     * the item as assigned, escalation starts again, optionally with a new deadline.
     */
    @Transactional
    public ClosureItem transfer(long id, long toUnitId, String reason, LocalDate deadline, CurrentUser user) {
        ClosureItem before = items.get(id, user);
        Transitions.check(ClosureAction.TRANSFER, before.status(), items.permissions(before, user));
        OrgNode to = tree.get(toUnitId, user.scope());
        if (!to.isUnit()) {
            throw new ClosureRuleException("只能转办给单位：「" + to.name() + "」不是单位");
        }
        if (to.id() == before.ownerNodeId()) {
            throw new ClosureRuleException("转办单位与当前责任单位相同：" + to.name());
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("owner_node_id", to.id());
        set.put("escalation", 0);
        set.put("escalated_to_node_id", null);
        if (deadline != null) {
            set.put("deadline", futureDeadline(deadline));
        }
        String why = required(reason, ClosureAction.TRANSFER.prompt());
        ClosureItem item = step(id, ClosureAction.TRANSFER, "由「" + before.ownerName() + "」转办至「" + to.name()
                + "」，理由：" + why, set, user);
        events.publishEvent(new ClosureEvents.ItemTransferred(item.id(), item.kind(), item.sourceRef(),
                before.ownerNodeId(), to.id(), why));
        return item;
    }

    /** 领导批示: shown first on the item and open until the unit answers. */
    @Transactional
    public ClosureItem instruct(long id, String instruction, CurrentUser user) {
        return step(id, ClosureAction.INSTRUCT, required(instruction, ClosureAction.INSTRUCT.prompt()), Map.of("instruction_open", true),
                user);
    }

    /** 答复批示: the unit answers the open instruction. */
    @Transactional
    public ClosureItem answer(long id, String answer, CurrentUser user) {
        if (!items.get(id, user).instructionOpen()) {
            throw new ClosureRuleException("该事项没有待答复的领导批示");
        }
        return step(id, ClosureAction.ANSWER, required(answer, ClosureAction.ANSWER.prompt()), Map.of("instruction_open", false), user);
    }

    /** Evidence (佐证材料), checked by {@link EvidencePolicy}: type, size, count. */
    @Transactional
    public Attachment attach(long id, String fileName, byte[] bytes, CurrentUser user) {
        return attach(id, Upload.of(fileName, bytes), user);
    }

    /** As above; the upload is read only after the caller's rights and the policy's limits are checked. */
    @Transactional
    public Attachment attach(long id, Upload upload, CurrentUser user) {
        ClosureItem item = items.get(id, user);
        Transitions.check(ClosureAction.ATTACH, item.status(), items.permissions(item, user));
        return store(id, upload, user);
    }

    /**
     * Evidence the registrant brings with a new item (a problem ticket's photos, a complaint letter): only the
     * user who registered it, only while it is still just registered (before it is assigned). Same checks
     * as {@link #attach}.
     */
    @Transactional
    public Attachment attachToRegistration(long id, Upload upload, CurrentUser user) {
        ClosureItem item = items.get(id, user);
        if (item.status() != ClosureStatus.REGISTERED || !item.registeredBy().equals(user.username())) {
            throw new ClosureRuleException("只有登记人可以在交办前上传登记材料");
        }
        return store(id, upload, user);
    }

    /**
     * 退回 by a rule of the registering module rather than by a reviewer's judgement — a problem ticket whose
     * requester was not satisfied at the callback (回访不满意) goes back to the unit. From RESOLVED only, recorded
     * under the user who reported it; the registering module decides who may report it (see ADR 031), so the
     * reviewer role is not required here. Only for items of {@code kind}.
     */
    @Transactional
    public ClosureItem rejectByRule(String kind, long id, String reason, CurrentUser user) {
        ClosureItem before = items.get(id, user);
        if (!before.kind().equals(kind)) {
            throw new NotFoundException("事项不存在：" + id);
        }
        if (before.status() != ClosureStatus.RESOLVED) {
            throw new ClosureRuleException("当前状态为「" + before.status().label() + "」，不能退回：只有「"
                    + ClosureStatus.RESOLVED.label() + "」的事项可以退回");
        }
        return move(before, ClosureAction.REJECT, ClosureStatus.IN_PROGRESS,
                required(reason, ClosureAction.REJECT.prompt()), Map.of(), user);
    }

    /** Name, size, count and type first; the bytes are read only then, and checked against the extension. */
    private Attachment store(long id, Upload upload, CurrentUser user) {
        String fileName = upload.fileName();
        String type = EvidencePolicy.check(fileName, upload.size(), repository.attachmentCount(id));
        byte[] bytes = upload.bytes();
        EvidencePolicy.checkContent(fileName, bytes);
        String sha = UploadedFiles.sha256(bytes);
        LocalDateTime now = LocalDateTime.now(clock);
        long attachmentId = repository.insertAttachment(id, fileName, type, bytes, sha, user.username(), now);
        repository.event(id, now, user.username(), user.displayName(), ClosureAction.ATTACH, null, null,
                fileName + "（" + (bytes.length + 1023) / 1024 + " KB）");
        audit.record(new AuditEvent(AuditAction.CREATE, "closure_attachment", String.valueOf(attachmentId),
                "上传佐证材料：事项 " + id + " · " + fileName, null,
                Map.of("item", id, "file", fileName, "size", bytes.length, "sha256", sha), null));
        return repository.attachments(id).stream().filter(a -> a.id() == attachmentId).findFirst().orElseThrow();
    }

    private ClosureItem step(long id, ClosureAction action, String note, Map<String, Object> set, CurrentUser user) {
        ClosureItem before = items.get(id, user);
        Transitions.Rule rule = Transitions.check(action, before.status(), items.permissions(before, user));
        return move(before, action, rule.to(), note, set, user);
    }

    /** Moves the item to {@code next} (null: the status stays), records the event, audits, publishes. */
    private ClosureItem move(ClosureItem before, ClosureAction action, ClosureStatus next, String note,
                             Map<String, Object> set, CurrentUser user) {
        long id = before.id();
        ClosureStatus to = next == null ? before.status() : next;
        LocalDateTime now = LocalDateTime.now(clock);
        if (!repository.update(id, before.status(), to, set, now)) {
            throw new ClosureRuleException("事项状态已被他人更改，请刷新后重试");
        }
        repository.event(id, now, user.username(), user.displayName(), action, before.status(),
                next == null ? null : to, note == null || note.isBlank() ? null
                        : limit(note, Objects.requireNonNullElse(action.prompt(), "说明"), NOTE_MAX));
        ClosureItem after = repository.find(id).orElseThrow();
        audit.record(new AuditEvent(action == ClosureAction.INSTRUCT ? AuditAction.CREATE : AuditAction.UPDATE,
                "closure_item", String.valueOf(id), action.label() + "：" + before.title(), snapshot(before),
                snapshot(after), null));
        if (before.status() != to) {
            events.publishEvent(new ClosureEvents.StatusChanged(id, after.kind(), after.sourceRef(), before.status(),
                    to, user.username()));
        }
        return after;
    }

    private static Map<String, Object> snapshot(ClosureItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", i.status().name());
        m.put("owner", i.ownerNodeId());
        m.put("deadline", String.valueOf(i.deadline()));
        m.put("assignee", i.assignee());
        m.put("measures", i.measures());
        m.put("resolution", i.resolution());
        m.put("escalation", i.escalation().name());
        m.put("instructionOpen", i.instructionOpen());
        return m;
    }

    private LocalDate futureDeadline(LocalDate deadline) {
        if (deadline.isBefore(LocalDate.now(clock))) {
            throw new ClosureRuleException("整改期限不能早于今天：" + deadline);
        }
        return deadline;
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new ClosureRuleException("请填写" + what);
        }
        return text.strip();
    }

    /** Over-long text is refused with the field's name, never cut short (the one text rule, ADR 040). */
    private static String limit(String text, String field, int max) {
        String s = text.strip();
        if (s.length() > max) {
            throw new ClosureRuleException(field + "过长（不超过 " + max + " 个字）");
        }
        return s;
    }
}

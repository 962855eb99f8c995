package cn.zugong.talent.internal.recognition;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.Upload;
import cn.zugong.shared.UploadedFiles;
import cn.zugong.talent.TalentEvents;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.recognition.RecognitionModel.Case;
import cn.zugong.talent.internal.recognition.RecognitionModel.Evidence;
import cn.zugong.talent.internal.recognition.RecognitionModel.Objection;
import cn.zugong.talent.internal.recognition.RecognitionModel.Opinion;
import cn.zugong.talent.internal.recognition.RecognitionModel.Route;
import cn.zugong.talent.internal.recognition.RecognitionModel.Status;
import cn.zugong.talent.internal.recognition.RecognitionModel.Tally;
import cn.zugong.talent.internal.recognition.RecognitionRepository.NewCase;
import cn.zugong.talent.internal.recognition.RecognitionRules.Evaluation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三位一体认定 cases (ADR 057): 申报 → 审核 → (特殊认定: the committee's opinions; 举荐认定: the 委员's vote) → 公示
 * for N working days with objections → 认定 (the level on the talent, a numbered certificate, {@link
 * TalentEvents.Recognised}) or 不予认定; a decided case may be revoked ({@link TalentEvents.RecognitionRevoked}).
 * The office sees the cases of its scope (404 outside); only ADMIN acts (403). Every step is audited.
 */
@Service
public class RecognitionService {

    static final Set<String> EVIDENCE_TYPES = Set.of("pdf", "jpg", "jpeg", "png", "docx", "xlsx");
    static final long MAX_EVIDENCE = 10L * 1024 * 1024;
    static final int MAX_EVIDENCE_FILES = 20;

    private final RecognitionRepository repository;
    private final RecognitionRules rules;
    private final TalentStore talents;
    private final TalentAccess access;
    private final WorkCalendar calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecognitionService(RecognitionRepository repository, RecognitionRules rules, TalentStore talents,
                       TalentAccess access, WorkCalendar calendar, AuditTrail audit, ApplicationEventPublisher events,
                       Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.talents = talents;
        this.access = access;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What a step needs; only the fields of the step are read. */
    public record Step(String note, String level, String memberName, Boolean agree, String raisedBy, String content,
                       LocalDate receivedOn, Long objectionId, Boolean upheld) {
        public static Step note(String note) {
            return new Step(note, null, null, null, null, null, null, null, null);
        }
    }

    /** A new case: the talent, the route, the level applied for (举荐: the group), and what the application says. */
    public record Application(Long talentId, String route, String claimedLevel, Long groupId, String summary) {
    }

    public RecognitionRules rules() {
        return rules;
    }

    // ---------------------------------------------------------------- reads

    public Case get(long id, CurrentUser user) {
        return repository.find(id).filter(c -> sees(user, c))
                .orElseThrow(() -> new NotFoundException("认定案件不存在或不在您的管理范围内：" + id));
    }

    static boolean sees(CurrentUser user, Case c) {
        return user.role().isOffice() && user.scope().contains(c.nodePath());
    }

    public PageResult<Case> find(RecognitionRepository.Filter filter, Integer page, Integer size, CurrentUser user) {
        requireOffice(user);
        return repository.find(user.scope(), filter, PageResult.clampPage(page), PageResult.clampSize(size));
    }

    public Map<String, Long> counts(CurrentUser user) {
        requireOffice(user);
        return repository.countsByStatus(user.scope());
    }

    /** The 常规认定 rules applied to a talent the user sees, as of today. */
    public Evaluation evaluate(long talentId, CurrentUser user) {
        requireOffice(user);
        TalentRecord t = access.talent(talentId, user);
        return rules.evaluate(t, LocalDate.now(clock));
    }

    public List<RecognitionModel.Event> history(Case c) {
        return repository.events(c.id());
    }

    public List<Evidence> evidence(Case c) {
        return repository.evidence(c.id());
    }

    public List<Opinion> opinions(Case c) {
        return repository.opinions(c.id());
    }

    public List<Objection> objections(Case c) {
        return repository.objections(c.id());
    }

    public byte[] evidenceContent(long caseId, long evidenceId, CurrentUser user) {
        Case c = get(caseId, user);
        audit.record(AuditEvent.read("talent_recognition_evidence", evidenceId, "下载认定佐证材料：" + c.caseNo()));
        return repository.evidenceContent(caseId, evidenceId)
                .orElseThrow(() -> new NotFoundException("佐证材料不存在：" + evidenceId));
    }

    public Evidence evidenceOf(long caseId, long evidenceId, CurrentUser user) {
        Case c = get(caseId, user);
        return repository.evidence(c.id()).stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new NotFoundException("佐证材料不存在：" + evidenceId));
    }

    // ---------------------------------------------------------------- writes

    @Transactional
    public Case open(Application a, CurrentUser user) {
        requireOffice(user);
        if (a.talentId() == null) {
            throw new BadRequestException("人才编号 talentId：必填");
        }
        TalentRecord t = access.talent(a.talentId(), user);
        TalentAccess.requireAdmin(user);
        Route route = Route.parse(a.route());
        if (route == null) {
            throw new BadRequestException("认定途径 route：必填（REGULAR 常规认定、SPECIAL 特殊认定、NOMINATED 举荐认定）");
        }
        String summary = a.summary() == null ? "" : a.summary().strip();
        if (summary.isEmpty() || summary.length() > 2000) {
            throw new BadRequestException("申报说明 summary：必填，不超过2000字");
        }
        String claimed = a.claimedLevel() == null || a.claimedLevel().isBlank() ? null : a.claimedLevel().strip();
        if (claimed != null && rules.classification().level(claimed).isEmpty()) {
            throw new BadRequestException("申报等级 claimedLevel：应为 A–E，实际为“" + claimed + "”");
        }
        repository.openCaseOf(t.id()).ifPresent(open -> {
            throw new ConflictException(t.name() + "已有办理中的认定案件 " + open.caseNo() + "（" + open.status().label()
                    + "），办结后才能再次申报");
        });
        LocalDate today = LocalDate.now(clock);
        Evaluation e = rules.evaluate(t, today);
        Long groupId = null;
        String fast = null;
        String fastRule = null;
        Status status = Status.SUBMITTED;
        switch (route) {
            case REGULAR -> {
                if (e.level() == null && e.directRecognition() == null) {
                    throw new ConflictException("不符合任何常规认定规则，不能走常规认定：" + e.reason()
                            + "。可改走特殊认定或举荐认定");
                }
                if (e.directRecognition() != null) {
                    fast = "TO_RECOGNITION";
                    fastRule = e.directRecognition().id();
                }
            }
            case SPECIAL -> {
                if (claimed == null) {
                    throw new BadRequestException("申报等级 claimedLevel：特殊认定须写明申报等级");
                }
                fast = e.fastTrack();
                fastRule = e.directRecognition() != null ? e.directRecognition().id()
                        : e.directFinal() != null ? e.directFinal().id() : null;
                if ("TO_FINAL".equals(fast)) {
                    status = Status.COMMITTEE; // 直通终评: no 初审, straight to the committee
                }
            }
            case NOMINATED -> {
                if (a.groupId() == null) {
                    throw new BadRequestException("举荐小组 groupId：举荐认定须选择举荐小组");
                }
                RecognitionModel.Group g = repository.group(a.groupId()).filter(x -> user.scope().contains(
                        nodePath(x.nodeId()))).orElseThrow(() -> new BadRequestException("举荐小组 groupId：不存在或不在您的管理范围内："
                        + a.groupId()));
                if (g.members().isEmpty()) {
                    throw new ConflictException("举荐小组“" + g.name() + "”还没有委员");
                }
                groupId = g.id();
            }
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String no = caseNo(today.getYear());
        long id = repository.insert(new NewCase(no, t.id(), t.nodeId(), route, status, fast, fastRule, claimed,
                e.level(), e.matched() == null ? null : e.matched().id(), e.reason(), null, summary, groupId,
                user.username(), now));
        repository.event(id, "OPEN", null, status, route.label() + "申报" + (fast == null ? ""
                : "（" + ("TO_FINAL".equals(fast) ? "直通终评" : "直通认定") + " " + fastRule + "）"), user.username(), now);
        Case c = repository.find(id).orElseThrow();
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_recognition_case", String.valueOf(id),
                "认定申报：" + t.name() + " " + route.label(), null, snapshot(c), null));
        return c;
    }

    /** Takes a step of the case's state machine; answers the case after it and the message. */
    @Transactional
    public Case step(long id, String action, Step s, CurrentUser user) {
        Case c = get(id, user);
        RecognitionFlow step = RecognitionFlow.parse(action)
                .filter(f -> f != RecognitionFlow.ATTACH)
                .orElseThrow(() -> new NotFoundException("没有这个操作：" + action));
        TalentAccess.requireAdmin(user);
        if (!step.allowed(c.route(), c.status())) {
            throw new ConflictException(step.refusal(c.route(), c.status()));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        Map<String, Object> before = snapshot(c);
        Status to = c.status();
        String note = s.note() == null ? null : s.note().strip();
        Map<String, Object> set = new LinkedHashMap<>();
        switch (step) {
            case REVIEW -> {
                to = switch (c.route()) {
                    case REGULAR -> Status.REVIEWED;
                    case SPECIAL -> "TO_RECOGNITION".equals(c.fastTrack()) ? Status.REVIEWED : Status.COMMITTEE;
                    case NOMINATED -> Status.VOTING;
                };
                if (to == Status.REVIEWED) {
                    String proposed = c.fastTrackRule() != null && "TO_RECOGNITION".equals(c.fastTrack())
                            ? rules.rule(c.fastTrackRule()).map(RecognitionRules.Rule::level).orElse(c.ruleLevel())
                            : c.ruleLevel();
                    if (c.route() == Route.REGULAR && c.ruleLevel() != null && proposed != null
                            && rank(c.ruleLevel()) < rank(proposed)) {
                        proposed = c.ruleLevel(); // the higher of the rule's level and the 直通车 list's
                    }
                    set.put("proposed_level", proposed);
                }
                set.put("review_note", note);
            }
            case RETURN -> {
                required(note, "审核意见 note");
                to = Status.REJECTED;
                set.put("review_note", note);
                set.put("decision_note", note);
                set.put("decided_on", today);
                set.put("decided_by", user.username());
            }
            case OPINION -> {
                String member = required(s.memberName(), "委员姓名 memberName");
                if (s.agree() == null) {
                    throw new BadRequestException("意见 agree：请选择同意或不同意");
                }
                String level = s.agree() ? level(s.level(), "认定等级 level") : null;
                required(note, "理由 note");
                if (repository.opinions(c.id()).stream().anyMatch(o -> o.memberName().equals(member.strip()))) {
                    throw new ConflictException("委员“" + member.strip() + "”的意见已记录");
                }
                repository.insertOpinion(c.id(), member.strip(), s.agree() ? "AGREE" : "DISAGREE", level, note,
                        user.username(), now);
                note = member.strip() + "：" + (s.agree() ? "同意认定为" + level + "类" : "不同意") + "。" + note;
            }
            case CONCLUDE -> {
                List<Opinion> ops = repository.opinions(c.id());
                if (ops.size() < rules.committeeQuorum()) {
                    throw new ConflictException("委员会意见不足法定人数：需至少" + rules.committeeQuorum() + "位委员的意见，现有"
                            + ops.size() + "位");
                }
                String carried = committeeLevel(ops);
                String outcome = carried == null ? "委员会未形成过半数认定意见" : "委员会过半数同意认定为" + carried + "类";
                note = note == null || note.isEmpty() ? outcome : outcome + "。" + note;
                if (carried == null) {
                    to = Status.REJECTED;
                    set.put("decision_note", note);
                    set.put("decided_on", today);
                    set.put("decided_by", user.username());
                } else {
                    to = Status.REVIEWED;
                    set.put("proposed_level", carried);
                }
            }
            case TALLY -> {
                Tally tally = tally(c);
                if (!tally.quorumMet()) {
                    throw new ConflictException("未达到法定人数，不能计票：" + tally.explanation());
                }
                note = tally.explanation();
                if (tally.carriedLevel() == null) {
                    to = Status.REJECTED;
                    set.put("decision_note", note);
                    set.put("decided_on", today);
                    set.put("decided_by", user.username());
                } else {
                    to = Status.REVIEWED;
                    set.put("proposed_level", tally.carriedLevel());
                }
            }
            case PUBLICISE -> {
                if (c.proposedLevel() == null) {
                    throw new ConflictException("尚无拟认定等级，不能公示");
                }
                to = Status.PUBLICITY;
                LocalDate until = publicityEnd(today);
                set.put("publicity_from", today);
                set.put("publicity_until", until);
                note = "公示" + rules.publicityWorkdays() + "个工作日：" + today + " 至 " + until
                        + (note == null || note.isEmpty() ? "" : "。" + note);
            }
            case OBJECT -> {
                String by = required(s.raisedBy(), "异议人 raisedBy");
                String content = required(s.content(), "异议内容 content");
                LocalDate on = s.receivedOn() == null ? today : s.receivedOn();
                if (on.isBefore(c.publicityFrom()) || on.isAfter(c.publicityUntil())) {
                    throw new BadRequestException("收到日期 receivedOn：应在公示期内（" + c.publicityFrom() + " 至 "
                            + c.publicityUntil() + "），实际为 " + on);
                }
                long oid = repository.insertObjection(c.id(), by.strip(), content.strip(), on, user.username(), now);
                note = "异议 #" + oid + "（" + by.strip() + "，" + on + "）：" + content.strip();
            }
            case ANSWER -> {
                if (s.objectionId() == null) {
                    throw new BadRequestException("异议编号 objectionId：必填");
                }
                String answer = required(s.content(), "答复内容 content");
                boolean upheld = Boolean.TRUE.equals(s.upheld());
                if (repository.answerObjection(c.id(), s.objectionId(), answer.strip(), upheld, user.username(), now)
                        == 0) {
                    throw new ConflictException("异议 #" + s.objectionId() + " 不存在或已答复");
                }
                note = "答复异议 #" + s.objectionId() + "（" + (upheld ? "异议成立" : "异议不成立") + "）：" + answer.strip();
            }
            case DECIDE -> {
                if (!today.isAfter(c.publicityUntil())) {
                    throw new ConflictException("公示期至 " + c.publicityUntil() + " 止，期满后才能认定");
                }
                List<Objection> objections = repository.objections(c.id());
                if (objections.stream().anyMatch(o -> !o.answered())) {
                    throw new ConflictException("还有未答复的异议，答复后才能认定");
                }
                if (objections.stream().anyMatch(o -> Boolean.TRUE.equals(o.upheld()))) {
                    throw new ConflictException("有成立的异议，不能认定：请作不予认定处理");
                }
                String level = c.proposedLevel();
                LocalDate until = today.plusYears(rules.validityYears()).minusDays(1);
                String cert = certificateNo(today.getYear(), level);
                to = Status.DECIDED;
                set.put("level", level);
                set.put("decided_on", today);
                set.put("decided_by", user.username());
                set.put("decision_note", note);
                set.put("certificate_no", cert);
                set.put("valid_until", until);
                note = "认定为" + level + "类，证书 " + cert + "，有效期至 " + until + (note == null || note.isEmpty() ? ""
                        : "。" + note);
                talents.setLevel(c.talentId(), level, c.route().name(), today, until);
                events.publishEvent(new TalentEvents.Recognised(c.talentId(), level, c.route().name(), today, until,
                        c.id()));
            }
            case REJECT -> {
                required(note, "不予认定理由 note");
                to = Status.REJECTED;
                set.put("decision_note", note);
                set.put("decided_on", today);
                set.put("decided_by", user.username());
            }
            case REVOKE -> {
                required(note, "撤销理由 note");
                to = Status.REVOKED;
                set.put("revoked_reason", note);
                TalentRecord t = talents.find(c.talentId()).orElseThrow();
                if (c.level().equals(t.level()) && java.util.Objects.equals(c.decidedOn(), t.levelSince())) {
                    talents.setLevel(c.talentId(), null, null, null, null);
                    events.publishEvent(new TalentEvents.RecognitionRevoked(c.talentId(), note));
                }
            }
            default -> throw new NotFoundException("没有这个操作：" + action);
        }
        set.put("status", to.name());
        update(c.id(), set, now);
        repository.event(c.id(), step.name(), c.status(), to, note, user.username(), now);
        Case after = repository.find(c.id()).orElseThrow();
        audit.record(new AuditEvent(AuditAction.UPDATE, "talent_recognition_case", String.valueOf(c.id()),
                step.label() + "：" + c.caseNo(), before, snapshot(after), null));
        return after;
    }

    /** 上传佐证材料: the caller's rights and the case's state first, then the name and size, then the bytes. */
    @Transactional
    public Evidence attach(long id, Upload upload, CurrentUser user) {
        Case c = get(id, user);
        TalentAccess.requireAdmin(user);
        if (!RecognitionFlow.ATTACH.allowed(c.route(), c.status())) {
            throw new ConflictException(RecognitionFlow.ATTACH.refusal(c.route(), c.status()));
        }
        if (upload == null || upload.fileName() == null || upload.fileName().isBlank() || upload.size() == 0) {
            throw new BadRequestException("佐证材料 file：请选择文件");
        }
        String ext = UploadedFiles.extension(upload.fileName());
        String type = UploadedFiles.typeOf(ext, EVIDENCE_TYPES).orElseThrow(() -> new BadRequestException(
                "佐证材料 file：只接受 PDF、JPG、PNG、DOCX、XLSX，实际为“" + upload.fileName() + "”"));
        if (upload.size() > MAX_EVIDENCE) {
            throw new BadRequestException("佐证材料 file：单个文件不超过10MB");
        }
        if (repository.evidence(c.id()).size() >= MAX_EVIDENCE_FILES) {
            throw new ConflictException("每个案件最多" + MAX_EVIDENCE_FILES + "份佐证材料");
        }
        byte[] bytes = upload.bytes();
        if (bytes.length > MAX_EVIDENCE || !UploadedFiles.contentMatches(ext, bytes)) {
            throw new BadRequestException("佐证材料 file：文件内容与扩展名“" + ext + "”不符");
        }
        String name = upload.fileName().length() > 200 ? upload.fileName().substring(0, 200) : upload.fileName();
        LocalDateTime now = LocalDateTime.now(clock);
        long eid = repository.insertEvidence(c.id(), name, type, bytes, UploadedFiles.sha256(bytes), user.username(),
                now);
        repository.event(c.id(), RecognitionFlow.ATTACH.name(), c.status(), c.status(), "上传佐证材料：" + name,
                user.username(), now);
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_recognition_evidence", String.valueOf(eid),
                "上传认定佐证材料：" + c.caseNo(), null, Map.of("file", name, "size", bytes.length), null));
        return repository.evidence(c.id()).stream().filter(e -> e.id() == eid).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- rules of the steps

    /** The 公示's last day: the N-th working day after the day it starts (N from the rules file). */
    public LocalDate publicityEnd(LocalDate start) {
        return calendar.plusWorkdays(start, rules.publicityWorkdays());
    }

    /** The highest level that more than half of the committee's opinions agree on (at it or above it). */
    String committeeLevel(List<Opinion> ops) {
        for (var l : rules.classification().levels()) {
            long agree = ops.stream().filter(o -> o.agrees() && rank(o.level()) <= rank(l.code())).count();
            if (agree * 2 > ops.size()) {
                return l.code();
            }
        }
        return null;
    }

    /** The vote of a nominated case, as it stands. */
    public Tally tally(Case c) {
        int members = c.groupId() == null ? 0 : repository.group(c.groupId()).map(g -> g.members().size()).orElse(0);
        List<RecognitionModel.Ballot> ballots = repository.ballots(c.id());
        return tally(members, ballots.stream().map(RecognitionModel.Ballot::level).toList());
    }

    /**
     * The 举荐 rule on the levels the ballots name (null: 不予举荐): the quorum is {@code quorum} of the members;
     * a level is carried when at least {@code agree} of the ballots name it or a higher level; the highest wins.
     */
    Tally tally(int members, List<String> levels) {
        int submitted = levels.size();
        int quorumNeeded = Math.max(1, rules.quorum().of(members));
        boolean quorumMet = members > 0 && submitted >= quorumNeeded;
        Map<String, Integer> atOrAbove = new LinkedHashMap<>();
        String carried = null;
        for (var l : rules.classification().levels()) {
            int n = (int) levels.stream().filter(v -> v != null && rank(v) <= rank(l.code())).count();
            atOrAbove.put(l.code(), n);
            if (carried == null && quorumMet && rules.agree().reachedBy(n, submitted)) {
                carried = l.code();
            }
        }
        int agreeNeeded = rules.agree().of(submitted);
        String explanation;
        if (!quorumMet) {
            explanation = "小组委员" + members + "人，已提交" + submitted + "份评议，法定人数为" + rules.quorum() + "即"
                    + quorumNeeded + "人";
        } else if (carried == null) {
            explanation = "已提交" + submitted + "份评议（委员" + members + "人），没有一个等级获得" + rules.agree() + "即"
                    + agreeNeeded + "票以上的同意，不予举荐";
        } else {
            explanation = "已提交" + submitted + "份评议（委员" + members + "人），" + atOrAbove.get(carried) + "票同意认定为"
                    + carried + "类或更高，达到" + rules.agree() + "即" + agreeNeeded + "票";
        }
        return new Tally(members, submitted, quorumNeeded, quorumMet, carried, atOrAbove, agreeNeeded, explanation);
    }

    // ---------------------------------------------------------------- helpers

    int rank(String level) {
        return level == null ? Integer.MAX_VALUE : rules.classification().rank(level);
    }

    private String level(String level, String field) {
        if (level == null || level.isBlank() || rules.classification().level(level.strip()).isEmpty()) {
            throw new BadRequestException(field + "：应为 A–E，实际为“" + (level == null ? "" : level) + "”");
        }
        return level.strip();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field + "：必填");
        }
        if (value.length() > 2000) {
            throw new BadRequestException(field + "：不超过2000字");
        }
        return value;
    }

    private void update(long id, Map<String, Object> set, LocalDateTime now) {
        StringBuilder sets = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (var e : set.entrySet()) {
            if (!sets.isEmpty()) {
                sets.append(", ");
            }
            sets.append(e.getKey()).append(" = :").append(e.getKey());
            Object v = e.getValue();
            params.put(e.getKey(), v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v);
        }
        repository.update(id, sets.toString(), params, now);
    }

    String caseNo(int year) {
        String prefix = "RD" + year + "-";
        return prefix + String.format("%05d", repository.nextNumber("case_no", prefix));
    }

    String certificateNo(int year, String level) {
        String prefix = "ZSRC" + year + level;
        return prefix + String.format("%05d", repository.nextNumber("certificate_no", prefix));
    }

    private String nodePath(long nodeId) {
        return repository.nodePath(nodeId);
    }

    static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("页面不存在");
        }
    }

    static Map<String, Object> snapshot(Case c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", c.status().name());
        m.put("route", c.route().name());
        m.put("proposedLevel", c.proposedLevel());
        m.put("level", c.level());
        m.put("publicityUntil", c.publicityUntil());
        m.put("certificateNo", c.certificateNo());
        return m;
    }
}

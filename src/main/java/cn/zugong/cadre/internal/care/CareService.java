package cn.zugong.cadre.internal.care;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.CareRecords.Check;
import cn.zugong.cadre.CareRecords.Decide;
import cn.zugong.cadre.CareRecords.NewBatch;
import cn.zugong.cadre.CareRecords.NewCase;
import cn.zugong.cadre.CareRecords.NewClearance;
import cn.zugong.cadre.CareRecords.NewDiscipline;
import cn.zugong.cadre.CareRecords.NewItem;
import cn.zugong.cadre.CareRecords.NewNomination;
import cn.zugong.cadre.CareRecords.NewReuse;
import cn.zugong.cadre.CareRecords.NewVisit;
import cn.zugong.cadre.CareRecords.Publicity;
import cn.zugong.cadre.CareRecords.Review;
import cn.zugong.cadre.CareRecords.Verify;
import cn.zugong.cadre.internal.care.CareRepository.CaseRow;
import cn.zugong.cadre.internal.care.CareRepository.DisciplineRow;
import cn.zugong.cadre.internal.care.CareRepository.ExemplarRow;
import cn.zugong.cadre.internal.care.CareViews.Criterion;
import cn.zugong.closure.Escalation;
import cn.zugong.people.CadreCarePeople;
import cn.zugong.people.CadreCarePeople.Subject;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The care records' writes (ADR 077): each in one transaction, audited, refused with a Chinese reason when a step
 * is out of order or a rule is not met. Only ADMIN and 干部监督 reach them (CadreAccess.requireSensitive: 404 for
 * every other role); a person, unit or record outside the writer's scope answers 404 too.
 */
@Service
public class CareService implements cn.zugong.cadre.CareRecords {

    static final int TEXT = 800;

    private final CareRepository repository;
    private final CadreCarePeople people;
    private final CadreAccess access;
    private final CareDue due;
    private final AuditTrail audit;
    private final Clock clock;

    CareService(CareRepository repository, CadreCarePeople people, CadreAccess access, CareDue due, AuditTrail audit,
                Clock clock) {
        this.repository = repository;
        this.people = people;
        this.access = access;
        this.due = due;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private Subject subject(CurrentUser user, Long personId) {
        access.requireSensitive(user);
        if (personId == null) {
            throw new BadRequestException("人员：必填");
        }
        return people.subject(personId, user.scope()).orElseThrow(() -> new NotFoundException("未找到该人员"));
    }

    private void log(CurrentUser user, AuditAction action, String type, long id, String summary) {
        audit.record(AuditEvent.of(action, type, id, summary).by(user.username()));
    }

    @Override
    public boolean any() {
        return repository.any();
    }

    // ------------------------------------------------------------------ 容错纠错

    @Override
    @Transactional
    public long apply(NewCase f, CurrentUser user) {
        Subject s = subject(user, f.personId());
        List<String> problems = new ArrayList<>();
        required(problems, "申请事由", f.matter());
        pastDate(problems, "申请日期", f.appliedOn());
        refuse(problems);
        long id = repository.insertCase(s.id(), s.unitId(), f.matter().strip(), f.appliedOn(), now(), user.username());
        log(user, AuditAction.CREATE, "care_case", id, "容错纠错申请：" + s.name());
        return id;
    }

    private CaseRow caseRow(long id, CurrentUser user) {
        access.requireSensitive(user);
        return repository.caseRow(id, user.scope()).orElseThrow(() -> new NotFoundException("未找到该记录"));
    }

    @Override
    @Transactional
    public void verify(long id, Verify f, CurrentUser user) {
        CaseRow c = caseRow(id, user);
        if (!c.line().status().equals("APPLIED")) {
            throw new ConflictException("该容错纠错案例当前为“" + c.line().statusLabel() + "”，只有“已申请”的案例可以核实");
        }
        List<String> problems = new ArrayList<>();
        required(problems, "核实情况", f.finding());
        pastDate(problems, "核实日期", f.verifiedOn());
        if (f.verifiedOn() != null && f.verifiedOn().isBefore(c.line().appliedOn())) {
            problems.add("核实日期：不能早于申请日期 " + c.line().appliedOn());
        }
        refuse(problems);
        if (!repository.verify(id, f.finding().strip(), f.verifiedOn(), user.username())) {
            throw new ConflictException("该案例已被他人处理，请刷新后重试");
        }
        log(user, AuditAction.UPDATE, "care_case", id, "容错纠错核实：" + c.line().name());
    }

    /**
     * 认定: every active 三个区分开来 criterion answered yes/no with a note; 免责 only when all are met, 从轻减轻 when at
     * least one is, 不予容错 whatever they say.
     */
    @Override
    @Transactional
    public void decide(long id, Decide f, CurrentUser user) {
        CaseRow c = caseRow(id, user);
        if (!c.line().status().equals("VERIFIED")) {
            throw new ConflictException("该容错纠错案例当前为“" + c.line().statusLabel() + "”，只有“已核实”的案例可以认定");
        }
        List<String> problems = new ArrayList<>();
        if (f.result() == null || !CareRules.RESULTS.containsKey(f.result())) {
            problems.add("认定结果：应为 免责、从轻减轻、不予容错 之一");
        }
        required(problems, "认定意见", f.note());
        pastDate(problems, "认定日期", f.decidedOn());
        if (f.decidedOn() != null && c.verifiedOn() != null && f.decidedOn().isBefore(c.verifiedOn())) {
            problems.add("认定日期：不能早于核实日期 " + c.verifiedOn());
        }
        Map<Long, Check> answers = new HashMap<>();
        for (Check k : f.checks() == null ? List.<Check>of() : f.checks()) {
            if (k != null && k.criterionId() != null) {
                answers.put(k.criterionId(), k);
            }
        }
        List<Criterion> criteria = repository.criteria();
        int met = 0;
        for (Criterion k : criteria) {
            Check a = answers.get(k.id());
            String name = "“三个区分开来”第" + k.position() + "条";
            if (a == null || a.met() == null) {
                problems.add(name + "：应判定是否符合");
            } else {
                met += a.met() ? 1 : 0;
            }
            if (a == null || blank(a.note())) {
                problems.add(name + "：应填写判定说明");
            } else if (a.note().strip().length() > TEXT) {
                problems.add(name + "：说明不能超过 " + TEXT + " 字");
            }
        }
        if (problems.isEmpty() && "EXEMPT".equals(f.result()) && met < criteria.size()) {
            problems.add("认定结果：免责须符合“三个区分开来”全部 " + criteria.size() + " 条，当前符合 " + met + " 条");
        }
        if (problems.isEmpty() && "LIGHTER".equals(f.result()) && met == 0) {
            problems.add("认定结果：从轻减轻须至少符合“三个区分开来”中的 1 条，当前均不符合");
        }
        refuse(problems);
        if (!repository.decide(id, f.result(), f.note().strip(), f.decidedOn(), user.username())) {
            throw new ConflictException("该案例已被他人处理，请刷新后重试");
        }
        for (Criterion k : criteria) {
            Check a = answers.get(k.id());
            repository.insertCheck(id, k.id(), a.met(), a.note().strip());
        }
        log(user, AuditAction.UPDATE, "care_case", id, "容错纠错认定：" + c.line().name() + " "
                + CareRules.result(f.result()));
    }

    // ------------------------------------------------------------------ 澄清正名

    @Override
    @Transactional
    public long clear(NewClearance f, CurrentUser user) {
        Subject s = subject(user, f.personId());
        List<String> problems = new ArrayList<>();
        required(problems, "反映问题及核查结论", f.report());
        pastDate(problems, "澄清日期", f.clearedOn());
        if (f.published() == null || !CareRules.PUBLISHED.contains(f.published())) {
            problems.add("澄清方式：应为 " + String.join("、", CareRules.PUBLISHED) + " 之一");
        }
        if (f.reach() == null || !CareRules.REACH.contains(f.reach())) {
            problems.add("澄清范围：应为 " + String.join("、", CareRules.REACH) + " 之一");
        }
        refuse(problems);
        long id = repository.insertClearance(s.id(), s.unitId(), f.report().strip(), f.clearedOn(), f.published(),
                f.reach(), now(), user.username());
        log(user, AuditAction.CREATE, "care_clearance", id, "澄清正名：" + s.name());
        return id;
    }

    // ------------------------------------------------------------------ 处理处分, 暖心回访

    @Override
    @Transactional
    public long discipline(NewDiscipline f, CurrentUser user) {
        Subject s = subject(user, f.personId());
        List<String> problems = new ArrayList<>();
        if (f.kind() == null || !CareRules.DISCIPLINE_MONTHS.containsKey(f.kind())) {
            problems.add("处理处分种类：应为 " + String.join("、", CareRules.DISCIPLINE_MONTHS.keySet()) + " 之一");
        }
        pastDate(problems, "处理处分日期", f.decidedOn());
        required(problems, "处理处分事由", f.summary());
        int months = f.visitMonths() == null ? 6 : f.visitMonths();
        if (months < 1 || months > 24) {
            problems.add("回访周期：应为 1 至 24 个月");
        }
        if (f.influenceUntil() != null && f.decidedOn() != null && f.influenceUntil().isBefore(f.decidedOn())) {
            problems.add("影响期截止：不能早于处理处分日期");
        }
        refuse(problems);
        LocalDate until = f.influenceUntil() != null ? f.influenceUntil()
                : f.decidedOn().plusMonths(CareRules.DISCIPLINE_MONTHS.get(f.kind())).minusDays(1);
        long id = repository.insertDiscipline(s.id(), s.unitId(), f.kind(), f.decidedOn(), until, f.summary().strip(),
                months, due.firstDue(f.decidedOn()), now(), user.username());
        log(user, AuditAction.CREATE, "care_discipline", id, "登记处理处分（回访计划）：" + s.name() + " " + f.kind());
        return id;
    }

    DisciplineRow disciplineRow(long id, CurrentUser user) {
        access.requireSensitive(user);
        return repository.discipline(id, user.scope()).orElseThrow(() -> new NotFoundException("未找到该记录"));
    }

    /** 暖心回访: the visit is recorded and the next one falls due {@code visit_months} later. */
    @Override
    @Transactional
    public void visit(long disciplineId, NewVisit f, CurrentUser user) {
        DisciplineRow d = disciplineRow(disciplineId, user);
        List<String> problems = new ArrayList<>();
        pastDate(problems, "回访日期", f.visitedOn());
        if (f.visitedOn() != null && f.visitedOn().isBefore(d.line().decidedOn())) {
            problems.add("回访日期：不能早于处理处分日期 " + d.line().decidedOn());
        }
        required(problems, "回访人", f.visitors());
        if (f.visitors() != null && f.visitors().strip().length() > 100) {
            problems.add("回访人：不能超过 100 字");
        }
        required(problems, "回访内容", f.content());
        refuse(problems);
        repository.insertVisit(disciplineId, d.line().personId(), d.nodeId(), f.visitedOn(), f.visitors().strip(),
                f.content().strip(), now(), user.username());
        LocalDate latest = d.line().lastVisit() == null || f.visitedOn().isAfter(d.line().lastVisit())
                ? f.visitedOn() : d.line().lastVisit();
        repository.nextDue(disciplineId, due.nextDue(latest, d.line().visitMonths()));
        log(user, AuditAction.UPDATE, "care_discipline", disciplineId, "暖心回访：" + d.line().name() + " "
                + f.visitedOn());
    }

    /** 督办 of a missed visit at the level its working days overdue reach; refused when the visit is not overdue. */
    @Override
    @Transactional
    public Escalation dun(long disciplineId, CurrentUser user) {
        DisciplineRow d = disciplineRow(disciplineId, user);
        Escalation level = due.level(d.line().nextVisitDue(), today());
        if (level == Escalation.NONE) {
            throw new ConflictException("该干部的回访未逾期（应回访日期 " + d.line().nextVisitDue() + "），无需督办");
        }
        repository.insertDunning(disciplineId, level.name(), d.line().nextVisitDue(), now(), user.username());
        log(user, AuditAction.UPDATE, "care_discipline", disciplineId, "回访督办：" + d.line().name() + " "
                + level.label());
        return level;
    }

    // ------------------------------------------------------------------ re-use after the 影响期

    @Override
    @Transactional
    public long reuse(NewReuse f, CurrentUser user) {
        if (f.disciplineId() == null) {
            access.requireSensitive(user);
            throw new BadRequestException("处理处分记录：必填");
        }
        DisciplineRow d = disciplineRow(f.disciplineId(), user);
        if (f.appointmentId() == null) {
            throw new BadRequestException("任用纪实：必填");
        }
        var a = repository.appointment(f.appointmentId())
                .filter(x -> x.personId() == d.line().personId())
                .orElseThrow(() -> new BadRequestException("任用纪实：未找到该干部的这条任用记录"));
        if (!CareRules.REUSE_KINDS.contains(a.kind())) {
            throw new BadRequestException("任用纪实：" + CareRules.appointmentKind(a.kind())
                    + "不属于进一步使用或提拔任用");
        }
        if (!"DONE".equals(a.status()) || a.effectiveOn() == null) {
            throw new ConflictException("任用纪实：该任用尚未任职（程序未完成），不能登记为处分后使用");
        }
        if (!a.effectiveOn().isAfter(d.line().influenceUntil())) {
            throw new ConflictException("影响期未满：处分影响期至 " + d.line().influenceUntil() + "，任职日期 "
                    + a.effectiveOn() + " 在影响期内，不能提拔或进一步使用");
        }
        if (repository.reuseOf(a.id())) {
            throw new ConflictException("该任用纪实已登记为处分后使用");
        }
        long id = repository.insertReuse(d.line().id(), d.line().personId(), d.nodeId(), a.id(), a.effectiveOn(), now(),
                user.username());
        log(user, AuditAction.CREATE, "care_reuse", id, "处分后进一步使用或提拔任用：" + d.line().name());
        return id;
    }

    // ------------------------------------------------------------------ 及时奖励

    @Override
    @Transactional
    public long batch(NewBatch f, CurrentUser user) {
        access.requireSensitive(user);
        List<String> problems = new ArrayList<>();
        required(problems, "批次名称", f.name());
        if (f.name() != null && f.name().strip().length() > 100) {
            problems.add("批次名称：不能超过 100 字");
        }
        pastDate(problems, "奖励日期", f.awardedOn());
        required(problems, "奖励依据", f.basis());
        if (f.basis() != null && f.basis().strip().length() > 500) {
            problems.add("奖励依据：不能超过 500 字");
        }
        refuse(problems);
        long id = repository.insertBatch(user.scope().nodeId(), f.name().strip(), f.awardedOn(), f.basis().strip(),
                now(), user.username());
        log(user, AuditAction.CREATE, "care_reward_batch", id, "及时奖励批次：" + f.name().strip());
        List<NewItem> items = f.items() == null ? List.of() : f.items();
        for (int i = 0; i < items.size(); i++) {
            addItem(id, items.get(i), user, "第" + (i + 1) + "项");
        }
        return id;
    }

    @Override
    @Transactional
    public void item(long batchId, NewItem f, CurrentUser user) {
        access.requireSensitive(user);
        repository.batch(batchId, user.scope()).orElseThrow(() -> new NotFoundException("未找到该记录"));
        addItem(batchId, f, user, "");
    }

    private void addItem(long batchId, NewItem f, CurrentUser user, String where) {
        String at = where.isEmpty() ? "" : where + "：";
        if (f == null || (f.personId() == null) == (f.unitId() == null)) {
            throw new BadRequestException(at + "奖励对象应为一名个人或一个集体（二选一）");
        }
        if (blank(f.reason()) || f.reason().strip().length() > 500) {
            throw new BadRequestException(at + "奖励事由：必填，不超过 500 字");
        }
        long nodeId;
        String name;
        if (f.personId() != null) {
            Subject s = people.subject(f.personId(), user.scope())
                    .orElseThrow(() -> new NotFoundException(at + "未找到该人员"));
            nodeId = s.unitId();
            name = s.name();
        } else {
            String[] u = repository.unit(f.unitId(), user.scope())
                    .orElseThrow(() -> new NotFoundException(at + "未找到该集体（单位）"));
            nodeId = f.unitId();
            name = u[0];
        }
        if (repository.itemExists(batchId, f.personId(), f.unitId())) {
            throw new ConflictException(at + "“" + name + "”已在本批次奖励名单中");
        }
        repository.insertItem(batchId, f.personId(), f.unitId(), nodeId, f.reason().strip());
        log(user, AuditAction.UPDATE, "care_reward_batch", batchId, "及时奖励对象：" + name);
    }

    // ------------------------------------------------------------------ 担当作为好干部

    @Override
    @Transactional
    public long nominate(NewNomination f, CurrentUser user) {
        Subject s = subject(user, f.personId());
        List<String> problems = new ArrayList<>();
        required(problems, "评选批次", f.round());
        if (f.round() != null && f.round().strip().length() > 50) {
            problems.add("评选批次：不能超过 50 字");
        }
        required(problems, "主要事迹", f.deeds());
        refuse(problems);
        long id = repository.insertExemplar(s.id(), s.unitId(), f.round().strip(), f.deeds().strip(), now(),
                user.username());
        log(user, AuditAction.CREATE, "care_exemplar", id, "担当作为好干部提名：" + s.name());
        return id;
    }

    ExemplarRow exemplarRow(long id, CurrentUser user) {
        access.requireSensitive(user);
        return repository.exemplar(id, user.scope()).orElseThrow(() -> new NotFoundException("未找到该记录"));
    }

    private void requireStatus(ExemplarRow e, String status, String step) {
        if (!e.line().status().equals(status)) {
            throw new ConflictException("该提名当前为“" + e.line().statusLabel() + "”，只有“"
                    + CareRules.exemplarStatus(status) + "”的提名可以" + step);
        }
    }

    @Override
    @Transactional
    public void review(long id, Review f, CurrentUser user) {
        ExemplarRow e = exemplarRow(id, user);
        requireStatus(e, "NOMINATED", "审核");
        if (f.passed() == null) {
            throw new BadRequestException("审核结论：应选择通过或不通过");
        }
        if (f.passed() == Boolean.FALSE && blank(f.note())) {
            throw new BadRequestException("审核意见：不通过时必填");
        }
        if (f.note() != null && f.note().strip().length() > 500) {
            throw new BadRequestException("审核意见：不能超过 500 字");
        }
        step(id, "NOMINATED", f.passed() ? "REVIEWED" : "REJECTED", blank(f.note()) ? null : f.note().strip(),
                null, null, null);
        log(user, AuditAction.UPDATE, "care_exemplar", id, "担当作为好干部审核：" + e.line().name() + " "
                + (f.passed() ? "通过" : "不通过"));
    }

    @Override
    @Transactional
    public void publicize(long id, Publicity f, CurrentUser user) {
        ExemplarRow e = exemplarRow(id, user);
        requireStatus(e, "REVIEWED", "公示");
        LocalDate from = f.from() == null ? today() : f.from();
        int days = f.workdays() == null ? 5 : f.workdays();
        if (days < 5 || days > 15) {
            throw new BadRequestException("公示期：应为 5 至 15 个工作日");
        }
        if (from.isAfter(today().plusMonths(1))) {
            throw new BadRequestException("公示开始日期：不能晚于一个月后");
        }
        LocalDate until = due.publicityUntil(from, days);
        step(id, "REVIEWED", "PUBLICIZING", null, from, until, null);
        log(user, AuditAction.UPDATE, "care_exemplar", id, "担当作为好干部公示：" + e.line().name() + " 至 " + until);
    }

    @Override
    @Transactional
    public void publish(long id, CurrentUser user) {
        ExemplarRow e = exemplarRow(id, user);
        requireStatus(e, "PUBLICIZING", "发布");
        if (!today().isAfter(e.line().publicityUntil())) {
            throw new ConflictException("公示期至 " + e.line().publicityUntil() + "，公示期满后方可发布");
        }
        step(id, "PUBLICIZING", "PUBLISHED", null, null, null, today());
        log(user, AuditAction.UPDATE, "care_exemplar", id, "担当作为好干部发布：" + e.line().name());
    }

    private void step(long id, String from, String to, String note, LocalDate pf, LocalDate pu, LocalDate po) {
        if (!repository.exemplarStep(id, from, to, note, pf, pu, po)) {
            throw new ConflictException("该提名已被他人处理，请刷新后重试");
        }
    }

    // ------------------------------------------------------------------ checks

    private void required(List<String> problems, String field, String value) {
        if (blank(value)) {
            problems.add(field + "：必填");
        } else if (value.strip().length() > TEXT) {
            problems.add(field + "：不能超过 " + TEXT + " 字");
        }
    }

    private void pastDate(List<String> problems, String field, LocalDate value) {
        if (value == null) {
            problems.add(field + "：必填");
        } else if (value.isAfter(today())) {
            problems.add(field + "：不能晚于今天");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void refuse(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("；", problems));
        }
    }
}

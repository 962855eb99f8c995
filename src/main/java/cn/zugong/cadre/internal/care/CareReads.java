package cn.zugong.cadre.internal.care;

import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.care.CareRepository.DisciplineRow;
import cn.zugong.cadre.internal.care.CareViews.BatchDetail;
import cn.zugong.cadre.internal.care.CareViews.BatchLine;
import cn.zugong.cadre.internal.care.CareViews.CaseDetail;
import cn.zugong.cadre.internal.care.CareViews.CaseLine;
import cn.zugong.cadre.internal.care.CareViews.ClearanceLine;
import cn.zugong.cadre.internal.care.CareViews.Criterion;
import cn.zugong.cadre.internal.care.CareViews.DisciplineDetail;
import cn.zugong.cadre.internal.care.CareViews.DisciplineLine;
import cn.zugong.cadre.internal.care.CareViews.ExemplarLine;
import cn.zugong.cadre.internal.care.CareViews.Overdue;
import cn.zugong.cadre.internal.care.CareViews.ReuseLine;
import cn.zugong.closure.Escalation;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The care records' reads (ADR 077): each one — a list, a record, an export — goes through
 * CadreAccess.auditedRead, so it is refused (404) to anyone but ADMIN and 干部监督 of the scope and written to the
 * audit trail as READ_PERSONAL before anything is returned.
 */
@Service
public class CareReads {

    /** Lists show the latest records up to this many (the export holds them all). */
    static final int LIST = 500;

    private final CareRepository repository;
    private final CadreAccess access;
    private final CareDue due;
    private final Clock clock;

    CareReads(CareRepository repository, CadreAccess access, CareDue due, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.due = due;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private void list(CurrentUser user, String type, String what) {
        access.auditedRead(user, user.scope().path(), type, "list", "查看" + what + "：" + user.scopeName());
    }

    List<Criterion> criteria(CurrentUser user) {
        access.requireSensitive(user);
        return repository.criteria();
    }

    @Transactional
    public List<CaseLine> cases(CurrentUser user) {
        list(user, "care_case", "容错纠错案例");
        return repository.cases(user.scope(), LIST);
    }

    @Transactional
    public CaseDetail caseDetail(long id, CurrentUser user) {
        access.requireSensitive(user);
        var c = repository.caseRow(id, user.scope()).orElseThrow(() -> new NotFoundException("未找到该记录"));
        access.auditedRead(user, c.path(), "care_case", id, "查看容错纠错案例：" + c.line().name());
        return new CaseDetail(c.line(), c.matter(), c.finding(), c.verifiedOn(), c.verifiedBy(), c.resultNote(),
                c.decidedBy(), repository.checks(id));
    }

    @Transactional
    public List<ClearanceLine> clearances(CurrentUser user) {
        list(user, "care_clearance", "澄清正名记录");
        return repository.clearances(user.scope(), LIST);
    }

    @Transactional
    public ClearanceLine clearance(long id, CurrentUser user) {
        access.requireSensitive(user);
        var c = repository.clearance(id, user.scope()).orElseThrow(() -> new NotFoundException("未找到该记录"));
        access.auditedRead(user, user.scope().path(), "care_clearance", id, "查看澄清正名记录：" + c.name());
        return c;
    }

    /**
     * The re-use of a disciplined cadre recorded on an appointment record, for that record's page: only ADMIN and
     * 干部监督 whose scope holds the care record learn of it (anyone else gets nothing, so the page reveals nothing),
     * and that read is audited like every read of a care record.
     */
    @Transactional
    public Optional<ReuseLine> reuseOfAppointment(CurrentUser user, long appointmentId) {
        if (!access.seesSensitive(user)) {
            return Optional.empty();
        }
        var found = repository.reuseOfAppointment(appointmentId).filter(e -> user.scope().contains(e.getValue()));
        found.ifPresent(e -> access.auditedRead(user, e.getValue(), "care_reuse", e.getKey().id(),
                "查看选拔任用纪实的处分后使用记录：" + e.getKey().name()));
        return found.map(java.util.Map.Entry::getKey);
    }

    /** The appointment records the discipline's re-use may name (the same person's, in force, not registered yet). */
    List<CareViews.ReuseCandidate> reuseCandidates(DisciplineDetail d) {
        return repository.reuseCandidates(d.line().personId(), d.line().influenceUntil());
    }

    @Transactional
    public List<DisciplineLine> disciplines(CurrentUser user) {
        list(user, "care_discipline", "暖心回访计划");
        return repository.disciplines(user.scope(), LIST);
    }

    @Transactional
    public DisciplineDetail discipline(long id, CurrentUser user) {
        access.requireSensitive(user);
        DisciplineRow d = repository.discipline(id, user.scope()).orElseThrow(() -> new NotFoundException("未找到该记录"));
        access.auditedRead(user, d.path(), "care_discipline", id, "查看处理处分及回访记录：" + d.line().name());
        return new DisciplineDetail(d.line(), d.summary(), repository.visits(id), repository.reusesOf(id),
                repository.dunnings(id), overdue(d.line()));
    }

    private Overdue overdue(DisciplineLine d) {
        Escalation level = due.level(d.nextVisitDue(), today());
        return new Overdue(d.id(), d.personId(), d.name(), d.unitName(), d.nextVisitDue(),
                due.overdue(d.nextVisitDue(), today()), level.name(), level.label());
    }

    /** 回访督办: the scope's missed visits with their working days overdue and 督办 level. */
    @Transactional
    public List<Overdue> overdue(CurrentUser user) {
        list(user, "care_discipline", "回访督办");
        return repository.dueBefore(user.scope(), today(), LIST).stream().map(this::overdue).toList();
    }

    @Transactional
    public List<ReuseLine> reuses(CurrentUser user) {
        list(user, "care_reuse", "处分后使用记录");
        return repository.reuses(user.scope(), LIST);
    }

    @Transactional
    public List<BatchLine> batches(CurrentUser user) {
        list(user, "care_reward_batch", "及时奖励批次");
        return repository.batches(user.scope(), LIST);
    }

    @Transactional
    public BatchDetail batch(long id, CurrentUser user) {
        access.requireSensitive(user);
        var b = repository.batch(id, user.scope()).orElseThrow(() -> new NotFoundException("未找到该记录"));
        access.auditedRead(user, b.path(), "care_reward_batch", id, "查看及时奖励批次：" + b.line().name());
        return new BatchDetail(b.line(), repository.items(id));
    }

    @Transactional
    public List<ExemplarLine> exemplars(CurrentUser user) {
        list(user, "care_exemplar", "担当作为好干部评选");
        return repository.exemplars(user.scope(), LIST);
    }

    @Transactional
    public ExemplarLine exemplar(long id, CurrentUser user) {
        access.requireSensitive(user);
        var e = repository.exemplar(id, user.scope()).orElseThrow(() -> new NotFoundException("未找到该记录"));
        access.auditedRead(user, e.path(), "care_exemplar", id, "查看担当作为好干部提名：" + e.line().name());
        return e.line();
    }
}

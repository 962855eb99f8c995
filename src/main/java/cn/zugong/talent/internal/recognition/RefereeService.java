package cn.zugong.talent.internal.recognition;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.recognition.RecognitionModel.Ballot;
import cn.zugong.talent.internal.recognition.RecognitionModel.Case;
import cn.zugong.talent.internal.recognition.RecognitionModel.Group;
import cn.zugong.talent.internal.recognition.RecognitionModel.Route;
import cn.zugong.talent.internal.recognition.RecognitionModel.Status;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 举荐认定 from the 委员's side (ADR 057): a 委员 (role TALENT_REFEREE) sees only the nominated cases of the groups
 * whose membership lists the own username (404 for anything else), scores every dimension of the scheme once and
 * gives a level opinion; the other 委员's ballots exist for them only after their own is in (404 before). The
 * office sees the ballots once the vote is counted; while it runs only how many are in.
 */
@Service
public class RefereeService {

    private final RecognitionRepository repository;
    private final RecognitionRules rules;
    private final RecognitionService recognition;
    private final TalentStore talents;
    private final AuditTrail audit;
    private final Clock clock;

    RefereeService(RecognitionRepository repository, RecognitionRules rules, RecognitionService recognition,
                   TalentStore talents, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.recognition = recognition;
        this.talents = talents;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a 委员 sees of a nominee: no ID number, phone or exact salary; the salary band only. */
    public record Nominee(long talentId, String name, String gender, int age, String employer, String category,
                         String field, String education, List<String> credentials, String salaryBand) {
    }

    /** A ballot as submitted: points per dimension code, the level opinion (blank: 不予举荐) and the reason. */
    public record BallotForm(Map<String, Integer> points, String level, String reason) {
    }

    public List<Group> groupsOf(CurrentUser user) {
        requireReferee(user);
        return repository.groupsOfMember(user.username());
    }

    public List<Case> cases(CurrentUser user) {
        requireReferee(user);
        return repository.casesOfMember(user.username());
    }

    /** A nominated case of one of the 委员's groups; 404 for anything else. */
    public Case get(long id, CurrentUser user) {
        requireReferee(user);
        return repository.find(id).filter(c -> c.route() == Route.NOMINATED && c.groupId() != null
                        && (c.status() == Status.VOTING || repository.ballotCount(c.id()) > 0)
                        && repository.isMember(c.groupId(), user.username()))
                .orElseThrow(() -> new NotFoundException("举荐案件不存在或不属于您所在的举荐小组：" + id));
    }

    public Nominee nominee(Case c) {
        TalentRecord t = talents.find(c.talentId()).orElseThrow();
        var cl = rules.classification();
        return new Nominee(t.id(), t.name(), t.gender(),
                java.time.Period.between(t.birthDate(), java.time.LocalDate.now(clock)).getYears(), t.employerName(),
                cl.categories().getOrDefault(t.category(), t.category()),
                cl.field(t.field()).map(f -> f.name()).orElse(t.field()),
                cl.education().getOrDefault(t.education(), t.education()),
                t.credentials().stream().map(x -> x.kind().label() + "：" + cl.credentials(x.kind())
                        .getOrDefault(x.code(), x.code()) + (x.year() == null ? "" : "（" + x.year() + "年）")).toList(),
                cl.salaryBand(t.annualSalary()).map(b -> b.name()).orElse("未登记"));
    }

    public boolean submitted(Case c, CurrentUser user) {
        return repository.hasBallot(c.id(), user.username());
    }

    public int ballotCount(Case c) {
        return repository.ballotCount(c.id());
    }

    /** The own ballot; 404 when none was submitted. */
    public Ballot own(long id, CurrentUser user) {
        Case c = get(id, user);
        return repository.ballots(c.id()).stream().filter(b -> b.username().equals(user.username())).findFirst()
                .orElseThrow(() -> new NotFoundException("尚未提交评议"));
    }

    /** Every ballot of the case — for a 委员 only after submitting the own ballot (404 before). */
    public List<Ballot> ballots(long id, CurrentUser user) {
        Case c = get(id, user);
        if (!repository.hasBallot(c.id(), user.username())) {
            throw new NotFoundException("提交本人评议后才能查看其他委员的评分");
        }
        return repository.ballots(c.id());
    }

    /** The office's view of the ballots: the full list once the vote is counted, empty while it runs. */
    public List<Ballot> ballotsForOffice(Case c) {
        return c.status() == Status.VOTING || c.status() == Status.SUBMITTED ? List.of() : repository.ballots(c.id());
    }

    @Transactional
    public Ballot submit(long id, BallotForm form, CurrentUser user) {
        Case c = get(id, user);
        if (c.status() != Status.VOTING) {
            throw new ConflictException("案件" + c.status().label() + "，评议已结束");
        }
        if (repository.hasBallot(c.id(), user.username())) {
            throw new ConflictException("您已提交评议，不能重复提交");
        }
        Map<String, Integer> points = new LinkedHashMap<>();
        Map<String, Integer> given = form.points() == null ? Map.of() : form.points();
        for (String code : given.keySet()) {
            if (rules.dimension(code).isEmpty()) {
                throw new BadRequestException("评分维度“" + code + "”不在举荐评分方案中");
            }
        }
        for (RecognitionRules.Dimension d : rules.dimensions()) {
            Integer p = given.get(d.code());
            if (p == null || p < 0 || p > d.points()) {
                throw new BadRequestException(d.name() + "（" + d.code() + "）：应为0–" + d.points() + "分，实际为"
                        + (p == null ? "空" : p));
            }
            points.put(d.code(), p);
        }
        String level = form.level() == null || form.level().isBlank() ? null : form.level().strip();
        if (level != null && rules.classification().level(level).isEmpty()) {
            throw new BadRequestException("层次意见 level：应为 A–E 或留空（不予举荐），实际为“" + level + "”");
        }
        String reason = form.reason() == null ? "" : form.reason().strip();
        if (reason.isEmpty() || reason.length() > 1000) {
            throw new BadRequestException("评议理由 reason：必填，不超过1000字");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        repository.insertBallot(c.id(), user.username(), level, reason, points, now);
        repository.event(c.id(), "BALLOT", c.status(), c.status(), "举荐委员提交评议", user.username(), now);
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_referee_ballot", c.id() + ":" + user.username(),
                "举荐评议：" + c.caseNo(), null, Map.of("level", level == null ? "不予举荐" : level, "points", points),
                null));
        return own(id, user);
    }

    /** The office's list of groups in its scope. */
    public List<Group> groups(CurrentUser user) {
        RecognitionService.requireOffice(user);
        return repository.groups(user.scope()).stream().map(this::named).toList();
    }

    public Group named(Group g) {
        return new Group(g.id(), g.nodeId(), g.field(),
                rules.classification().field(g.field()).map(f -> f.name()).orElse(g.field()), g.name(), g.members());
    }

    static void requireReferee(CurrentUser user) {
        if (user.role() != Role.TALENT_REFEREE) {
            throw new NotFoundException("页面不存在");
        }
    }

    /** For the office's case page: the vote as it stands. */
    public RecognitionModel.Tally tally(Case c) {
        return recognition.tally(c);
    }
}

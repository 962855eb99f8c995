package cn.zugong.talent;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.recognition.RecognitionAdmin;
import cn.zugong.talent.internal.recognition.RecognitionRules;
import cn.zugong.talent.internal.recognition.RecognitionService;
import cn.zugong.talent.internal.recognition.RefereeService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recognition part's public API for other modules (the demo, a migration of past recognitions): the 常规认定
 * rules applied to the registered talents, past recognitions written in bulk, 举荐小组 with their 委员, and cases
 * opened and stepped on behalf of a named officer. Users go through the recognition pages, which check role and
 * scope; this API trusts its caller and audits every write under the name it is given.
 */
@Service
public class TalentRecognitions {

    private final TalentStore store;
    private final RecognitionRules rules;
    private final RecognitionService cases;
    private final RefereeService referees;
    private final RecognitionAdmin admin;
    private final AuditTrail audit;

    TalentRecognitions(TalentStore store, RecognitionRules rules, RecognitionService cases, RefereeService referees,
                       RecognitionAdmin admin, AuditTrail audit) {
        this.store = store;
        this.rules = rules;
        this.cases = cases;
        this.referees = referees;
        this.admin = admin;
        this.audit = audit;
    }

    /** A registered talent with what the 常规认定 rules give it on a day (level null: no rule holds). */
    public record Assessed(long talentId, long nodeId, String field, String category, BigDecimal annualSalary,
                           String username, String currentLevel, String level, String ruleId, String reason) {
    }

    /** A past recognition: the talent, level, route (REGULAR, SPECIAL, NOMINATED), the day decided, the rule. */
    public record Historical(long talentId, String level, String route, LocalDate decidedOn, String ruleId,
                             String reason) {
    }

    public record Referee(String username, String displayName, String affiliation) {
    }

    /** The talents registered by {@code registeredBy}, each with the rules' level on {@code on}. */
    public List<Assessed> assess(String registeredBy, LocalDate on) {
        return store.createdBy(registeredBy).stream().map(t -> assessed(t, on)).toList();
    }

    /** The talent linked to an account of role TALENT, assessed on {@code on}. */
    public java.util.Optional<Assessed> ofAccount(String username, LocalDate on) {
        return store.findByUsername(username).map(t -> assessed(t, on));
    }

    private Assessed assessed(TalentRecord t, LocalDate on) {
        RecognitionRules.Evaluation e = rules.evaluate(t, on);
        return new Assessed(t.id(), t.nodeId(), t.field(), t.category(), t.annualSalary(), t.username(), t.level(),
                e.level(), e.matched() == null ? null : e.matched().id(), e.reason());
    }

    /**
     * Writes past recognitions in bulk (one transaction): a decided case each, with its certificate number and
     * validity, the level on the talent, and {@link TalentEvents.Recognised} for each (the 人才码 issues on it).
     */
    @Transactional
    public int recordHistorical(List<Historical> recognitions, String by) {
        int n = admin.recordHistorical(recognitions.stream().map(h -> new RecognitionAdmin.Past(h.talentId(),
                h.level(), h.route(), h.decidedOn(), h.ruleId(), h.reason())).toList(), by);
        audit.record(new AuditEvent(AuditAction.IMPORT, "talent_recognition_case", null,
                "导入历史认定记录" + n + "条", null, Map.of("count", n), by));
        return n;
    }

    /** A 举荐小组 of a key field at a node with its 委员 (accounts of role TALENT_REFEREE); returns its id. */
    @Transactional
    public long createGroup(long nodeId, String field, String name, List<Referee> members, String by) {
        return admin.createGroup(nodeId, field, name, members.stream().map(m -> new RecognitionAdmin.NewMember(
                m.username(), m.displayName(), m.affiliation())).toList(), by);
    }

    /** Opens a case as the officer {@code by} (ADMIN at {@code nodeId}); returns its id. */
    public long open(long nodeId, long talentId, String route, String claimedLevel, Long groupId, String summary,
                     String by) {
        return cases.open(new RecognitionService.Application(talentId, route, claimedLevel, groupId, summary),
                officer(nodeId, by)).id();
    }

    /** Takes a step of a case as the officer {@code by}: review, opinion, conclude, tally, publicise, object … */
    public void step(long nodeId, long caseId, String action, String note, String level, String memberName,
                     Boolean agree, String raisedBy, String content, String by) {
        cases.step(caseId, action, new RecognitionService.Step(note, level, memberName, agree, raisedBy, content, null,
                null, null), officer(nodeId, by));
    }

    /** A 委员's ballot (points per dimension code, a level or null for 不予举荐, the reason). */
    public void ballot(long caseId, String username, Map<String, Integer> points, String level, String reason) {
        CurrentUser referee = new CurrentUser(0, username, username, Role.TALENT_REFEREE,
                new OrgScope(0, "/"), "");
        referees.submit(caseId, new RefereeService.BallotForm(points, level, reason), referee);
    }

    /** Whether any case was opened or recorded by {@code by} (the demo loads once). */
    public boolean recordedBy(String by) {
        return admin.countCreatedBy(by) > 0;
    }

    /** The scheme's dimensions: code → full points. */
    public Map<String, Integer> dimensions() {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        rules.dimensions().forEach(d -> out.put(d.code(), d.points()));
        return out;
    }

    private CurrentUser officer(long nodeId, String by) {
        return new CurrentUser(0, by, by, Role.ADMIN, new OrgScope(nodeId, admin.nodePath(nodeId)), "");
    }
}

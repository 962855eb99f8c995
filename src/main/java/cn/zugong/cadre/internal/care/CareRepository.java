package cn.zugong.cadre.internal.care;

import cn.zugong.cadre.internal.care.CareViews.BatchLine;
import cn.zugong.cadre.internal.care.CareViews.CaseLine;
import cn.zugong.cadre.internal.care.CareViews.CheckView;
import cn.zugong.cadre.internal.care.CareViews.ClearanceLine;
import cn.zugong.cadre.internal.care.CareViews.Criterion;
import cn.zugong.cadre.internal.care.CareViews.DisciplineLine;
import cn.zugong.cadre.internal.care.CareViews.Dunning;
import cn.zugong.cadre.internal.care.CareViews.ExemplarLine;
import cn.zugong.cadre.internal.care.CareViews.ItemLine;
import cn.zugong.cadre.internal.care.CareViews.ReuseLine;
import cn.zugong.cadre.internal.care.CareViews.VisitLine;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.crypto.FieldCipher;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The care records' SQL (ADR 077). Every read takes the scope (one path predicate on the record's node); the
 * personal free text is encrypted here on the way in and decrypted on the way out, never elsewhere.
 */
@Repository
class CareRepository {

    static final String MATTER = "care_case.matter";
    static final String FINDING = "care_case.finding";
    static final String RESULT_NOTE = "care_case.result_note";
    static final String CHECK_NOTE = "care_case_check.note";
    static final String REPORT = "care_clearance.report";
    static final String SUMMARY = "care_discipline.summary";
    static final String CONTENT = "care_visit.content";

    private static final String IN_SCOPE = " n.path like :scopePath ";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    CareRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    String enc(String text, String column) {
        return cipher.encrypt(text, column);
    }

    String dec(String stored, String column) {
        return cipher.decrypt(stored, column);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** The node path of a record's node (for CadreAccess.auditedRead). */
    String path(long nodeId) {
        return jdbc.sql("select path from org_node where id = :id").param("id", nodeId).query(String.class).single();
    }

    boolean any() {
        return jdbc.sql("select count(*) from (select id from care_discipline union all select id from care_clearance) x")
                .query(Long.class).single() > 0;
    }

    // ------------------------------------------------------------------ 容错纠错

    List<Criterion> criteria() {
        return jdbc.sql("select id, position, text from care_criterion where active = true order by position")
                .query(Criterion.class).list();
    }

    long insertCase(long personId, long nodeId, String matter, LocalDate appliedOn, LocalDateTime at, String by) {
        return jdbc.sql("insert into care_case (person_id, node_id, matter, applied_on, status, created_at, created_by) "
                        + "values (:p, :n, :m, :d, 'APPLIED', :at, :by)")
                .param("p", personId).param("n", nodeId).param("m", enc(matter, MATTER)).param("d", appliedOn)
                .param("at", at).param("by", by).update(key(), "id") > 0 ? lastKey() : 0;
    }

    /** The key of the insert this thread just made (one holder per thread: the repository is a singleton). */
    private final ThreadLocal<GeneratedKeyHolder> keys = ThreadLocal.withInitial(GeneratedKeyHolder::new);

    private GeneratedKeyHolder key() {
        GeneratedKeyHolder k = new GeneratedKeyHolder();
        keys.set(k);
        return k;
    }

    private long lastKey() {
        return keys.get().getKey().longValue();
    }

    private static final String CASE_SELECT = "select c.*, p.name as person_name, n.name as unit_name, n.path "
            + "from care_case c join person p on p.id = c.person_id join org_node n on n.id = c.node_id ";

    private static CaseLine caseLine(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        String result = rs.getString("result");
        return new CaseLine(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                rs.getString("unit_name"), date(rs, "applied_on"), status, CareRules.caseStatus(status), result,
                result == null ? null : CareRules.result(result), date(rs, "decided_on"));
    }

    List<CaseLine> cases(OrgScope scope, int limit) {
        return cases(scope, null, limit);
    }

    /** The cases applied for or decided in the period (all of the scope's when {@code period} is null). */
    List<CaseLine> cases(OrgScope scope, CarePeriod period, int limit) {
        return lines(CASE_SELECT, "(c.applied_on between :from and :to or c.decided_on between :from and :to)",
                "c.applied_on desc, c.id desc", scope, period, limit, (rs, i) -> caseLine(rs));
    }

    /**
     * A list of the scope's records, newest first; with a period, only the records the {@code within} condition
     * places in it (the ledger export of a year is that year's records, not every year's).
     */
    private <T> List<T> lines(String select, String within, String order, OrgScope scope, CarePeriod period,
                              int limit, RowMapper<T> mapper) {
        var sql = jdbc.sql(select + "where" + IN_SCOPE + (period == null ? "" : "and " + within + " ") + "order by "
                + order + " limit :limit").param("scopePath", scope.pathPattern()).param("limit", limit);
        if (period != null) {
            sql = sql.param("from", period.from()).param("to", period.to());
        }
        return sql.query(mapper).list();
    }

    /** A case of the scope: its line, the raw row values the service needs, and the node path. */
    record CaseRow(CaseLine line, String path, String matter, String finding, LocalDate verifiedOn, String verifiedBy,
                   String resultNote, String decidedBy) {
    }

    Optional<CaseRow> caseRow(long id, OrgScope scope) {
        return jdbc.sql(CASE_SELECT + "where c.id = :id and" + IN_SCOPE).param("id", id)
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> new CaseRow(caseLine(rs), rs.getString("path"), dec(rs.getString("matter"), MATTER),
                        dec(rs.getString("finding"), FINDING), date(rs, "verified_on"), rs.getString("verified_by"),
                        dec(rs.getString("result_note"), RESULT_NOTE), rs.getString("decided_by"))).optional();
    }

    List<CheckView> checks(long caseId) {
        return jdbc.sql("select k.criterion_id, r.text, k.met, k.note from care_case_check k "
                        + "join care_criterion r on r.id = k.criterion_id where k.case_id = :id order by r.position")
                .param("id", caseId).query((rs, i) -> new CheckView(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        dec(rs.getString(4), CHECK_NOTE))).list();
    }

    /** Moves a case from one status to the next; false when it was not in {@code from} (a concurrent step). */
    boolean verify(long id, String finding, LocalDate on, String by) {
        return jdbc.sql("update care_case set status = 'VERIFIED', finding = :f, verified_on = :d, verified_by = :by "
                        + "where id = :id and status = 'APPLIED'")
                .param("f", enc(finding, FINDING)).param("d", on).param("by", by).param("id", id).update() == 1;
    }

    boolean decide(long id, String result, String note, LocalDate on, String by) {
        return jdbc.sql("update care_case set status = 'DECIDED', result = :r, result_note = :n, decided_on = :d, "
                        + "decided_by = :by where id = :id and status = 'VERIFIED'")
                .param("r", result).param("n", enc(note, RESULT_NOTE)).param("d", on).param("by", by)
                .param("id", id).update() == 1;
    }

    void insertCheck(long caseId, long criterionId, boolean met, String note) {
        jdbc.sql("insert into care_case_check (case_id, criterion_id, met, note) values (:c, :k, :m, :n)")
                .param("c", caseId).param("k", criterionId).param("m", met).param("n", enc(note, CHECK_NOTE))
                .update();
    }

    // ------------------------------------------------------------------ 澄清正名

    long insertClearance(long personId, long nodeId, String report, LocalDate on, String published, String reach,
                         LocalDateTime at, String by) {
        jdbc.sql("insert into care_clearance (person_id, node_id, report, cleared_on, published, reach, created_at, "
                        + "created_by) values (:p, :n, :r, :d, :pub, :reach, :at, :by)")
                .param("p", personId).param("n", nodeId).param("r", enc(report, REPORT)).param("d", on)
                .param("pub", published).param("reach", reach).param("at", at).param("by", by).update(key(), "id");
        return lastKey();
    }

    private static final String CLEARANCE_SELECT = "select c.*, p.name as person_name, n.name as unit_name, n.path "
            + "from care_clearance c join person p on p.id = c.person_id join org_node n on n.id = c.node_id ";

    private ClearanceLine clearance(ResultSet rs) throws SQLException {
        return new ClearanceLine(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                rs.getString("unit_name"), dec(rs.getString("report"), REPORT), date(rs, "cleared_on"),
                rs.getString("published"), rs.getString("reach"));
    }

    List<ClearanceLine> clearances(OrgScope scope, int limit) {
        return clearances(scope, null, limit);
    }

    List<ClearanceLine> clearances(OrgScope scope, CarePeriod period, int limit) {
        return lines(CLEARANCE_SELECT, "c.cleared_on between :from and :to", "c.cleared_on desc, c.id desc", scope,
                period, limit, (rs, i) -> clearance(rs));
    }

    Optional<ClearanceLine> clearance(long id, OrgScope scope) {
        return jdbc.sql(CLEARANCE_SELECT + "where c.id = :id and" + IN_SCOPE).param("id", id)
                .param("scopePath", scope.pathPattern()).query((rs, i) -> clearance(rs)).optional();
    }

    // ------------------------------------------------------------------ 处理处分, 暖心回访

    long insertDiscipline(long personId, long nodeId, String kind, LocalDate decidedOn, LocalDate influenceUntil,
                          String summary, int visitMonths, LocalDate firstDue, LocalDateTime at, String by) {
        jdbc.sql("insert into care_discipline (person_id, node_id, kind, decided_on, influence_until, summary, "
                        + "visit_months, next_visit_due, created_at, created_by) values (:p, :n, :k, :d, :u, :s, :vm, "
                        + ":due, :at, :by)")
                .param("p", personId).param("n", nodeId).param("k", kind).param("d", decidedOn)
                .param("u", influenceUntil).param("s", enc(summary, SUMMARY)).param("vm", visitMonths)
                .param("due", firstDue).param("at", at).param("by", by).update(key(), "id");
        return lastKey();
    }

    /** The visits counted once per statement (a grouped join), not by two subqueries per discipline row. */
    private static final String DISCIPLINE_SELECT = "select d.*, p.name as person_name, n.name as unit_name, n.path, "
            + "coalesce(v.visits, 0) as visits, v.last_visit "
            + "from care_discipline d join person p on p.id = d.person_id join org_node n on n.id = d.node_id "
            + "left join (select discipline_id, count(*) as visits, max(visited_on) as last_visit from care_visit "
            + "group by discipline_id) v on v.discipline_id = d.id ";

    private static DisciplineLine discipline(ResultSet rs) throws SQLException {
        return new DisciplineLine(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                rs.getString("unit_name"), rs.getString("kind"), date(rs, "decided_on"), date(rs, "influence_until"),
                rs.getInt("visit_months"), date(rs, "next_visit_due"), rs.getLong("visits"), date(rs, "last_visit"));
    }

    List<DisciplineLine> disciplines(OrgScope scope, int limit) {
        return disciplines(scope, null, limit);
    }

    /** With a period: the visit plans running in it (decided by its end, 影响期 not over before it) or visited in it. */
    List<DisciplineLine> disciplines(OrgScope scope, CarePeriod period, int limit) {
        return lines(DISCIPLINE_SELECT, "(d.decided_on <= :to and coalesce(d.influence_until, d.decided_on) >= :from "
                        + "or exists (select 1 from care_visit w where w.discipline_id = d.id and w.visited_on between "
                        + ":from and :to))", "d.next_visit_due, d.id", scope, period, limit, (rs, i) -> discipline(rs));
    }

    record DisciplineRow(DisciplineLine line, String path, long nodeId, String summary) {
    }

    Optional<DisciplineRow> discipline(long id, OrgScope scope) {
        return jdbc.sql(DISCIPLINE_SELECT + "where d.id = :id and" + IN_SCOPE).param("id", id)
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> new DisciplineRow(discipline(rs), rs.getString("path"), rs.getLong("node_id"),
                        dec(rs.getString("summary"), SUMMARY))).optional();
    }

    void insertVisit(long disciplineId, long personId, long nodeId, LocalDate on, String visitors, String content,
                     LocalDateTime at, String by) {
        jdbc.sql("insert into care_visit (discipline_id, person_id, node_id, visited_on, visitors, content, "
                        + "created_at, created_by) values (:d, :p, :n, :on, :v, :c, :at, :by)")
                .param("d", disciplineId).param("p", personId).param("n", nodeId).param("on", on)
                .param("v", visitors).param("c", enc(content, CONTENT)).param("at", at).param("by", by).update();
    }

    void nextDue(long disciplineId, LocalDate due) {
        jdbc.sql("update care_discipline set next_visit_due = :due where id = :id").param("due", due)
                .param("id", disciplineId).update();
    }

    List<VisitLine> visits(long disciplineId) {
        return jdbc.sql("select id, visited_on, visitors, content from care_visit where discipline_id = :d "
                        + "order by visited_on desc, id desc").param("d", disciplineId)
                .query((rs, i) -> new VisitLine(rs.getLong(1), date(rs, "visited_on"), rs.getString(3),
                        dec(rs.getString(4), CONTENT))).list();
    }

    /** The scope's disciplines whose visit was due before {@code today}, earliest first. */
    List<DisciplineLine> dueBefore(OrgScope scope, LocalDate today, int limit) {
        return jdbc.sql(DISCIPLINE_SELECT + "where d.next_visit_due < :today and" + IN_SCOPE
                        + "order by d.next_visit_due, d.id limit :limit").param("today", today)
                .param("scopePath", scope.pathPattern()).param("limit", limit).query((rs, i) -> discipline(rs))
                .list();
    }

    void insertDunning(long disciplineId, String level, LocalDate due, LocalDateTime at, String by) {
        jdbc.sql("insert into care_visit_dunning (discipline_id, level, due_on, pressed_at, pressed_by) "
                        + "values (:d, :l, :due, :at, :by)").param("d", disciplineId).param("l", level)
                .param("due", due).param("at", at).param("by", by).update();
    }

    List<Dunning> dunnings(long disciplineId) {
        return jdbc.sql("select level, due_on, pressed_at, pressed_by from care_visit_dunning where discipline_id = :d "
                        + "order by pressed_at desc").param("d", disciplineId)
                .query((rs, i) -> new Dunning(rs.getString(1), date(rs, "due_on"),
                        rs.getTimestamp(3).toLocalDateTime(), rs.getString(4))).list();
    }

    // ------------------------------------------------------------------ re-use

    /** The appointment record as the care part reads it (table owned by the appointments part). */
    record Appointment(long id, long personId, String kind, String status, LocalDate effectiveOn) {
    }

    Optional<Appointment> appointment(long id) {
        return jdbc.sql("select id, person_id, kind, status, effective_on from cadre_appointment where id = :id")
                .param("id", id).query((rs, i) -> new Appointment(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), date(rs, "effective_on"))).optional();
    }

    boolean reuseOf(long appointmentId) {
        return jdbc.sql("select count(*) from care_reuse where appointment_id = :a").param("a", appointmentId)
                .query(Long.class).single() > 0;
    }

    long insertReuse(long disciplineId, long personId, long nodeId, long appointmentId, LocalDate effectiveOn,
                     LocalDateTime at, String by) {
        jdbc.sql("insert into care_reuse (discipline_id, person_id, node_id, appointment_id, effective_on, created_at, "
                        + "created_by) values (:d, :p, :n, :a, :e, :at, :by)").param("d", disciplineId)
                .param("p", personId).param("n", nodeId).param("a", appointmentId).param("e", effectiveOn)
                .param("at", at).param("by", by).update(key(), "id");
        return lastKey();
    }

    private static final String REUSE_SELECT = "select r.*, p.name as person_name, n.name as unit_name, n.path as node_path, "
            + "a.kind as appointment_kind, d.influence_until from care_reuse r join person p on p.id = r.person_id "
            + "join org_node n on n.id = r.node_id join cadre_appointment a on a.id = r.appointment_id "
            + "join care_discipline d on d.id = r.discipline_id ";

    private static ReuseLine reuse(ResultSet rs) throws SQLException {
        return new ReuseLine(rs.getLong("id"), rs.getLong("discipline_id"), rs.getLong("person_id"),
                rs.getString("person_name"), rs.getString("unit_name"), rs.getLong("appointment_id"),
                CareRules.appointmentKind(rs.getString("appointment_kind")), date(rs, "effective_on"),
                date(rs, "influence_until"));
    }

    List<ReuseLine> reuses(OrgScope scope, int limit) {
        return reuses(scope, null, limit);
    }

    List<ReuseLine> reuses(OrgScope scope, CarePeriod period, int limit) {
        return lines(REUSE_SELECT, "r.effective_on between :from and :to", "r.effective_on desc, r.id desc", scope,
                period, limit, (rs, i) -> reuse(rs));
    }

    /** The re-use recorded on an appointment record with the path of its node (the scope), if any. */
    Optional<java.util.Map.Entry<ReuseLine, String>> reuseOfAppointment(long appointmentId) {
        return jdbc.sql(REUSE_SELECT + "where r.appointment_id = :a").param("a", appointmentId)
                .query((rs, i) -> java.util.Map.entry(reuse(rs), rs.getString("node_path"))).optional();
    }

    /** The person's appointment records in force of a re-use kind not yet registered as a re-use, newest first. */
    List<CareViews.ReuseCandidate> reuseCandidates(long personId, LocalDate influenceUntil) {
        return jdbc.sql("select a.id, a.kind, a.effective_on, u.name, a.target_post from cadre_appointment a "
                        + "join org_node u on u.id = a.unit_id where a.person_id = :p and a.status = 'DONE' "
                        + "and a.kind in ('PROMOTION', 'FURTHER_USE', 'RANK_PROMOTION') and not exists "
                        + "(select 1 from care_reuse r where r.appointment_id = a.id) order by a.effective_on desc, a.id desc")
                .param("p", personId).query((rs, i) -> {
                    LocalDate e = rs.getDate(3).toLocalDate();
                    return new CareViews.ReuseCandidate(rs.getLong(1), CareRules.appointmentKind(rs.getString(2)), e,
                            rs.getString(4), rs.getString(5), influenceUntil == null || e.isAfter(influenceUntil));
                }).list();
    }

    List<ReuseLine> reusesOf(long disciplineId) {
        return jdbc.sql(REUSE_SELECT + "where r.discipline_id = :d order by r.effective_on").param("d", disciplineId)
                .query((rs, i) -> reuse(rs)).list();
    }

    // ------------------------------------------------------------------ 及时奖励

    long insertBatch(long nodeId, String name, LocalDate on, String basis, LocalDateTime at, String by) {
        jdbc.sql("insert into care_reward_batch (node_id, name, awarded_on, basis, created_at, created_by) "
                        + "values (:n, :name, :d, :b, :at, :by)").param("n", nodeId).param("name", name)
                .param("d", on).param("b", basis).param("at", at).param("by", by).update(key(), "id");
        return lastKey();
    }

    void insertItem(long batchId, Long personId, Long unitId, long nodeId, String reason) {
        jdbc.sql("insert into care_reward_item (batch_id, person_id, unit_id, node_id, reason) "
                        + "values (:b, :p, :u, :n, :r)").param("b", batchId).param("p", personId).param("u", unitId)
                .param("n", nodeId).param("r", reason).update();
    }

    boolean itemExists(long batchId, Long personId, Long unitId) {
        return jdbc.sql("select count(*) from care_reward_item where batch_id = :b and (person_id = :p or unit_id = :u)")
                .param("b", batchId).param("p", personId).param("u", unitId).query(Long.class).single() > 0;
    }

    private static final String BATCH_SELECT = "select b.id, b.name, b.awarded_on, b.basis, n.path, "
            + "(select count(distinct i.person_id) from care_reward_item i where i.batch_id = b.id) as people, "
            + "(select count(distinct i.unit_id) from care_reward_item i where i.batch_id = b.id) as units "
            + "from care_reward_batch b join org_node n on n.id = b.node_id ";

    private static BatchLine batch(ResultSet rs) throws SQLException {
        return new BatchLine(rs.getLong("id"), rs.getString("name"), date(rs, "awarded_on"), rs.getString("basis"),
                rs.getLong("people"), rs.getLong("units"));
    }

    List<BatchLine> batches(OrgScope scope, int limit) {
        return jdbc.sql(BATCH_SELECT + "where" + IN_SCOPE + "order by b.awarded_on desc, b.id desc limit :limit")
                .param("scopePath", scope.pathPattern()).param("limit", limit).query((rs, i) -> batch(rs)).list();
    }

    record BatchRow(BatchLine line, String path) {
    }

    Optional<BatchRow> batch(long id, OrgScope scope) {
        return jdbc.sql(BATCH_SELECT + "where b.id = :id and" + IN_SCOPE).param("id", id)
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> new BatchRow(batch(rs), rs.getString("path"))).optional();
    }

    /** An award of a batch: the batch's name and date with the item (one line of the ledger's 及时奖励 sheet). */
    record AwardLine(String batch, LocalDate awardedOn, ItemLine item) {
    }

    /** Every item of the batches awarded in the period, in one statement. */
    List<AwardLine> awards(OrgScope scope, CarePeriod period, int limit) {
        return lines("select b.name as batch_name, b.awarded_on, i.id, i.person_id, i.unit_id, coalesce(p.name, u.name) "
                        + "as name, m.name as unit_name, i.reason from care_reward_item i join care_reward_batch b on "
                        + "b.id = i.batch_id join org_node n on n.id = b.node_id left join person p on p.id = i.person_id "
                        + "left join org_node u on u.id = i.unit_id join org_node m on m.id = i.node_id ",
                "b.awarded_on between :from and :to", "b.awarded_on desc, b.id desc, i.id", scope, period, limit,
                (rs, i) -> new AwardLine(rs.getString("batch_name"), date(rs, "awarded_on"), new ItemLine(
                        rs.getLong("id"), rs.getObject("person_id", Long.class), rs.getObject("unit_id", Long.class),
                        rs.getString("name"), rs.getString("unit_name"), rs.getString("reason"))));
    }

    List<ItemLine> items(long batchId) {
        return jdbc.sql("select i.id, i.person_id, i.unit_id, coalesce(p.name, u.name) as name, n.name as unit_name, "
                        + "i.reason from care_reward_item i left join person p on p.id = i.person_id "
                        + "left join org_node u on u.id = i.unit_id join org_node n on n.id = i.node_id "
                        + "where i.batch_id = :b order by i.id").param("b", batchId)
                .query((rs, i) -> new ItemLine(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    /** A unit (集体) of the scope: its id, name and path; empty when absent or outside. */
    Optional<String[]> unit(long unitId, OrgScope scope) {
        return jdbc.sql("select name, path from org_node n where n.id = :id and n.kind in ('UNIT', 'TOWNSHIP', "
                        + "'VILLAGE', 'COUNTY', 'CITY', 'PARTY_ORG') and" + IN_SCOPE).param("id", unitId)
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    // ------------------------------------------------------------------ 担当作为好干部

    long insertExemplar(long personId, long nodeId, String round, String deeds, LocalDateTime at, String by) {
        jdbc.sql("insert into care_exemplar (person_id, node_id, round, deeds, status, created_at, created_by) "
                        + "values (:p, :n, :r, :d, 'NOMINATED', :at, :by)").param("p", personId).param("n", nodeId)
                .param("r", round).param("d", deeds).param("at", at).param("by", by).update(key(), "id");
        return lastKey();
    }

    private static final String EXEMPLAR_SELECT = "select e.*, p.name as person_name, n.name as unit_name, n.path "
            + "from care_exemplar e join person p on p.id = e.person_id join org_node n on n.id = e.node_id ";

    private static ExemplarLine exemplar(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return new ExemplarLine(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                rs.getString("unit_name"), rs.getString("round"), rs.getString("deeds"), status,
                CareRules.exemplarStatus(status), rs.getString("review_note"), date(rs, "publicity_from"),
                date(rs, "publicity_until"), date(rs, "published_on"));
    }

    List<ExemplarLine> exemplars(OrgScope scope, int limit) {
        return exemplars(scope, null, limit);
    }

    /** With a period: published in it, or (not yet published) nominated in it. */
    List<ExemplarLine> exemplars(OrgScope scope, CarePeriod period, int limit) {
        return lines(EXEMPLAR_SELECT, "coalesce(e.published_on, cast(e.created_at as date)) between :from and :to",
                "e.id desc", scope, period, limit, (rs, i) -> exemplar(rs));
    }

    record ExemplarRow(ExemplarLine line, String path) {
    }

    Optional<ExemplarRow> exemplar(long id, OrgScope scope) {
        return jdbc.sql(EXEMPLAR_SELECT + "where e.id = :id and" + IN_SCOPE).param("id", id)
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> new ExemplarRow(exemplar(rs), rs.getString("path"))).optional();
    }

    /** One workflow step: the status moves from {@code from} only (false when it was not there). */
    boolean exemplarStep(long id, String from, String to, String note, LocalDate publicityFrom,
                         LocalDate publicityUntil, LocalDate publishedOn) {
        return jdbc.sql("update care_exemplar set status = :to, review_note = coalesce(:note, review_note), "
                        + "publicity_from = coalesce(:pf, publicity_from), publicity_until = coalesce(:pu, "
                        + "publicity_until), published_on = coalesce(:po, published_on) where id = :id and status = :from")
                .param("to", to).param("note", note).param("pf", publicityFrom).param("pu", publicityUntil)
                .param("po", publishedOn).param("id", id).param("from", from).update() == 1;
    }
}

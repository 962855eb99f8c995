package cn.zugong.talent.internal.support;

import cn.zugong.shared.OrgScope;
import cn.zugong.talent.internal.support.SupportRecords.Contact;
import cn.zugong.talent.internal.support.SupportRecords.ContactMode;
import cn.zugong.talent.internal.support.SupportRecords.Duty;
import cn.zugong.talent.internal.support.SupportRecords.Liaison;
import cn.zugong.talent.internal.support.SupportRecords.Member;
import cn.zugong.talent.internal.support.SupportRecords.Platform;
import cn.zugong.talent.internal.support.SupportRecords.Project;
import cn.zugong.talent.internal.support.SupportRecords.Request;
import cn.zugong.talent.internal.support.SupportRecords.Served;
import cn.zugong.talent.internal.support.SupportRecords.TargetKind;
import cn.zugong.talent.internal.support.SupportRecords.Team;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of the support part: 专班, members, served, contacts, platforms, projects, liaisons, requests. */
@Repository
class SupportRepository {

    private static final String TEAM = """
            select t.id, t.node_id, n.path, n.name, t.code, t.name, t.fields, t.remit, t.lead_unit, t.leader_person_id,
                   t.leader_name, t.sort_order
              from talent_team t join org_node n on n.id = t.node_id
            """;
    private static final String PLATFORM = """
            select p.id, p.node_id, n.path, n.name, p.name, p.kind, p.grade, p.employer_id
              from talent_platform p join org_node n on n.id = p.node_id
            """;
    private static final String PROJECT = """
            select p.id, p.node_id, n.path, n.name, p.name, p.kind, p.employer_id, p.started_on
              from talent_project p join org_node n on n.id = p.node_id
            """;
    private static final String REQUEST = """
            select r.id, r.node_id, n.path, r.talent_id, r.employer_id, r.team_id, r.contact_id, r.topic, r.title,
                   r.ticket_item_id, r.ticket_no, r.raised_by, r.raised_at
              from talent_request r join org_node n on n.id = r.node_id
            """;
    private static final String CONTACT = """
            select id, node_id, team_id, target_kind, target_id, contact_date, mode, whom, by_name, content, problems,
                   recorded_by from talent_contact
            """;

    private final JdbcClient jdbc;

    SupportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- 专班 ------------------------------------------------------------------------------------------------

    long insertTeam(long nodeId, String code, String name, String fields, String remit, String leadUnit,
                    Long leaderPersonId, String leaderName, int sortOrder, String by, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_team (node_id, code, name, fields, remit, lead_unit, leader_person_id, leader_name,
                    sort_order, created_by, created_at)
                values (:node, :code, :name, :fields, :remit, :lead, :person, :leader, :sort, :by, :now)
                """).param("node", nodeId).param("code", code).param("name", name).param("fields", fields)
                .param("remit", remit).param("lead", leadUnit).param("person", leaderPersonId)
                .param("leader", leaderName).param("sort", sortOrder).param("by", by).param("now", now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    boolean teamCodeExists(String code) {
        return jdbc.sql("select count(*) from talent_team where code = :c").param("c", code).query(Long.class).single() > 0;
    }

    Optional<Team> team(long id) {
        return jdbc.sql(TEAM + " where t.id = :id").param("id", id).query(this::teamRow).optional();
    }

    List<Team> teams(OrgScope scope) {
        return jdbc.sql(TEAM + " where " + OrgScope.sqlContains("t.node_id") + " order by t.sort_order, t.id")
                .param("scopePath", scope.pathPattern()).query(this::teamRow).list();
    }

    long insertMember(long teamId, Long personId, String name, String unitName, Duty duty, String by,
                      LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_team_member (team_id, person_id, name, unit_name, duty, added_by, added_at)
                values (:team, :person, :name, :unit, :duty, :by, :now)
                """).param("team", teamId).param("person", personId).param("name", name).param("unit", unitName)
                .param("duty", duty.name()).param("by", by).param("now", now).update(key, "id");
        return key.getKey().longValue();
    }

    List<Member> members(long teamId) {
        return jdbc.sql("select id, team_id, person_id, name, unit_name, duty from talent_team_member where team_id = :t "
                        + "order by case duty when 'LEADER' then 0 when 'DEPUTY' then 1 when 'LIAISON' then 3 else 2 end, id")
                .param("t", teamId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), Duty.valueOf(rs.getString(6)))).list();
    }

    /** Members per team. */
    Map<Long, Long> memberCounts(Collection<Long> teamIds) {
        return counts("select team_id, count(*) from talent_team_member where team_id in (:ids) group by team_id", teamIds);
    }

    boolean served(long teamId, Long employerId, Long talentId) {
        return jdbc.sql("select count(*) from talent_team_served where team_id = :t and "
                        + (employerId != null ? "employer_id = :e" : "talent_id = :p"))
                .param("t", teamId).param("e", employerId).param("p", talentId).query(Long.class).single() > 0;
    }

    void insertServed(long teamId, Long employerId, Long talentId, String by, LocalDateTime now) {
        jdbc.sql("""
                insert into talent_team_served (team_id, employer_id, talent_id, added_by, added_at)
                values (:t, :e, :p, :by, :now)
                """).param("t", teamId).param("e", employerId).param("p", talentId).param("by", by)
                .param("now", now).update();
    }

    /** Served rows without names (the service resolves them from the registry). */
    List<Served> served(long teamId) {
        return jdbc.sql("select id, team_id, employer_id, talent_id from talent_team_served where team_id = :t order by id")
                .param("t", teamId).query((rs, n) -> new Served(rs.getLong(1), rs.getLong(2),
                        (Long) rs.getObject(3, Long.class), (Long) rs.getObject(4, Long.class), null)).list();
    }

    Map<Long, Long> servedCounts(Collection<Long> teamIds) {
        return counts("select team_id, count(*) from talent_team_served where team_id in (:ids) group by team_id", teamIds);
    }

    // ---- contacts --------------------------------------------------------------------------------------------

    long insertContact(long nodeId, Long teamId, TargetKind kind, Long targetId, LocalDate date, ContactMode mode,
                       String whom, String byName, String content, int problems, String by, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_contact (node_id, team_id, target_kind, target_id, contact_date, mode, whom, by_name,
                    content, problems, recorded_by, recorded_at)
                values (:node, :team, :kind, :target, :date, :mode, :whom, :byName, :content, :problems, :by, :now)
                """).param("node", nodeId).param("team", teamId).param("kind", kind == null ? null : kind.name())
                .param("target", targetId).param("date", date).param("mode", mode.name()).param("whom", whom)
                .param("byName", byName).param("content", content).param("problems", problems).param("by", by)
                .param("now", now).update(key, "id");
        return key.getKey().longValue();
    }

    /** One more problem found on the contact (a 人才诉求 raised from it). */
    void countProblem(long contactId) {
        jdbc.sql("update talent_contact set problems = problems + 1 where id = :id").param("id", contactId).update();
    }

    Optional<Contact> contact(long id) {
        return jdbc.sql(CONTACT + " where id = :id").param("id", id).query(this::contactRow).optional();
    }

    List<Contact> teamContacts(long teamId) {
        return jdbc.sql(CONTACT + " where team_id = :t order by contact_date desc, id desc").param("t", teamId)
                .query(this::contactRow).list();
    }

    List<Contact> targetContacts(TargetKind kind, long targetId) {
        return jdbc.sql(CONTACT + " where target_kind = :k and target_id = :t order by contact_date desc, id desc")
                .param("k", kind.name()).param("t", targetId).query(this::contactRow).list();
    }

    Map<Long, Long> contactCounts(Collection<Long> teamIds) {
        return counts("select team_id, count(*) from talent_contact where team_id in (:ids) group by team_id", teamIds);
    }

    /** The last contact date and the number of contacts of every target of one kind. */
    Map<Long, Object[]> targetContactSummary(TargetKind kind) {
        Map<Long, Object[]> out = new HashMap<>();
        jdbc.sql("select target_id, max(contact_date), count(*) from talent_contact where target_kind = :k group by target_id")
                .param("k", kind.name())
                .query((rs, n) -> out.put(rs.getLong(1), new Object[] {rs.getObject(2, LocalDate.class), rs.getLong(3)}))
                .list();
        return out;
    }

    // ---- platforms, projects, key talents, liaisons ---------------------------------------------------------

    long insertPlatform(long nodeId, String name, String kind, String grade, long employerId, String by,
                        LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_platform (node_id, name, kind, grade, employer_id, created_by, created_at)
                values (:node, :name, :kind, :grade, :employer, :by, :now)
                """).param("node", nodeId).param("name", name).param("kind", kind).param("grade", grade)
                .param("employer", employerId).param("by", by).param("now", now).update(key, "id");
        return key.getKey().longValue();
    }

    long insertProject(long nodeId, String name, String kind, Long employerId, LocalDate startedOn, String by,
                       LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_project (node_id, name, kind, employer_id, started_on, created_by, created_at)
                values (:node, :name, :kind, :employer, :started, :by, :now)
                """).param("node", nodeId).param("name", name).param("kind", kind).param("employer", employerId)
                .param("started", startedOn).param("by", by).param("now", now).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Platform> platform(long id) {
        return jdbc.sql(PLATFORM + " where p.id = :id").param("id", id).query(this::platformRow).optional();
    }

    List<Platform> platforms(OrgScope scope) {
        return jdbc.sql(PLATFORM + " where " + OrgScope.sqlContains("p.node_id") + " order by p.id")
                .param("scopePath", scope.pathPattern()).query(this::platformRow).list();
    }

    Optional<Project> project(long id) {
        return jdbc.sql(PROJECT + " where p.id = :id").param("id", id).query(this::projectRow).optional();
    }

    List<Project> projects(OrgScope scope) {
        return jdbc.sql(PROJECT + " where " + OrgScope.sqlContains("p.node_id") + " order by p.id")
                .param("scopePath", scope.pathPattern()).query(this::projectRow).list();
    }

    boolean keyTalent(long talentId) {
        return jdbc.sql("select count(*) from talent_key_talent where talent_id = :t").param("t", talentId)
                .query(Long.class).single() > 0;
    }

    void insertKeyTalent(long talentId, String reason, String by, LocalDateTime now) {
        jdbc.sql("insert into talent_key_talent (talent_id, reason, added_by, added_at) values (:t, :r, :by, :now)")
                .param("t", talentId).param("r", reason).param("by", by).param("now", now).update();
    }

    /** Designated key talents (beyond A–C): talent id → reason. */
    Map<Long, String> keyTalents() {
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("select talent_id, reason from talent_key_talent")
                .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    Optional<Liaison> liaison(TargetKind kind, long targetId) {
        return jdbc.sql("select target_kind, target_id, leader_person_id, leader_name, leader_post, since from talent_liaison "
                        + "where target_kind = :k and target_id = :t").param("k", kind.name()).param("t", targetId)
                .query(this::liaisonRow).optional();
    }

    Map<Long, Liaison> liaisons(TargetKind kind) {
        Map<Long, Liaison> out = new HashMap<>();
        jdbc.sql("select target_kind, target_id, leader_person_id, leader_name, leader_post, since from talent_liaison "
                        + "where target_kind = :k").param("k", kind.name())
                .query(this::liaisonRow).list().forEach(l -> out.put(l.targetId(), l));
        return out;
    }

    void deleteLiaison(TargetKind kind, long targetId) {
        jdbc.sql("delete from talent_liaison where target_kind = :k and target_id = :t").param("k", kind.name())
                .param("t", targetId).update();
    }

    void insertLiaison(TargetKind kind, long targetId, Long personId, String name, String post, LocalDate since,
                       String by, LocalDateTime now) {
        jdbc.sql("""
                insert into talent_liaison (target_kind, target_id, leader_person_id, leader_name, leader_post, since,
                    assigned_by, assigned_at)
                values (:k, :t, :p, :name, :post, :since, :by, :now)
                """).param("k", kind.name()).param("t", targetId).param("p", personId).param("name", name)
                .param("post", post).param("since", since).param("by", by).param("now", now).update();
    }

    // ---- 人才诉求 ----------------------------------------------------------------------------------------------

    long insertRequest(long nodeId, Long talentId, Long employerId, Long teamId, Long contactId, String topic,
                       String title, String by, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_request (node_id, talent_id, employer_id, team_id, contact_id, topic, title,
                    raised_by, raised_at)
                values (:node, :talent, :employer, :team, :contact, :topic, :title, :by, :now)
                """).param("node", nodeId).param("talent", talentId).param("employer", employerId)
                .param("team", teamId).param("contact", contactId).param("topic", topic).param("title", title)
                .param("by", by).param("now", now).update(key, "id");
        return key.getKey().longValue();
    }

    void linkTicket(long requestId, long itemId, String ticketNo) {
        jdbc.sql("update talent_request set ticket_item_id = :i, ticket_no = :n where id = :id").param("i", itemId)
                .param("n", ticketNo).param("id", requestId).update();
    }

    Optional<Request> request(long id) {
        return jdbc.sql(REQUEST + " where r.id = :id").param("id", id).query(this::requestRow).optional();
    }

    List<Request> requestsOfTalent(long talentId) {
        return jdbc.sql(REQUEST + " where r.talent_id = :t order by r.raised_at desc, r.id desc").param("t", talentId)
                .query(this::requestRow).list();
    }

    List<Request> requestsOfTeam(long teamId) {
        return jdbc.sql(REQUEST + " where r.team_id = :t order by r.raised_at desc, r.id desc").param("t", teamId)
                .query(this::requestRow).list();
    }

    /** Requests in a scope, optionally of one team, newest first. */
    List<Request> requests(OrgScope scope, Long teamId, int limit) {
        return jdbc.sql(REQUEST + " where " + OrgScope.sqlContains("r.node_id")
                        + " and (cast(:team as bigint) is null or r.team_id = :team) order by r.raised_at desc, r.id desc limit :limit")
                .param("scopePath", scope.pathPattern()).param("team", teamId).param("limit", limit)
                .query(this::requestRow).list();
    }

    /** The ticket item ids of the requests of each team in a scope (figures: problems per 专班). */
    Map<Long, List<Long>> ticketsByTeam(OrgScope scope) {
        Map<Long, List<Long>> out = new HashMap<>();
        jdbc.sql("select coalesce(team_id, 0), ticket_item_id from talent_request r where ticket_item_id is not null and "
                        + OrgScope.sqlContains("r.node_id")).param("scopePath", scope.pathPattern())
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2)))
                .list();
        return out;
    }

    /** The ticket item ids of the requests in a scope by topic. */
    Map<String, List<Long>> ticketsByTopic(OrgScope scope) {
        Map<String, List<Long>> out = new HashMap<>();
        jdbc.sql("select topic, ticket_item_id from talent_request r where ticket_item_id is not null and "
                        + OrgScope.sqlContains("r.node_id")).param("scopePath", scope.pathPattern())
                .query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2)))
                .list();
        return out;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Map<Long, Long> counts(String sql, Collection<Long> ids) {
        Map<Long, Long> out = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(sql).param("ids", ids).query((rs, n) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        }
        return out;
    }

    private Team teamRow(ResultSet rs, int n) throws SQLException {
        return new Team(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), (Long) rs.getObject(10, Long.class),
                rs.getString(11), rs.getInt(12));
    }

    private Platform platformRow(ResultSet rs, int n) throws SQLException {
        return new Platform(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8));
    }

    private Project projectRow(ResultSet rs, int n) throws SQLException {
        return new Project(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), (Long) rs.getObject(7, Long.class), rs.getObject(8, LocalDate.class));
    }

    private Contact contactRow(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString(4);
        return new Contact(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                kind == null ? null : TargetKind.valueOf(kind), (Long) rs.getObject(5, Long.class),
                rs.getObject(6, LocalDate.class), ContactMode.valueOf(rs.getString(7)), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getInt(11), rs.getString(12));
    }

    private Liaison liaisonRow(ResultSet rs, int n) throws SQLException {
        return new Liaison(TargetKind.valueOf(rs.getString(1)), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class));
    }

    private Request requestRow(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp(13);
        return new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class),
                (Long) rs.getObject(7, Long.class), rs.getString(8), rs.getString(9),
                (Long) rs.getObject(10, Long.class), rs.getString(11), rs.getString(12),
                at == null ? null : at.toLocalDateTime());
    }
}

package cn.zugong.cadre.internal.frontline;

import cn.zugong.cadre.internal.frontline.FrontlineViews.Cadre;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Campaign;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Kind;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Member;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Photo;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Record;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Team;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of 一线考察. Names of people come from the roster's person table (read only). */
@Repository
class FrontlineStore {

    private final JdbcClient jdbc;

    FrontlineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Kind> kinds() {
        return jdbc.sql("select code, name from frontline_kind order by sort_order").query(Kind.class).list();
    }

    private static final String CAMPAIGN = """
            select c.*, n.name as node_name, n.path as node_path, k.name as kind_name,
                   (select count(*) from frontline_team t where t.campaign_id = c.id) as teams,
                   (select count(*) from frontline_cadre x where x.campaign_id = c.id) as cadres,
                   (select count(*) from frontline_record r where r.campaign_id = c.id) as records
              from frontline_campaign c join org_node n on n.id = c.node_id join frontline_kind k on k.code = c.kind""";

    Optional<Campaign> campaign(long id) {
        return jdbc.sql(CAMPAIGN + " where c.id = :id").param("id", id).query(FrontlineStore::campaign).optional();
    }

    List<Campaign> campaigns(OrgScope scope, int limit) {
        return jdbc.sql(CAMPAIGN + " where n.path like :sp order by c.starts_on desc, c.id desc limit " + limit)
                .param("sp", scope.pathPattern()).query(FrontlineStore::campaign).list();
    }

    private static Campaign campaign(ResultSet rs, int i) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_name"),
                rs.getString("node_path"), rs.getString("name"), rs.getString("kind"), rs.getString("kind_name"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("dimensions"), rs.getString("description"), rs.getString("status"),
                rs.getObject("closed_at", LocalDateTime.class), rs.getLong("teams"), rs.getLong("cadres"),
                rs.getLong("records"));
    }

    long insertCampaign(long nodeId, String name, String kind, LocalDate from, LocalDate to, String dimensions,
                        String description, String actor, LocalDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into frontline_campaign (node_id, name, kind, starts_on, ends_on, dimensions, description, "
                        + "status, created_at, created_by) values (:n, :name, :k, :f, :t, :d, :desc, 'OPEN', :at, :by)")
                .param("n", nodeId).param("name", name).param("k", kind).param("f", from).param("t", to)
                .param("d", dimensions).param("desc", description).param("at", at).param("by", actor)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    int close(long id, String actor, LocalDateTime at) {
        return jdbc.sql("update frontline_campaign set status = 'CLOSED', closed_at = :at, closed_by = :by "
                + "where id = :id and status = 'OPEN'").param("at", at).param("by", actor).param("id", id).update();
    }

    // ------------------------------------------------------------------ teams and cadres

    List<Team> teams(long campaignId) {
        Map<Long, List<Member>> members = new HashMap<>();
        jdbc.sql("select m.team_id, m.person_id, p.name, m.role from frontline_team_member m "
                        + "join frontline_team t on t.id = m.team_id join person p on p.id = m.person_id "
                        + "where t.campaign_id = :c order by m.team_id, case when m.role = 'LEADER' then 0 else 1 end, p.name")
                .param("c", campaignId).query((rs, i) -> members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Member(rs.getLong(2), rs.getString(3), rs.getString(4)))).list();
        return jdbc.sql("select t.id, t.name, (select count(*) from frontline_cadre x where x.team_id = t.id) as n "
                        + "from frontline_team t where t.campaign_id = :c order by t.id").param("c", campaignId)
                .query((rs, i) -> new Team(rs.getLong(1), campaignId, rs.getString(2),
                        members.getOrDefault(rs.getLong(1), List.of()), rs.getLong(3))).list();
    }

    Optional<Team> team(long campaignId, long teamId) {
        return teams(campaignId).stream().filter(t -> t.id() == teamId).findFirst();
    }

    long insertTeam(long campaignId, String name, String actor, LocalDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into frontline_team (campaign_id, name, created_at, created_by) values (:c, :n, :at, :by)")
                .param("c", campaignId).param("n", name).param("at", at).param("by", actor).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertMember(long teamId, long personId, boolean leader) {
        jdbc.sql("insert into frontline_team_member (team_id, person_id, role) values (:t, :p, :r)")
                .param("t", teamId).param("p", personId).param("r", leader ? "LEADER" : "MEMBER").update();
    }

    private static final String CADRE = """
            select x.*, t.name as team_name, p.name as person_name, u.name as unit_name, u.path as unit_path,
                   (select count(*) from frontline_record r where r.cadre_id = x.id) as records
              from frontline_cadre x join frontline_team t on t.id = x.team_id join person p on p.id = x.person_id
              join org_node u on u.id = x.unit_id""";

    List<Cadre> cadres(long campaignId) {
        Map<Long, List<Long>> evidence = new HashMap<>();
        jdbc.sql("select e.cadre_id, e.record_id from frontline_evidence e join frontline_cadre x on x.id = e.cadre_id "
                        + "where x.campaign_id = :c order by e.record_id").param("c", campaignId)
                .query((rs, i) -> evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        return jdbc.sql(CADRE + " where x.campaign_id = :c order by t.id, u.name, p.name").param("c", campaignId)
                .query((rs, i) -> cadre(rs, evidence.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    Optional<Cadre> cadre(long id) {
        return jdbc.sql(CADRE + " where x.id = :id").param("id", id).query((rs, i) -> cadre(rs, List.of())).optional();
    }

    Optional<Cadre> cadreOfPerson(long campaignId, long personId) {
        return jdbc.sql(CADRE + " where x.campaign_id = :c and x.person_id = :p").param("c", campaignId)
                .param("p", personId).query((rs, i) -> cadre(rs, List.of())).optional();
    }

    private static Cadre cadre(ResultSet rs, List<Long> evidence) throws SQLException {
        return new Cadre(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("team_id"), rs.getString("team_name"),
                rs.getLong("person_id"), rs.getString("person_name"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getString("unit_path"), rs.getString("outcome"), rs.getString("outcome_note"),
                rs.getLong("records"), evidence);
    }

    boolean assessed(long campaignId, long personId) {
        return jdbc.sql("select count(*) from frontline_cadre where campaign_id = :c and person_id = :p")
                .param("c", campaignId).param("p", personId).query(Long.class).single() > 0;
    }

    void insertCadre(long campaignId, long teamId, long personId, long unitId, String actor, LocalDateTime at) {
        jdbc.sql("insert into frontline_cadre (campaign_id, team_id, person_id, unit_id, created_at, created_by) "
                        + "values (:c, :t, :p, :u, :at, :by)").param("c", campaignId).param("t", teamId)
                .param("p", personId).param("u", unitId).param("at", at).param("by", actor).update();
    }

    void setOutcome(long cadreId, String outcome, String note, List<Long> evidence, String actor, LocalDateTime at) {
        jdbc.sql("update frontline_cadre set outcome = :o, outcome_note = :n, outcome_at = :at, outcome_by = :by "
                        + "where id = :id").param("o", outcome).param("n", note).param("at", at).param("by", actor)
                .param("id", cadreId).update();
        jdbc.sql("delete from frontline_evidence where cadre_id = :c").param("c", cadreId).update();
        for (long r : evidence) {
            jdbc.sql("insert into frontline_evidence (cadre_id, record_id) values (:c, :r)").param("c", cadreId)
                    .param("r", r).update();
        }
    }

    // ------------------------------------------------------------------ records and photos

    private static final String RECORD = """
            select r.*, t.name as team_name, x.person_id, p.name as person_name, u.name as unit_name
              from frontline_record r join frontline_team t on t.id = r.team_id
              join frontline_cadre x on x.id = r.cadre_id join person p on p.id = x.person_id
              join org_node u on u.id = x.unit_id""";

    List<Record> records(long campaignId) {
        Map<Long, Map<String, Integer>> ratings = new HashMap<>();
        jdbc.sql("select g.record_id, g.dimension, g.score from frontline_rating g join frontline_record r "
                        + "on r.id = g.record_id where r.campaign_id = :c").param("c", campaignId)
                .query((rs, i) -> ratings.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getInt(3))).list();
        Map<Long, List<Long>> photos = new HashMap<>();
        jdbc.sql("select f.record_id, f.id from frontline_photo f join frontline_record r on r.id = f.record_id "
                        + "where r.campaign_id = :c order by f.id").param("c", campaignId)
                .query((rs, i) -> photos.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        return jdbc.sql(RECORD + " where r.campaign_id = :c order by r.recorded_on desc, r.id desc")
                .param("c", campaignId).query((rs, i) -> record(rs, ratings.getOrDefault(rs.getLong("id"), Map.of()),
                        photos.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    Optional<Record> record(long id) {
        return jdbc.sql(RECORD + " where r.id = :id").param("id", id).query((rs, i) -> record(rs, Map.of(), List.of()))
                .optional().map(r -> records(r.campaignId()).stream().filter(x -> x.id() == id).findFirst()
                        .orElseThrow());
    }

    private static Record record(ResultSet rs, Map<String, Integer> ratings, List<Long> photos) throws SQLException {
        return new Record(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("team_id"),
                rs.getString("team_name"), rs.getLong("cadre_id"), rs.getLong("person_id"),
                rs.getString("person_name"), rs.getString("unit_name"), rs.getString("method"),
                rs.getObject("recorded_on", LocalDate.class), rs.getString("place"), rs.getString("seen"),
                rs.getString("talked_to"), rs.getString("summary"), ratings, photos, rs.getString("created_by"),
                rs.getObject("created_at", LocalDateTime.class));
    }

    /** The ids among {@code ids} that are records of the cadre (a campaign's cadre row). */
    List<Long> recordsOfCadre(long cadreId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from frontline_record where cadre_id = :c and id in (:ids)").param("c", cadreId)
                .param("ids", ids).query(Long.class).list();
    }

    long insertRecord(long campaignId, long teamId, long cadreId, String method, LocalDate on, String place,
                      String seen, String talkedTo, String summary, String actor, LocalDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into frontline_record (campaign_id, team_id, cadre_id, method, recorded_on, place, seen, "
                        + "talked_to, summary, created_at, created_by) values (:c, :t, :x, :m, :on, :pl, :s, :w, :sum, "
                        + ":at, :by)").param("c", campaignId).param("t", teamId).param("x", cadreId).param("m", method)
                .param("on", on).param("pl", place).param("s", seen).param("w", talkedTo).param("sum", summary)
                .param("at", at).param("by", actor).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertRating(long recordId, String dimension, int score) {
        jdbc.sql("insert into frontline_rating (record_id, dimension, score) values (:r, :d, :s)").param("r", recordId)
                .param("d", dimension).param("s", score).update();
    }

    void insertPhoto(long recordId, String fileName, String contentType, byte[] bytes, String sha256, String actor,
                     LocalDateTime at) {
        jdbc.sql("insert into frontline_photo (record_id, file_name, content_type, size_bytes, sha256, content, "
                        + "uploaded_by, uploaded_at) values (:r, :f, :t, :s, :h, :c, :by, :at)").param("r", recordId)
                .param("f", fileName).param("t", contentType).param("s", bytes.length).param("h", sha256)
                .param("c", bytes).param("by", actor).param("at", at).update();
    }

    Optional<Photo> photo(long recordId, long photoId) {
        return jdbc.sql("select id, file_name, content_type, content, sha256 from frontline_photo "
                        + "where id = :p and record_id = :r").param("p", photoId).param("r", recordId)
                .query((rs, i) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5))).optional();
    }

    /** A line of the 先进 / 典型案例 lists: the person, the campaign, the outcome's note and its evidence count. */
    public record Listed(long campaignId, String campaignName, LocalDate startsOn, long personId, String name, String unitName,
                  String outcome, String note, long evidence) {
    }

    /** The 先进 and 典型案例 of the campaigns starting in the period, of cadres whose unit lies in the scope. */
    List<Listed> outcomeList(OrgScope scope, LocalDate from, LocalDate to) {
        return listed(scope, from, to, "x.outcome in ('ADVANCED', 'CASE')", "", Map.of());
    }

    /**
     * One page of one list (ADVANCED or CASE), the rows in the order of the whole list; {@code total} is the list's
     * size from {@link #outcomeCounts}.
     */
    PageResult<Listed> outcomePage(OrgScope scope, LocalDate from, LocalDate to, String outcome, int page, int size,
                                   long total) {
        PageResult<Listed> empty = new PageResult<>(List.of(), page, size, total);
        return new PageResult<>(listed(scope, from, to, "x.outcome = :o", " limit :limit offset :offset",
                Map.of("o", outcome, "limit", size, "offset", empty.offset())), page, size, total);
    }

    /** The size of each list (ADVANCED, CASE) in the scope and period. */
    Map<String, Long> outcomeCounts(OrgScope scope, LocalDate from, LocalDate to) {
        Map<String, Long> out = new HashMap<>(Map.of("ADVANCED", 0L, "CASE", 0L));
        jdbc.sql("select x.outcome, count(*)" + LISTED_FROM + " and x.outcome in ('ADVANCED', 'CASE') group by x.outcome")
                .param("sp", scope.pathPattern()).param("f", from).param("t", to)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private static final String LISTED_FROM = " " + """
             from frontline_cadre x join frontline_campaign c on c.id = x.campaign_id
              join person p on p.id = x.person_id join org_node u on u.id = x.unit_id
             where u.path like :sp and c.starts_on between :f and :t""";

    private List<Listed> listed(OrgScope scope, LocalDate from, LocalDate to, String outcome, String limit,
                                Map<String, Object> params) {
        return jdbc.sql("""
                select c.id, c.name as campaign_name, c.starts_on, x.person_id, p.name, u.name as unit_name, x.outcome,
                       x.outcome_note, (select count(*) from frontline_evidence e where e.cadre_id = x.id) as evidence"""
                        + LISTED_FROM + " and " + outcome + " order by c.starts_on desc, c.id, u.name, p.name, x.id"
                        + limit)
                .param("sp", scope.pathPattern()).param("f", from).param("t", to).params(params)
                .query((rs, i) -> new Listed(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getLong(9))).list();
    }
}

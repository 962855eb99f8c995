package cn.zugong.party.internal.checkin;

import cn.zugong.party.CheckinPostKind;
import cn.zugong.party.CheckinPostRole;
import cn.zugong.party.CheckinReason;
import cn.zugong.party.internal.checkin.CheckinViews.Log;
import cn.zugong.party.internal.checkin.CheckinViews.Member;
import cn.zugong.party.internal.checkin.CheckinViews.Pairing;
import cn.zugong.party.internal.checkin.CheckinViews.Photo;
import cn.zugong.party.internal.checkin.CheckinViews.Place;
import cn.zugong.party.internal.checkin.CheckinViews.Post;
import cn.zugong.party.internal.checkin.CheckinViews.Registration;
import cn.zugong.party.internal.checkin.CheckinViews.Village;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Photos;
import cn.zugong.shared.crypto.FieldCipher;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of 党员报到: registrations, pairings, posts, claims, logs and photos. */
@Repository
public class CheckinStore {

    static final String MEMBER_ID_NUMBER_AAD = "party_member.id_number";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    CheckinStore(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    // ------------------------------------------------------------------ members and villages

    private static final String MEMBER = """
            select m.id, m.branch_id, b.path, b.name as branch_name, m.name, m.birth_date, m.id_number, m.username
            from party_member m join org_node b on b.id = m.branch_id""";

    public Optional<Member> member(long id) {
        return jdbc.sql(MEMBER + " where m.id = :id").param("id", id).query(this::mapMember).optional();
    }

    public Optional<Member> memberByUsername(String username) {
        return jdbc.sql(MEMBER + " where m.username = :u").param("u", username).query(this::mapMember).optional();
    }

    private Member mapMember(ResultSet rs, int i) throws SQLException {
        return new Member(rs.getLong("id"), rs.getLong("branch_id"), rs.getString("path"),
                rs.getString("branch_name"), rs.getString("name"), rs.getObject("birth_date", LocalDate.class),
                cipher.decrypt(rs.getString("id_number"), MEMBER_ID_NUMBER_AAD), rs.getString("username"));
    }

    public Optional<Village> village(long id) {
        return jdbc.sql("""
                select v.id, v.code, v.name, v.path,
                       (select min(b.id) from org_node b where b.parent_id = v.id and b.kind = 'PARTY_ORG') as branch_id,
                       t.name as township_name, c.code as county_code, c.name as county_name
                from org_node v join org_node t on t.id = v.parent_id
                left join org_node c on c.kind = 'COUNTY' and v.path like c.path || '%'
                where v.id = :id and v.kind = 'VILLAGE'""").param("id", id).query((rs, i) -> {
                    Long branch = (Long) rs.getObject("branch_id", Long.class);
                    return new Village(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            rs.getString("path"), branch, null, rs.getString("township_name"),
                            rs.getString("county_code"), rs.getString("county_name"));
                }).optional()
                .map(v -> v.branchId() == null ? v : new Village(v.id(), v.code(), v.name(), v.path(), v.branchId(),
                        jdbc.sql("select name from org_node where id = :b").param("b", v.branchId())
                                .query(String.class).single(), v.townshipName(), v.countyCode(), v.countyName()));
    }

    /** Divisions under a node (counties of the city, townships of a county, villages of a township). */
    public List<Place> places(Long parentId, String kind) {
        // no nullable parameter in the SQL: PostgreSQL cannot type "? is null"
        return jdbc.sql("select id, code, name from org_node where kind = :k and parent_id "
                        + (parentId == null ? "is not null" : "= :p") + " order by sort_order, code")
                .param("k", kind).params(parentId == null ? java.util.Map.of() : java.util.Map.of("p", parentId))
                .query((rs, i) -> new Place(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Whether a pairing of that kind joins the village and the branch or an organisation above it. */
    public boolean paired(String branchPath, long villageId, CheckinReason kind) {
        return jdbc.sql("""
                select count(*) from checkin_pairing p join org_node o on o.id = p.org_id
                where p.village_id = :v and p.kind = :k and :bp like o.path || '%'""")
                .param("v", villageId).param("k", kind.name()).param("bp", branchPath).query(Long.class).single() > 0;
    }

    // ------------------------------------------------------------------ registrations

    private static final String REGISTRATION = """
            select r.id, r.member_id, m.name as member_name, r.village_id, v.name as village_name,
                   t.name as township_name, r.reason, r.status, r.basis, r.lived_from, r.lived_to, r.declaration,
                   r.requested_at, r.reported_on, r.ended_on, r.refusal
            from checkin_registration r join party_member m on m.id = r.member_id
            join org_node v on v.id = r.village_id join org_node t on t.id = v.parent_id
            join org_node b on b.id = m.branch_id""";

    public long insertRegistration(long memberId, long villageId, CheckinReason reason, LocalDate from,
                                   LocalDate to, String declaration, String basis, String by, LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into checkin_registration (member_id, village_id, reason, lived_from, lived_to, declaration,
                    basis, status, open_village_id, requested_at, requested_by)
                values (:m, :v, :r, :f, :t, :d, :b, 'PENDING', :v, :at, :by)""")
                .param("m", memberId).param("v", villageId).param("r", reason.name()).param("f", from)
                .param("t", to).param("d", declaration).param("b", basis).param("at", at).param("by", by)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Registration> registration(long id) {
        return jdbc.sql(REGISTRATION + " where r.id = :id").param("id", id).query(this::mapRegistration).optional();
    }

    public List<Registration> registrationsOfMember(long memberId) {
        return jdbc.sql(REGISTRATION + " where r.member_id = :m order by r.requested_at desc, r.id desc")
                .param("m", memberId).query(this::mapRegistration).list();
    }

    /** Registrations with the village in the scope or the member's branch in the scope, newest first. */
    public List<Registration> registrationsInScope(OrgScope scope, String status, Long villageId, int limit) {
        var params = new java.util.HashMap<String, Object>();
        params.put("sp", scope.pathPattern());
        StringBuilder where = new StringBuilder(" where (v.path like :sp or b.path like :sp)");
        if (status != null) {
            where.append(" and r.status = :st");
            params.put("st", status);
        }
        if (villageId != null) {
            where.append(" and r.village_id = :vid");
            params.put("vid", villageId);
        }
        return jdbc.sql(REGISTRATION + where + """
                 order by case r.status when 'PENDING' then 0 else 1 end, r.requested_at desc, r.id desc
                fetch first %d rows only""".formatted(limit)).params(params).query(this::mapRegistration).list();
    }

    public Optional<Registration> openRegistration(long memberId, long villageId) {
        return jdbc.sql(REGISTRATION + " where r.member_id = :m and r.open_village_id = :v")
                .param("m", memberId).param("v", villageId).query(this::mapRegistration).optional();
    }

    /** PENDING → ACTIVE or REFUSED, only from PENDING (a second decision changes nothing). */
    public int decide(long id, boolean confirm, String refusal, String by, LocalDateTime at) {
        return jdbc.sql("""
                update checkin_registration set status = :s, decided_at = :at, decided_by = :by, refusal = :rf,
                    reported_on = :on, open_village_id = case when :s = 'ACTIVE' then village_id end
                where id = :id and status = 'PENDING'""")
                .param("s", confirm ? "ACTIVE" : "REFUSED").param("at", at).param("by", by)
                .param("rf", refusal).param("on", confirm ? at.toLocalDate() : null).param("id", id).update();
    }

    public int end(long id, String by, LocalDate on) {
        return jdbc.sql("""
                update checkin_registration set status = 'ENDED', ended_on = :on, ended_by = :by,
                    open_village_id = null where id = :id and status = 'ACTIVE'""")
                .param("on", on).param("by", by).param("id", id).update();
    }

    private Registration mapRegistration(ResultSet rs, int i) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getLong("member_id"), rs.getString("member_name"),
                rs.getLong("village_id"), rs.getString("village_name"), rs.getString("township_name"),
                CheckinReason.valueOf(rs.getString("reason")), rs.getString("status"), rs.getString("basis"),
                rs.getObject("lived_from", LocalDate.class), rs.getObject("lived_to", LocalDate.class),
                rs.getString("declaration"), rs.getObject("requested_at", LocalDateTime.class),
                rs.getObject("reported_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getString("refusal"));
    }

    // ------------------------------------------------------------------ pairings

    public long insertPairing(long orgId, long villageId, CheckinReason kind, String note, String by,
                              LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into checkin_pairing (org_id, village_id, kind, note, created_by, created_at)
                values (:o, :v, :k, :n, :by, :at)""").param("o", orgId).param("v", villageId)
                .param("k", kind.name()).param("n", note).param("by", by).param("at", at).update(key, "id");
        return key.getKey().longValue();
    }

    public List<Pairing> pairingsInScope(OrgScope scope) {
        return jdbc.sql("""
                select p.id, p.org_id, o.name as org_name, p.village_id, v.name as village_name, p.kind, p.note
                from checkin_pairing p join org_node o on o.id = p.org_id join org_node v on v.id = p.village_id
                where v.path like :sp or o.path like :sp order by v.path, o.path""")
                .param("sp", scope.pathPattern())
                .query((rs, i) -> new Pairing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), CheckinReason.valueOf(rs.getString(6)), rs.getString(7))).list();
    }

    public Optional<Pairing> pairing(long id) {
        return jdbc.sql("""
                select p.id, p.org_id, o.name as org_name, p.village_id, v.name as village_name, p.kind, p.note
                from checkin_pairing p join org_node o on o.id = p.org_id join org_node v on v.id = p.village_id
                where p.id = :id""").param("id", id)
                .query((rs, i) -> new Pairing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), CheckinReason.valueOf(rs.getString(6)), rs.getString(7))).optional();
    }

    public int deletePairing(long id) {
        return jdbc.sql("delete from checkin_pairing where id = :id").param("id", id).update();
    }

    // ------------------------------------------------------------------ posts and claims

    private static final String POST = """
            select p.id, p.village_id, v.name as village_name, p.kind, p.role, p.title, p.description, p.capacity,
                   p.claimed, p.starts_on, p.ends_on, p.closed
            from checkin_post p join org_node v on v.id = p.village_id""";

    public long insertPost(long villageId, CheckinPostKind kind, CheckinPostRole role, String title,
                           String description, int capacity, LocalDate from, LocalDate to, String by,
                           LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into checkin_post (village_id, kind, role, title, description, capacity, claimed, starts_on,
                    ends_on, closed, created_by, created_at)
                values (:v, :k, :r, :t, :d, :c, 0, :f, :to, false, :by, :at)""")
                .param("v", villageId).param("k", kind.name()).param("r", role.name()).param("t", title)
                .param("d", description).param("c", capacity).param("f", from).param("to", to).param("by", by)
                .param("at", at).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Post> post(long id) {
        return jdbc.sql(POST + " where p.id = :id").param("id", id).query(this::mapPost).optional();
    }

    public List<Post> postsOfVillage(long villageId) {
        return jdbc.sql(POST + " where p.village_id = :v order by p.closed, p.ends_on desc, p.id desc")
                .param("v", villageId).query(this::mapPost).list();
    }

    /** Open posts (not closed, not yet over) of the villages the member is reported with. */
    public List<Post> openPostsForMember(long memberId, LocalDate today) {
        return jdbc.sql(POST + """
                 where p.closed = false and p.ends_on >= :today and p.village_id in
                   (select r.village_id from checkin_registration r where r.member_id = :m and r.status = 'ACTIVE')
                order by v.path, p.ends_on, p.id""").param("m", memberId).param("today", today)
                .query(this::mapPost).list();
    }

    /** The posts the member holds now (open claims). */
    public List<Post> claimedBy(long memberId) {
        return jdbc.sql(POST + " join checkin_claim c on c.post_id = p.id where c.member_id = :m "
                + "and c.open_post_id is not null order by p.ends_on desc").param("m", memberId)
                .query(this::mapPost).list();
    }

    /**
     * Takes one place of the post in one statement: the row lock of the UPDATE serialises concurrent claims and
     * the condition is evaluated again on the locked row, so claimed never passes the capacity (the table's check
     * is the second guard). 0 when the post is full or closed.
     */
    public int takePlace(long postId) {
        return jdbc.sql("update checkin_post set claimed = claimed + 1 where id = :id and claimed < capacity "
                + "and closed = false").param("id", postId).update();
    }

    public int close(long postId) {
        return jdbc.sql("update checkin_post set closed = true where id = :id").param("id", postId).update();
    }

    public int freePlace(long postId) {
        return jdbc.sql("update checkin_post set claimed = claimed - 1 where id = :id and claimed > 0")
                .param("id", postId).update();
    }

    public boolean hasOpenClaim(long memberId, long postId) {
        return jdbc.sql("select count(*) from checkin_claim where member_id = :m and open_post_id = :p")
                .param("m", memberId).param("p", postId).query(Long.class).single() > 0;
    }

    public long insertClaim(long postId, long memberId, long registrationId, LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into checkin_claim (post_id, member_id, registration_id, claimed_at, open_post_id)
                values (:p, :m, :r, :at, :p)""").param("p", postId).param("m", memberId).param("r", registrationId)
                .param("at", at).update(key, "id");
        return key.getKey().longValue();
    }

    public int withdrawClaim(long memberId, long postId, LocalDateTime at) {
        return jdbc.sql("update checkin_claim set withdrawn_at = :at, open_post_id = null where member_id = :m "
                + "and open_post_id = :p").param("at", at).param("m", memberId).param("p", postId).update();
    }

    /** The posts of the village the member holds now (withdrawn when the registration ends). */
    public List<Long> openClaimsAt(long memberId, long villageId) {
        return jdbc.sql("select c.post_id from checkin_claim c join checkin_post p on p.id = c.post_id "
                        + "where c.member_id = :m and c.open_post_id is not null and p.village_id = :v")
                .param("m", memberId).param("v", villageId).query(Long.class).list();
    }

    public List<String> claimantsOf(long postId) {
        return jdbc.sql("select m.name from checkin_claim c join party_member m on m.id = c.member_id "
                + "where c.open_post_id = :p order by c.claimed_at").param("p", postId).query(String.class).list();
    }

    private Post mapPost(ResultSet rs, int i) throws SQLException {
        return new Post(rs.getLong("id"), rs.getLong("village_id"), rs.getString("village_name"),
                CheckinPostKind.valueOf(rs.getString("kind")), CheckinPostRole.valueOf(rs.getString("role")),
                rs.getString("title"), rs.getString("description"), rs.getInt("capacity"), rs.getInt("claimed"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getBoolean("closed"));
    }

    // ------------------------------------------------------------------ logs and photos

    private static final String LOG = """
            select l.id, l.member_id, m.name as member_name, l.village_id, v.name as village_name, l.post_id,
                   l.served_on, l.what, l.whom, l.elderly_visits, l.funds_yuan, l.projects, l.logged_by, l.on_behalf,
                   (select count(*) from checkin_log_photo ph where ph.log_id = l.id) as photos
            from checkin_log l join party_member m on m.id = l.member_id join org_node v on v.id = l.village_id""";

    public record NewLog(long memberId, long villageId, long registrationId, Long postId, LocalDate servedOn,
                         String what, String whom, int elderlyVisits, BigDecimal fundsYuan, String projects,
                         String loggedBy, boolean onBehalf) {
    }

    public long insertLog(NewLog l, LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into checkin_log (member_id, village_id, registration_id, post_id, served_on, what, whom,
                    elderly_visits, funds_yuan, projects, logged_by, on_behalf, created_at)
                values (:m, :v, :r, :p, :d, :w, :who, :e, :f, :pr, :by, :ob, :at)""")
                .param("m", l.memberId()).param("v", l.villageId()).param("r", l.registrationId())
                .param("p", l.postId()).param("d", Date.valueOf(l.servedOn())).param("w", l.what())
                .param("who", l.whom()).param("e", l.elderlyVisits()).param("f", l.fundsYuan())
                .param("pr", l.projects()).param("by", l.loggedBy()).param("ob", l.onBehalf()).param("at", at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Log> log(long id) {
        return jdbc.sql(LOG + " where l.id = :id").param("id", id).query(this::mapLog).optional();
    }

    public List<Log> logsOfMember(long memberId, int limit) {
        return jdbc.sql(LOG + " where l.member_id = :m order by l.served_on desc, l.id desc fetch first %d rows only"
                .formatted(limit)).param("m", memberId).query(this::mapLog).list();
    }

    public List<Log> logsOfVillage(long villageId, int limit) {
        return jdbc.sql(LOG + " where l.village_id = :v order by l.served_on desc, l.id desc fetch first %d rows only"
                .formatted(limit)).param("v", villageId).query(this::mapLog).list();
    }

    public void insertPhoto(long logId, Photos.Checked p, String by, LocalDateTime at) {
        jdbc.sql("""
                insert into checkin_log_photo (log_id, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by, uploaded_at) values (:l, :n, :t, :s, :h, :c, :by, :at)""")
                .param("l", logId).param("n", p.fileName()).param("t", p.contentType()).param("s", p.bytes().length)
                .param("h", p.sha256()).param("c", p.bytes()).param("by", by).param("at", at).update();
    }

    public List<Long> photoIds(long logId) {
        return jdbc.sql("select id from checkin_log_photo where log_id = :l order by id").param("l", logId)
                .query(Long.class).list();
    }

    public Optional<Photo> photo(long logId, long photoId) {
        return jdbc.sql("select id, file_name, content_type, content, sha256 from checkin_log_photo "
                        + "where id = :p and log_id = :l").param("p", photoId).param("l", logId)
                .query((rs, i) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5))).optional();
    }

    private Log mapLog(ResultSet rs, int i) throws SQLException {
        return new Log(rs.getLong("id"), rs.getLong("member_id"), rs.getString("member_name"),
                rs.getLong("village_id"), rs.getString("village_name"), (Long) rs.getObject("post_id", Long.class),
                rs.getObject("served_on", LocalDate.class), rs.getString("what"), rs.getString("whom"),
                rs.getInt("elderly_visits"), rs.getBigDecimal("funds_yuan"), rs.getString("projects"),
                rs.getString("logged_by"), rs.getBoolean("on_behalf"), rs.getInt("photos"));
    }
}

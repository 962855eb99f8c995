package cn.zugong.cadre.internal.young;

import cn.zugong.cadre.internal.young.YoungViews.Cadre;
import cn.zugong.cadre.internal.young.YoungViews.CohortMember;
import cn.zugong.cadre.internal.young.YoungViews.Note;
import cn.zugong.cadre.internal.young.YoungViews.Posting;
import cn.zugong.cadre.internal.young.YoungViews.Ranking;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of 年轻干部: entries, mentor notes, postings, rankings. The status changes are conditional updates. */
@Repository
class YoungStore {

    private static final String CADRE = """
            select c.*, p.name, u.name as unit_name, u.path as unit_path, m.name as mentor_name
              from young_cadre c join person p on p.id = c.person_id join org_node u on u.id = c.unit_id
              left join person m on m.id = c.mentor_id
            """;
    private static final String POSTING = "select * from young_posting";

    private final JdbcClient jdbc;

    YoungStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Cadre> cadre(long id) {
        return jdbc.sql(CADRE + " where c.id = :id").param("id", id).query(YoungStore::cadre).optional();
    }

    List<Cadre> cadres(OrgScope scope, String status, String level, int limit) {
        return jdbc.sql(CADRE + " where u.path like :scopePath"
                        + (status == null ? "" : " and c.status = :status")
                        + (level == null ? "" : " and c.level = :level")
                        + " order by c.id desc fetch first " + limit + " rows only")
                .param("scopePath", scope.pathPattern()).param("status", status).param("level", level)
                .query(YoungStore::cadre).list();
    }

    long insertCadre(long personId, long unitId, String level, Integer cohort, String by, LocalDateTime at) {
        jdbc.sql("insert into young_cadre (person_id, unit_id, level, cohort, status, open_person_id, created_at, "
                        + "created_by) values (:p, :u, :l, :c, 'REVIEW', :p, :at, :by)")
                .param("p", personId).param("u", unitId).param("l", level).param("c", cohort)
                .param("at", Timestamp.valueOf(at)).param("by", by).update();
        return jdbc.sql("select id from young_cadre where open_person_id = :p").param("p", personId)
                .query(Long.class).single();
    }

    boolean review(long id, boolean pass, String reason, String by, LocalDateTime at) {
        return jdbc.sql("update young_cadre set status = :s, review_result = :r, review_reason = :why, reviewed_at = :at, "
                        + "reviewed_by = :by, entered_on = :on, open_person_id = " + (pass ? "person_id" : "null")
                        + " where id = :id and status = 'REVIEW'")
                .param("s", pass ? "IN_POOL" : "REFUSED").param("r", pass ? "PASS" : "FAIL").param("why", reason)
                .param("at", Timestamp.valueOf(at)).param("by", by).param("on", pass ? at.toLocalDate() : null)
                .param("id", id).update() == 1;
    }

    boolean mentor(long id, long mentorId, LocalDate since) {
        return jdbc.sql("update young_cadre set mentor_id = :m, mentor_since = :on where id = :id and status = 'IN_POOL'")
                .param("m", mentorId).param("on", since).param("id", id).update() == 1;
    }

    boolean exit(long id, String reason, LocalDate on, String by) {
        return jdbc.sql("update young_cadre set status = 'EXITED', exit_reason = :r, exited_on = :on, exited_by = :by, "
                        + "open_person_id = null where id = :id and status = 'IN_POOL' and not exists "
                        + "(select 1 from young_posting p where p.cadre_id = :id and p.status = 'OPEN')")
                .param("r", reason).param("on", on).param("by", by).param("id", id).update() == 1;
    }

    long insertNote(long cadreId, long mentorId, LocalDate metOn, String content, String by, LocalDateTime at) {
        jdbc.sql("insert into young_mentor_note (cadre_id, mentor_id, met_on, content, created_at, created_by) values "
                        + "(:c, :m, :on, :t, :at, :by)").param("c", cadreId).param("m", mentorId).param("on", metOn)
                .param("t", content).param("at", Timestamp.valueOf(at)).param("by", by).update();
        return jdbc.sql("select max(id) from young_mentor_note where cadre_id = :c").param("c", cadreId)
                .query(Long.class).single();
    }

    List<Note> notes(long cadreId) {
        return jdbc.sql("select n.id, n.cadre_id, p.name, n.met_on, n.content, n.created_by from young_mentor_note n "
                        + "join person p on p.id = n.mentor_id where n.cadre_id = :c order by n.met_on desc, n.id desc")
                .param("c", cadreId).query((rs, i) -> new Note(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6))).list();
    }

    long insertPosting(long cadreId, String kind, String host, String post, LocalDate from, LocalDate to, String by,
                       LocalDateTime at) {
        jdbc.sql("insert into young_posting (cadre_id, kind, host_unit, post, starts_on, ends_on, status, created_at, "
                        + "created_by) values (:c, :k, :h, :p, :f, :t, 'OPEN', :at, :by)").param("c", cadreId)
                .param("k", kind).param("h", host).param("p", post).param("f", from).param("t", to)
                .param("at", Timestamp.valueOf(at)).param("by", by).update();
        return jdbc.sql("select max(id) from young_posting where cadre_id = :c").param("c", cadreId)
                .query(Long.class).single();
    }

    int openPostings(long cadreId) {
        return jdbc.sql("select count(*) from young_posting where cadre_id = :c and status = 'OPEN'")
                .param("c", cadreId).query(Integer.class).single();
    }

    boolean endPosting(long id, String grade, String comment, String by, LocalDateTime at) {
        return jdbc.sql("update young_posting set status = 'ENDED', grade = :g, comment = :c, ended_at = :at, "
                        + "ended_by = :by where id = :id and status = 'OPEN'").param("g", grade).param("c", comment)
                .param("at", Timestamp.valueOf(at)).param("by", by).param("id", id).update() == 1;
    }

    Optional<Posting> posting(long id) {
        return jdbc.sql(POSTING + " where id = :id").param("id", id).query(YoungStore::posting).optional();
    }

    List<Posting> postings(long cadreId) {
        return jdbc.sql(POSTING + " where cadre_id = :c order by starts_on desc, id desc").param("c", cadreId)
                .query(YoungStore::posting).list();
    }

    /** The year's ranking inputs of the pool in scope: average posting grade points of postings ending that year. */
    List<Object[]> rankingInputs(OrgScope scope, int year) {
        return jdbc.sql("""
                        select c.id, c.person_id,
                               (select avg(case p.grade when '优秀' then 100 when '良好' then 85 when '一般' then 70
                                       else 50 end) from young_posting p where p.cadre_id = c.id and p.status = 'ENDED'
                                       and p.ends_on between :first and :last) as posting_points,
                               (select count(*) from young_posting p where p.cadre_id = c.id and p.status = 'ENDED'
                                       and p.ends_on between :first and :last) as postings
                          from young_cadre c join org_node u on u.id = c.unit_id
                         where c.status = 'IN_POOL' and u.path like :scopePath and c.entered_on <= :last
                        """).param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getInt(4)})
                .list();
    }

    void replaceRanking(int year, List<Object[]> rows, String by, LocalDateTime at) {
        for (Object[] r : rows) {
            jdbc.sql("delete from young_ranking where cadre_id = :c and rank_year = :y").param("c", r[0])
                    .param("y", year).update();
            jdbc.sql("insert into young_ranking (cadre_id, rank_year, score, place, basis, created_at, created_by) "
                            + "values (:c, :y, :s, :p, :b, :at, :by)").param("c", r[0]).param("y", year)
                    .param("s", r[1]).param("p", r[2]).param("b", r[3]).param("at", Timestamp.valueOf(at))
                    .param("by", by).update();
        }
    }

    List<Ranking> ranking(OrgScope scope, int year) {
        return jdbc.sql("select r.cadre_id, p.name, u.name, r.rank_year, r.score, r.place, r.basis, c.status "
                        + "from young_ranking r join young_cadre c on c.id = r.cadre_id join person p on p.id = c.person_id "
                        + "join org_node u on u.id = c.unit_id where r.rank_year = :y and u.path like :scopePath "
                        + "order by r.place, r.cadre_id").param("y", year).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new Ranking(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBigDecimal(5), rs.getInt(6), rs.getString(7), rs.getString(8))).list();
    }

    List<CohortMember> cohorts(OrgScope scope) {
        return jdbc.sql("select c.id, p.name, u.name, c.cohort, c.status, "
                        + "(select count(*) from young_posting y where y.cadre_id = c.id), "
                        + "(select count(*) from young_posting y where y.cadre_id = c.id and y.status = 'OPEN') "
                        + "from young_cadre c join person p on p.id = c.person_id join org_node u on u.id = c.unit_id "
                        + "where c.cohort is not null and u.path like :scopePath and c.status <> 'REFUSED' "
                        + "order by c.cohort desc, p.name, c.id").param("scopePath", scope.pathPattern())
                .query((rs, i) -> new CohortMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7))).list();
    }

    private static Cadre cadre(ResultSet rs, int i) throws SQLException {
        long mentor = rs.getLong("mentor_id");
        boolean noMentor = rs.wasNull();
        int cohort = rs.getInt("cohort");
        boolean noCohort = rs.wasNull();
        return new Cadre(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"), rs.getLong("unit_id"),
                rs.getString("unit_name"), rs.getString("unit_path"), rs.getString("level"),
                noCohort ? null : cohort, rs.getString("status"), rs.getString("review_result"),
                rs.getString("review_reason"), time(rs.getTimestamp("reviewed_at")), rs.getString("reviewed_by"),
                date(rs.getDate("entered_on")), noMentor ? null : mentor, rs.getString("mentor_name"),
                date(rs.getDate("mentor_since")), date(rs.getDate("exited_on")), rs.getString("exit_reason"),
                time(rs.getTimestamp("created_at")), rs.getString("created_by"));
    }

    private static Posting posting(ResultSet rs, int i) throws SQLException {
        return new Posting(rs.getLong("id"), rs.getLong("cadre_id"), rs.getString("kind"), rs.getString("host_unit"),
                rs.getString("post"), date(rs.getDate("starts_on")), date(rs.getDate("ends_on")),
                rs.getString("status"), rs.getString("grade"), rs.getString("comment"),
                time(rs.getTimestamp("ended_at")), rs.getString("ended_by"));
    }

    static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    static BigDecimal zero(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}

package cn.zugong.rating.internal.evaluation;

import cn.zugong.shared.OrgScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the 双述双评双比 pages: campaigns, subjects, raters (never their ballots), adjustments, reserve. */
@Component
class EvaluationStore {

    public record Campaign(long id, long nodeId, String nodeName, String nodePath, String schemeCode, String schemeVersion,
                    int year, String name, Instant opensAt, Instant closesAt, String status, String createdBy,
                    Instant createdAt) {

        /** The window as the office reads it (the platform's zone). */
        public String window() {
            return EvaluationController.local(opensAt, java.time.ZoneId.systemDefault()) + " 至 "
                    + EvaluationController.local(closesAt, java.time.ZoneId.systemDefault());
        }

        public String statusLabel() {
            return switch (status) {
                case "DRAFT" -> "草稿";
                case "OPEN" -> "评议中";
                case "CLOSED" -> "已截止";
                default -> "已公布";
            };
        }
    }

    /** A village (its party organisation) with the township it lies in. */
    public record Village(long orgNodeId, String name, String path, String township) {
    }

    public record Subject(long id, long campaignId, long orgNodeId, String kind, String name, String post, String gender,
                   LocalDate birthDate, String education, Long partyMemberId, String reportText, String townshipGrade,
                   String townshipBy, int sortOrder) {

        public boolean organisation() {
            return "ORGANISATION".equals(kind);
        }
    }

    /** A rater as the pages show one: whether a code is out and whether (and how) the rater voted — nothing else. */
    public record Rater(long id, long orgNodeId, String group, String raterNo, String name, boolean coded, String channel) {
    }

    /** A village's turnout: raters, with a code, who voted (online, paper), subjects. */
    public record Turnout(long orgNodeId, long raters, long coded, long voted, long online, long paper) {

        public String share() {
            return raters == 0 ? "—" : String.format("%.1f%%", voted * 100.0 / raters);
        }
    }

    public record Adjustment(long subjectId, String decision, String note, String decidedBy, Instant decidedAt,
                      Instant listedAt) {
    }

    private static final String CAMPAIGN = "select c.*, n.name as node_name, n.path as node_path from pe_campaign c "
            + "join org_node n on n.id = c.node_id ";
    private static final String SUBJECT = "select s.* from pe_subject s ";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EvaluationStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Closes every campaign whose window is over (the clock closes them; read paths call this first). */
    int closeOverdue(Instant now) {
        return jdbc.sql("update pe_campaign set status = 'CLOSED' where status = 'OPEN' and closes_at <= :now")
                .param("now", Timestamp.from(now)).update();
    }

    List<Long> overdue(Instant now) {
        return jdbc.sql("select id from pe_campaign where status = 'OPEN' and closes_at <= :now")
                .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    /** Campaigns whose node holds the scope or lies inside it. */
    List<Campaign> campaigns(OrgScope scope) {
        return jdbc.sql(CAMPAIGN + "where n.path like :scopePath or :path like n.path || '%' "
                        + "order by c.campaign_year desc, c.id desc")
                .param("scopePath", scope.pathPattern()).param("path", scope.path())
                .query(this::mapCampaign).list();
    }

    Optional<Campaign> campaign(long id) {
        return jdbc.sql(CAMPAIGN + "where c.id = :id").param("id", id).query(this::mapCampaign).optional();
    }

    long insertCampaign(long nodeId, String code, String version, int year, String name, Instant opens, Instant closes,
                        String actor, Instant now) {
        jdbc.sql("insert into pe_campaign (node_id, scheme_code, scheme_version, campaign_year, name, opens_at, "
                        + "closes_at, status, created_by, created_at) values (:n, :c, :v, :y, :name, :o, :cl, 'DRAFT', "
                        + ":by, :at)")
                .param("n", nodeId).param("c", code).param("v", version).param("y", year).param("name", name)
                .param("o", Timestamp.from(opens)).param("cl", Timestamp.from(closes)).param("by", actor)
                .param("at", Timestamp.from(now)).update();
        return jdbc.sql("select id from pe_campaign where node_id = :n and scheme_code = :c and campaign_year = :y")
                .param("n", nodeId).param("c", code).param("y", year).query(Long.class).single();
    }

    boolean exists(long nodeId, String code, int year) {
        return jdbc.sql("select count(*) from pe_campaign where node_id = :n and scheme_code = :c and campaign_year = :y")
                .param("n", nodeId).param("c", code).param("y", year).query(Long.class).single() > 0;
    }

    /** A campaign closed by hand ends its window now (kept after its opening, as the table requires). */
    void endWindow(long id, Instant now) {
        jdbc.sql("update pe_campaign set closes_at = :now where id = :id and closes_at > :now and opens_at < :now")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Moves the status only from the expected one; false when another hand moved it first. */
    boolean status(long id, String from, String to) {
        return jdbc.sql("update pe_campaign set status = :to where id = :id and status = :from")
                .param("to", to).param("id", id).param("from", from).update() == 1;
    }

    /** The villages (party organisations of the sectors) under the campaign's node and inside the scope. */
    List<Village> villages(String campaignPath, OrgScope scope, Collection<String> sectors) {
        return jdbc.sql("""
                        select p.id, p.name, p.path, t.name as township from org_node p
                        join party_org o on o.node_id = p.id
                        join org_node v on v.id = p.parent_id
                        left join org_node t on t.id = v.parent_id
                        where p.path like :campaignPath and p.path like :scopePath and o.sector in (:sectors)
                        order by p.path
                        """)
                .param("campaignPath", campaignPath + "%").param("scopePath", scope.pathPattern())
                .param("sectors", sectors)
                .query((rs, row) -> new Village(rs.getLong("id"), rs.getString("name"), rs.getString("path"),
                        rs.getString("township"))).list();
    }

    List<Subject> subjects(long campaignId, OrgScope scope) {
        return jdbc.sql(SUBJECT + "where s.campaign_id = :c and " + OrgScope.sqlContains("s.org_node_id")
                        + " order by s.org_node_id, s.sort_order, s.id")
                .param("c", campaignId).param("scopePath", scope.pathPattern()).query(this::mapSubject).list();
    }

    String villageName(long orgNodeId) {
        return jdbc.sql("select coalesce(v.name, p.name) from org_node p left join org_node v on v.id = p.parent_id "
                + "where p.id = :id").param("id", orgNodeId).query(String.class).single();
    }

    List<Subject> subjectsOf(long campaignId, long orgNodeId) {
        return jdbc.sql(SUBJECT + "where s.campaign_id = :c and s.org_node_id = :o order by s.sort_order, s.id")
                .param("c", campaignId).param("o", orgNodeId).query(this::mapSubject).list();
    }

    Optional<Subject> subject(long id) {
        return jdbc.sql(SUBJECT + "where s.id = :id").param("id", id).query(this::mapSubject).optional();
    }

    void insertSubjects(long campaignId, List<Object[]> rows) {
        // org_node_id, kind, name, post, gender, birth_date, education, party_member_id, report_text, sort_order
        List<Object[]> withCampaign = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Object[] w = new Object[r.length + 1];
            w[0] = campaignId;
            System.arraycopy(r, 0, w, 1, r.length);
            withCampaign.add(w);
        }
        template.batchUpdate("insert into pe_subject (campaign_id, org_node_id, kind, name, post, gender, birth_date, "
                + "education, party_member_id, report_text, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                withCampaign);
    }

    int nextSortOrder(long campaignId, long orgNodeId) {
        return jdbc.sql("select coalesce(max(sort_order), 0) + 1 from pe_subject where campaign_id = :c and org_node_id = :o")
                .param("c", campaignId).param("o", orgNodeId).query(Integer.class).single();
    }

    void updateReport(long subjectId, String text) {
        jdbc.sql("update pe_subject set report_text = :t where id = :id").param("t", text).param("id", subjectId).update();
    }

    void deleteSubject(long subjectId) {
        jdbc.sql("delete from pe_subject where id = :id").param("id", subjectId).update();
    }

    boolean hasBallots(long subjectId) {
        return jdbc.sql("select count(*) from pe_ballot where subject_id = :s").param("s", subjectId)
                .query(Long.class).single() > 0;
    }

    void townshipGrades(List<Object[]> rows) {
        // grade, by, at, subject id
        template.batchUpdate("update pe_subject set township_grade = ?, township_by = ?, township_at = ? where id = ?",
                rows);
    }

    List<Rater> raters(long campaignId, long orgNodeId) {
        return jdbc.sql("select id, org_node_id, rater_group, rater_no, name, code_hash, channel from pe_rater "
                        + "where campaign_id = :c and org_node_id = :o order by rater_no")
                .param("c", campaignId).param("o", orgNodeId).query(this::mapRater).list();
    }

    /** Rater ids of the villages in the scope (for codes), or of one village. */
    List<Rater> ratersIn(long campaignId, OrgScope scope) {
        return jdbc.sql("select id, org_node_id, rater_group, rater_no, name, code_hash, channel from pe_rater "
                        + "where campaign_id = :c and " + OrgScope.sqlContains("org_node_id")
                        + " order by org_node_id, rater_no")
                .param("c", campaignId).param("scopePath", scope.pathPattern()).query(this::mapRater).list();
    }

    void insertRaters(long campaignId, List<Object[]> rows) {
        // org_node_id, rater_group, rater_no, name, party_member_id
        List<Object[]> withCampaign = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            withCampaign.add(new Object[] {campaignId, r[0], r[1], r[2], r[3], r[4]});
        }
        for (int i = 0; i < withCampaign.size(); i += 5000) {
            template.batchUpdate("insert into pe_rater (campaign_id, org_node_id, rater_group, rater_no, name, "
                    + "party_member_id) values (?, ?, ?, ?, ?, ?)", withCampaign.subList(i, Math.min(i + 5000,
                    withCampaign.size())));
        }
    }

    List<String> raterNos(long campaignId) {
        return jdbc.sql("select rater_no from pe_rater where campaign_id = :c").param("c", campaignId)
                .query(String.class).list();
    }

    List<Long> memberRaters(long campaignId) {
        return jdbc.sql("select party_member_id from pe_rater where campaign_id = :c and party_member_id is not null")
                .param("c", campaignId).query(Long.class).list();
    }

    /** Turnout per village of the scope, one aggregate query. */
    List<Turnout> turnout(long campaignId, OrgScope scope) {
        return jdbc.sql("""
                        select org_node_id, count(*) as raters, count(code_hash) as coded, count(channel) as voted,
                               sum(case when channel = 'ONLINE' then 1 else 0 end) as online,
                               sum(case when channel = 'PAPER' then 1 else 0 end) as paper
                        from pe_rater where campaign_id = :c and %s group by org_node_id
                        """.formatted(OrgScope.sqlContains("org_node_id")))
                .param("c", campaignId).param("scopePath", scope.pathPattern())
                .query((rs, row) -> new Turnout(rs.getLong("org_node_id"), rs.getLong("raters"), rs.getLong("coded"),
                        rs.getLong("voted"), rs.getLong("online"), rs.getLong("paper"))).list();
    }

    List<Adjustment> adjustments(long campaignId) {
        return jdbc.sql("select a.* from pe_adjustment a join pe_subject s on s.id = a.subject_id "
                        + "where s.campaign_id = :c order by a.subject_id")
                .param("c", campaignId).query((rs, row) -> new Adjustment(rs.getLong("subject_id"),
                        rs.getString("decision"), rs.getString("note"), rs.getString("decided_by"),
                        instant(rs, "decided_at"), instant(rs, "listed_at"))).list();
    }

    Optional<Adjustment> adjustment(long subjectId) {
        return jdbc.sql("select * from pe_adjustment where subject_id = :s").param("s", subjectId)
                .query((rs, row) -> new Adjustment(rs.getLong("subject_id"), rs.getString("decision"),
                        rs.getString("note"), rs.getString("decided_by"), instant(rs, "decided_at"),
                        instant(rs, "listed_at"))).optional();
    }

    void listAdjustments(Collection<Long> subjectIds, Instant now) {
        template.batchUpdate("insert into pe_adjustment (subject_id, listed_at) values (?, ?)",
                subjectIds.stream().<Object[]>map(id -> new Object[] {id, Timestamp.from(now)}).toList());
    }

    void unlistUndecided(Collection<Long> subjectIds) {
        template.batchUpdate("delete from pe_adjustment where subject_id = ? and decision is null",
                subjectIds.stream().<Object[]>map(id -> new Object[] {id}).toList());
    }

    void decide(long subjectId, String decision, String note, String actor, Instant now) {
        jdbc.sql("update pe_adjustment set decision = :d, note = :n, decided_by = :by, decided_at = :at "
                        + "where subject_id = :s").param("d", decision).param("n", note).param("by", actor)
                .param("at", Timestamp.from(now)).param("s", subjectId).update();
    }

    List<cn.zugong.rating.ReservePool.Candidate> reserve(OrgScope scope) {
        return jdbc.sql("select r.*, n.name as village from pe_reserve r join org_node n on n.id = r.org_node_id "
                        + "where r.active = true and n.path like :scopePath order by n.path, r.name, r.id")
                .param("scopePath", scope.pathPattern())
                .query((rs, row) -> new cn.zugong.rating.ReservePool.Candidate(rs.getLong("id"),
                        (Long) rs.getObject("campaign_id", Long.class), rs.getLong("org_node_id"),
                        rs.getString("village"), rs.getString("name"), rs.getString("gender"),
                        rs.getDate("birth_date").toLocalDate(), rs.getString("education"),
                        rs.getString("recommended_by"), rs.getString("note"))).list();
    }

    void insertReserve(List<Object[]> rows) {
        // campaign_id, org_node_id, name, gender, birth_date, education, recommended_by, note, created_by, created_at
        template.batchUpdate("insert into pe_reserve (campaign_id, org_node_id, name, gender, birth_date, education, "
                + "recommended_by, note, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private Campaign mapCampaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_name"),
                rs.getString("node_path"), rs.getString("scheme_code"), rs.getString("scheme_version"),
                rs.getInt("campaign_year"), rs.getString("name"), instant(rs, "opens_at"), instant(rs, "closes_at"),
                rs.getString("status"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private Subject mapSubject(ResultSet rs, int row) throws SQLException {
        java.sql.Date birth = rs.getDate("birth_date");
        return new Subject(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("org_node_id"), rs.getString("kind"),
                rs.getString("name"), rs.getString("post"), rs.getString("gender"),
                birth == null ? null : birth.toLocalDate(), rs.getString("education"),
                rs.getObject("party_member_id", Long.class), rs.getString("report_text"),
                rs.getString("township_grade"), rs.getString("township_by"), rs.getInt("sort_order"));
    }

    private Rater mapRater(ResultSet rs, int row) throws SQLException {
        return new Rater(rs.getLong("id"), rs.getLong("org_node_id"), rs.getString("rater_group"),
                rs.getString("rater_no"), rs.getString("name"), rs.getString("code_hash") != null,
                rs.getString("channel"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

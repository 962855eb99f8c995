package cn.zugong.party.internal.mobile;

import cn.zugong.closure.Escalation;
import cn.zugong.party.MobileEventKind;
import cn.zugong.party.MobileHostKind;
import cn.zugong.party.MobileState;
import cn.zugong.party.internal.mobile.MobileRecords.CandidateRow;
import cn.zugong.party.internal.mobile.MobileRecords.ContactRow;
import cn.zugong.party.internal.mobile.MobileRecords.DunningRow;
import cn.zugong.party.internal.mobile.MobileRecords.EventRow;
import cn.zugong.party.internal.mobile.MobileRecords.FileLine;
import cn.zugong.party.internal.mobile.MobileRecords.HostRow;
import cn.zugong.party.internal.mobile.MobileRecords.RuleRow;
import cn.zugong.party.internal.mobile.MobileRecords.TaskRow;
import cn.zugong.shared.Masking;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.SqlLike;
import cn.zugong.shared.crypto.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The 流动党员 tables (V81). Every read of a file, contact or candidate is scoped by the file's source branch. */
@Repository
class MobileRepository {

    static final String PHONE = "mobile_file.phone";
    static final String CANDIDATE_PHONE = "mobile_candidate.phone";
    /** Files whose member is still ours to keep in touch with (see MobileState.active). */
    static final String ACTIVE = "f.state in ('OUT', 'IN', 'LOST')";

    private static final String LINE = """
            select f.id, f.name, b.name as branch_name, f.province, f.city, f.district, f.employer, f.state,
                   h.name as host_name, f.host_rule, f.last_contact_on, f.next_due
            from mobile_file f join org_node b on b.id = f.branch_id left join mobile_host h on h.id = f.host_id
            """;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    MobileRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    // ------------------------------------------------------------------ rules and hosts

    List<RuleRow> rules() {
        return jdbc.sql("select position, kind, label from mobile_rule order by position")
                .query((rs, i) -> new RuleRow(rs.getInt(1), MobileHostKind.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    Map<MobileState, Integer> intervals() {
        Map<MobileState, Integer> out = new EnumMap<>(MobileState.class);
        jdbc.sql("select state, interval_days from mobile_contact_rule")
                .query(rs -> {
                    out.put(MobileState.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return out;
    }

    long insertHost(MobileHostKind kind, String name, long ownerId, Long orgId, String city, String district,
                    String employer, String community, List<String> destinations, LocalDateTime at, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into mobile_host (kind, name, owner_id, org_id, city, district, employer, community,
                                                 created_at, created_by)
                        values (:kind, :name, :owner, :org, :city, :district, :employer, :community, :at, :by)""")
                .param("kind", kind.name()).param("name", name).param("owner", ownerId).param("org", orgId)
                .param("city", city).param("district", district).param("employer", employer)
                .param("community", community).param("at", Timestamp.valueOf(at)).param("by", by)
                .update(key, "id");
        long id = key.getKey().longValue();
        for (String d : destinations) {
            jdbc.sql("insert into mobile_host_area (host_id, destination) values (:h, :d)").param("h", id)
                    .param("d", d).update();
        }
        return id;
    }

    boolean hostNameTaken(String name) {
        return jdbc.sql("select count(*) from mobile_host where name = :n").param("n", name).query(Long.class)
                .single() > 0;
    }

    /** Every host (a directory of organisations, not personal data) with its members inside the scope. */
    List<HostRow> hosts(OrgScope scope) {
        Map<Long, List<String>> areas = new HashMap<>();
        jdbc.sql("select host_id, destination from mobile_host_area order by host_id, destination")
                .query(rs -> {
                    areas.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, Long> members = new HashMap<>();
        jdbc.sql("select f.host_id, count(*) from mobile_file f where f.host_id is not null and " + ACTIVE + " and "
                        + OrgScope.sqlContains("f.branch_id") + " group by f.host_id")
                .param("scopePath", scope.pathPattern())
                .query(rs -> {
                    members.put(rs.getLong(1), rs.getLong(2));
                });
        return jdbc.sql("select id, kind, name, owner_id, org_id, city, district, employer, community from mobile_host "
                        + "order by kind, name")
                .query((rs, i) -> new HostRow(rs.getLong("id"), MobileHostKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getLong("owner_id"), (Long) rs.getObject("org_id", Long.class),
                        rs.getString("city"), rs.getString("district"), rs.getString("employer"),
                        rs.getString("community"), areas.getOrDefault(rs.getLong("id"), List.of()),
                        members.getOrDefault(rs.getLong("id"), 0L)))
                .list();
    }

    // ------------------------------------------------------------------ files

    /** The columns of a new file; {@code phone} in clear (encrypted here). */
    record FileInsert(long memberId, long branchId, String name, String province, String city, String district,
                      boolean inCity, String employer, String phone, String liveCity, String liveDistrict,
                      String liveCommunity, LocalDate leftOn, String reason, String relation, MobileState state,
                      String skills, LocalDate lastContactOn, LocalDate nextDue, LocalDateTime at, String by) {
    }

    long insertFile(FileInsert f) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into mobile_file (member_id, branch_id, name, province, city, district, in_city, employer,
                            phone, live_city, live_district, live_community, left_on, reason, relation, state, skills,
                            last_contact_on, next_due, created_at, created_by)
                        values (:member, :branch, :name, :province, :city, :district, :inCity, :employer, :phone,
                            :liveCity, :liveDistrict, :liveCommunity, :leftOn, :reason, :relation, :state, :skills,
                            :last, :due, :at, :by)""")
                .param("member", f.memberId()).param("branch", f.branchId()).param("name", f.name())
                .param("province", f.province()).param("city", f.city()).param("district", f.district())
                .param("inCity", f.inCity()).param("employer", f.employer())
                .param("phone", cipher.encrypt(f.phone(), PHONE)).param("liveCity", f.liveCity())
                .param("liveDistrict", f.liveDistrict()).param("liveCommunity", f.liveCommunity())
                .param("leftOn", f.leftOn()).param("reason", f.reason()).param("relation", f.relation())
                .param("state", f.state().name()).param("skills", f.skills()).param("last", f.lastContactOn())
                .param("due", f.nextDue()).param("at", Timestamp.valueOf(f.at())).param("by", f.by())
                .update(key, "id");
        return key.getKey().longValue();
    }

    boolean fileOfMember(long memberId) {
        return jdbc.sql("select count(*) from mobile_file where member_id = :m").param("m", memberId)
                .query(Long.class).single() > 0;
    }

    boolean anyFile() {
        return jdbc.sql("select count(*) from mobile_file").query(Long.class).single() > 0;
    }

    /** The file inside the scope, with its phone in clear (the caller masks it or audits showing it). */
    Optional<MobileRecords.FileView> file(long id, OrgScope scope) {
        return jdbc.sql("""
                        select f.*, b.name as branch_name, h.name as host_name
                        from mobile_file f join org_node b on b.id = f.branch_id
                        left join mobile_host h on h.id = f.host_id
                        where f.id = :id and b.path like :scopePath""")
                .param("id", id).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new MobileRecords.FileView(rs.getLong("id"), rs.getLong("member_id"),
                        rs.getLong("branch_id"), rs.getString("branch_name"), rs.getString("name"),
                        rs.getString("province"), rs.getString("city"), rs.getString("district"),
                        rs.getBoolean("in_city"), rs.getString("employer"),
                        cipher.decrypt(rs.getString("phone"), PHONE), rs.getString("live_city"),
                        rs.getString("live_district"), rs.getString("live_community"), date(rs, "left_on"),
                        rs.getString("reason"), rs.getString("relation"), MobileState.valueOf(rs.getString("state")),
                        tags(rs.getString("skills")), (Long) rs.getObject("host_id", Long.class),
                        rs.getString("host_name"), kind(rs.getString("host_rule")), date(rs, "managed_on"),
                        date(rs, "last_contact_on"), date(rs, "next_due"),
                        rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("created_by")))
                .optional();
    }

    /** The list's filter: state (or "active"), 纳管 kind (or "none"), a name fragment. */
    record FileFilter(String state, String rule, String q) {
    }

    PageResult<FileLine> files(FileFilter filter, OrgScope scope, int page, int size) {
        StringBuilder where = new StringBuilder(" where b.path like :scopePath");
        Map<String, Object> params = new HashMap<>();
        params.put("scopePath", scope.pathPattern());
        if (filter.state() != null && !filter.state().isBlank()) {
            if (filter.state().equals("active")) {
                where.append(" and ").append(ACTIVE);
            } else {
                where.append(" and f.state = :state");
                params.put("state", MobileState.valueOf(filter.state()).name());
            }
        }
        if (filter.rule() != null && !filter.rule().isBlank()) {
            if (filter.rule().equals("none")) {
                where.append(" and f.host_id is null");
            } else {
                where.append(" and f.host_rule = :rule");
                params.put("rule", MobileHostKind.valueOf(filter.rule()).name());
            }
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and f.name like :q escape '\\'");
            params.put("q", SqlLike.contains(filter.q().strip()));
        }
        return page(LINE + where, where.toString(), " order by f.branch_id, f.id", params, page, size);
    }

    /** Active files no host manages yet, in the order the 逐人纳管 page lists them. */
    PageResult<FileLine> unmanaged(OrgScope scope, int page, int size) {
        String where = " where b.path like :scopePath and f.host_id is null and " + ACTIVE;
        return page(LINE + where, where, " order by f.branch_id, f.id", Map.of("scopePath", scope.pathPattern()),
                page, size);
    }

    /** Active files whose next contact was due before today, the longest overdue first. */
    PageResult<FileLine> overdue(OrgScope scope, LocalDate today, int page, int size) {
        String where = " where b.path like :scopePath and f.next_due < :today and " + ACTIVE;
        return page(LINE + where, where, " order by f.next_due, f.id",
                Map.of("scopePath", scope.pathPattern(), "today", today), page, size);
    }

    private PageResult<FileLine> page(String select, String where, String order, Map<String, Object> params,
                                      int page, int size) {
        long total = jdbc.sql("select count(*) from mobile_file f join org_node b on b.id = f.branch_id" + where)
                .params(params).query(Long.class).single();
        List<FileLine> items = jdbc.sql(select + order + " offset :offset rows fetch next :size rows only")
                .params(params).param("offset", (page - 1) * size).param("size", size)
                .query((rs, i) -> line(rs)).list();
        return new PageResult<>(items, page, size, total);
    }

    private static FileLine line(ResultSet rs) throws SQLException {
        return new FileLine(rs.getLong("id"), rs.getString("name"), rs.getString("branch_name"),
                MobileRecords.place(rs.getString("province"), rs.getString("city"), rs.getString("district")),
                rs.getString("employer"), MobileState.valueOf(rs.getString("state")), rs.getString("host_name"),
                kind(rs.getString("host_rule")), date(rs, "last_contact_on"), date(rs, "next_due"));
    }

    /** What the rule needs of the unmanaged active files inside the scope. */
    record Placement(long id, String province, String city, String district, String employer, String liveCity,
                     String liveDistrict, String liveCommunity) {
    }

    List<Placement> placements(OrgScope scope, List<Long> onlyIds) {
        String sql = "select f.id, f.province, f.city, f.district, f.employer, f.live_city, f.live_district, "
                + "f.live_community from mobile_file f join org_node b on b.id = f.branch_id where b.path like :scopePath"
                + " and f.host_id is null and " + ACTIVE + (onlyIds == null ? "" : " and f.id in (:ids)")
                + " order by f.id";
        var spec = jdbc.sql(sql).param("scopePath", scope.pathPattern());
        if (onlyIds != null) {
            if (onlyIds.isEmpty()) {
                return List.of();
            }
            spec = spec.param("ids", onlyIds);
        }
        return spec.query((rs, i) -> new Placement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).list();
    }

    /** Gives files to hosts; only files still unmanaged change (two passes at once assign each file once). */
    int assign(List<long[]> fileHost, Map<Long, MobileHostKind> ruleByFile, LocalDate on) {
        int n = 0;
        for (long[] fh : fileHost) {
            n += jdbc.sql("update mobile_file set host_id = :h, host_rule = :r, managed_on = :on "
                            + "where id = :f and host_id is null")
                    .param("h", fh[1]).param("r", ruleByFile.get(fh[0]).name()).param("on", on).param("f", fh[0])
                    .update();
        }
        return n;
    }

    void updateDerived(long fileId, MobileState state, String relation, LocalDate lastContactOn, LocalDate nextDue) {
        jdbc.sql("update mobile_file set state = :s, relation = :r, last_contact_on = :l, next_due = :d where id = :id")
                .param("s", state.name()).param("r", relation).param("l", lastContactOn).param("d", nextDue)
                .param("id", fileId).update();
    }

    void updateSkills(long fileId, String skills) {
        jdbc.sql("update mobile_file set skills = :s where id = :id").param("s", skills).param("id", fileId).update();
    }

    // ------------------------------------------------------------------ contacts, events, tasks, 督办

    void insertContact(long fileId, LocalDate on, String channel, String by, String content, LocalDate nextDue,
                       LocalDateTime at, String recordedBy) {
        jdbc.sql("""
                        insert into mobile_contact (file_id, contacted_on, channel, by_name, content, next_due,
                                                    recorded_at, recorded_by)
                        values (:f, :on, :channel, :by, :content, :due, :at, :rb)""")
                .param("f", fileId).param("on", on).param("channel", channel).param("by", by)
                .param("content", content).param("due", nextDue).param("at", Timestamp.valueOf(at))
                .param("rb", recordedBy).update();
    }

    void insertEvent(long fileId, MobileEventKind kind, LocalDate on, String otherOrg, String note, LocalDateTime at,
                     String by) {
        jdbc.sql("""
                        insert into mobile_event (file_id, kind, happened_on, other_org, note, recorded_at, recorded_by)
                        values (:f, :k, :on, :o, :n, :at, :by)""")
                .param("f", fileId).param("k", kind.name()).param("on", on).param("o", otherOrg).param("n", note)
                .param("at", Timestamp.valueOf(at)).param("by", by).update();
    }

    void insertTask(long fileId, String task, LocalDate on, String result, LocalDateTime at, String by) {
        jdbc.sql("""
                        insert into mobile_task (file_id, task, given_on, result, recorded_at, recorded_by)
                        values (:f, :t, :on, :r, :at, :by)""")
                .param("f", fileId).param("t", task).param("on", on).param("r", result)
                .param("at", Timestamp.valueOf(at)).param("by", by).update();
    }

    void insertDunning(long fileId, Escalation level, int overdue, String note, LocalDateTime at, String by) {
        jdbc.sql("""
                        insert into mobile_dunning (file_id, level, overdue, note, dunned_at, dunned_by)
                        values (:f, :l, :o, :n, :at, :by)""")
                .param("f", fileId).param("l", level.name()).param("o", overdue).param("n", note)
                .param("at", Timestamp.valueOf(at)).param("by", by).update();
    }

    List<ContactRow> contacts(long fileId) {
        return jdbc.sql("select * from mobile_contact where file_id = :f order by contacted_on desc, id desc")
                .param("f", fileId)
                .query((rs, i) -> new ContactRow(rs.getLong("id"), date(rs, "contacted_on"), rs.getString("channel"),
                        rs.getString("by_name"), rs.getString("content"), date(rs, "next_due"),
                        rs.getString("recorded_by")))
                .list();
    }

    /** Events oldest first (the order they are replayed in). */
    List<EventRow> events(long fileId) {
        return jdbc.sql("select * from mobile_event where file_id = :f order by happened_on, id").param("f", fileId)
                .query((rs, i) -> new EventRow(rs.getLong("id"), MobileEventKind.valueOf(rs.getString("kind")),
                        date(rs, "happened_on"), rs.getString("other_org"), rs.getString("note"),
                        rs.getString("recorded_by")))
                .list();
    }

    List<TaskRow> tasks(long fileId) {
        return jdbc.sql("select * from mobile_task where file_id = :f order by given_on desc, id desc")
                .param("f", fileId)
                .query((rs, i) -> new TaskRow(rs.getLong("id"), rs.getString("task"), date(rs, "given_on"),
                        rs.getString("result"), rs.getString("recorded_by")))
                .list();
    }

    List<DunningRow> dunnings(long fileId) {
        return jdbc.sql("select * from mobile_dunning where file_id = :f order by dunned_at desc, id desc")
                .param("f", fileId)
                .query((rs, i) -> new DunningRow(Escalation.valueOf(rs.getString("level")), rs.getInt("overdue"),
                        rs.getString("note"), rs.getTimestamp("dunned_at").toLocalDateTime(),
                        rs.getString("dunned_by")))
                .list();
    }

    /** The latest 督办 of each of the files, as "黄牌督办 2026-12-01 by". */
    Map<Long, String> lastDunnings(List<Long> fileIds) {
        Map<Long, String> out = new HashMap<>();
        if (fileIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select file_id, level, dunned_at from mobile_dunning where file_id in (:ids) order by dunned_at, id")
                .param("ids", fileIds)
                .query(rs -> {
                    out.put(rs.getLong(1), Escalation.valueOf(rs.getString(2)).label() + " "
                            + rs.getTimestamp(3).toLocalDateTime().toLocalDate());
                });
        return out;
    }

    // ------------------------------------------------------------------ candidates (源头查找)

    record CandidateInsert(long memberId, long branchId, String name, String source, String listName, String province,
                           String city, String district, String employer, String phone) {
    }

    void insertCandidates(List<CandidateInsert> rows, LocalDateTime at, String by) {
        for (CandidateInsert c : rows) {
            jdbc.sql("""
                            insert into mobile_candidate (member_id, branch_id, name, source, list_name, province, city,
                                district, employer, phone, status, found_at, found_by)
                            values (:m, :b, :n, :s, :l, :p, :c, :d, :e, :ph, 'OPEN', :at, :by)""")
                    .param("m", c.memberId()).param("b", c.branchId()).param("n", c.name()).param("s", c.source())
                    .param("l", c.listName()).param("p", c.province()).param("c", c.city()).param("d", c.district())
                    .param("e", c.employer()).param("ph", cipher.encrypt(c.phone(), CANDIDATE_PHONE))
                    .param("at", Timestamp.valueOf(at)).param("by", by).update();
        }
    }

    /** Members who already have a file or an open candidate (源头查找 does not find them twice). */
    java.util.Set<Long> knownMembers(List<Long> memberIds) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        for (int k = 0; k < memberIds.size(); k += 1000) {
            List<Long> part = memberIds.subList(k, Math.min(memberIds.size(), k + 1000));
            out.addAll(jdbc.sql("select member_id from mobile_file where member_id in (:ids) union "
                            + "select member_id from mobile_candidate where status = 'OPEN' and member_id in (:ids)")
                    .param("ids", part).query(Long.class).list());
        }
        return out;
    }

    PageResult<CandidateRow> candidates(OrgScope scope, String status, int page, int size) {
        String where = " where b.path like :scopePath and c.status = :status";
        Map<String, Object> params = Map.of("scopePath", scope.pathPattern(), "status", status);
        long total = jdbc.sql("select count(*) from mobile_candidate c join org_node b on b.id = c.branch_id" + where)
                .params(params).query(Long.class).single();
        List<CandidateRow> items = jdbc.sql("select c.*, b.name as branch_name from mobile_candidate c "
                        + "join org_node b on b.id = c.branch_id" + where
                        + " order by c.branch_id, c.id offset :offset rows fetch next :size rows only")
                .params(params).param("offset", (page - 1) * size).param("size", size)
                .query((rs, i) -> candidate(rs, true)).list();
        return new PageResult<>(items, page, size, total);
    }

    /** An open candidate inside the scope; phone in clear. */
    Optional<CandidateRow> candidate(long id, OrgScope scope) {
        return jdbc.sql("select c.*, b.name as branch_name from mobile_candidate c join org_node b on b.id = c.branch_id "
                        + "where c.id = :id and b.path like :scopePath")
                .param("id", id).param("scopePath", scope.pathPattern())
                .query((rs, i) -> candidate(rs, false)).optional();
    }

    private CandidateRow candidate(ResultSet rs, boolean masked) throws SQLException {
        String phone = cipher.decrypt(rs.getString("phone"), CANDIDATE_PHONE);
        return new CandidateRow(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("branch_id"),
                rs.getString("branch_name"), rs.getString("name"), rs.getString("source"), rs.getString("list_name"),
                rs.getString("province"), rs.getString("city"), rs.getString("district"), rs.getString("employer"),
                masked ? Masking.phone(phone) : phone, rs.getString("status"),
                rs.getTimestamp("found_at").toLocalDateTime());
    }

    /** Closes an open candidate; false when it was not open any more (filed or dismissed meanwhile). */
    boolean closeCandidate(long id, String status) {
        return jdbc.sql("update mobile_candidate set status = :s where id = :id and status = 'OPEN'")
                .param("s", status).param("id", id).update() == 1;
    }

    /** Open candidates of a member other than this one are filed with it. */
    void fileOtherCandidates(long memberId) {
        jdbc.sql("update mobile_candidate set status = 'FILED' where member_id = :m and status = 'OPEN'")
                .param("m", memberId).update();
    }

    // ------------------------------------------------------------------ helpers

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static MobileHostKind kind(String value) {
        return value == null ? null : MobileHostKind.valueOf(value);
    }

    static List<String> tags(String skills) {
        return skills == null || skills.isBlank() ? List.of()
                : Arrays.stream(skills.split("[,，、;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

package cn.zugong.deliberation.internal;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.deliberation.Classification;
import cn.zugong.deliberation.Matter;
import cn.zugong.deliberation.MatterKind;
import cn.zugong.deliberation.MatterStatus;
import cn.zugong.deliberation.Meeting;
import cn.zugong.deliberation.MeetingLevel;
import cn.zugong.deliberation.Outcome;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The 三事分流 tables. Every list is scoped with {@link OrgScope#sqlContains(String)} on the community. */
@Repository
public class DeliberationRepository {

    private static final String MATTER = """
            select m.id, m.community_node_id, n.name, n.path, m.title, m.description, m.raised_by, m.phone_masked,
                   m.grid, m.raised_on, m.evidence, m.kind, m.status, m.carried, m.settled_by_residents,
                   m.closure_item_id, ci.status, m.registered_by, m.registered_at
            from deliberation_matter m join org_node n on n.id = m.community_node_id
                 left join closure_item ci on ci.id = m.closure_item_id
            """;
    private static final String MEETING = """
            select g.id, g.community_node_id, n.name, n.path, g.level, g.meeting_date, g.slot_date, g.place, g.status,
                   g.attendees, g.held_by, g.held_at
            from deliberation_meeting g join org_node n on n.id = g.community_node_id
            """;

    /** A new row: the matter as registered, with its phone already encrypted and masked. */
    public record MatterRow(long communityNodeId, String title, String description, String raisedBy,
                            String phoneCipher, String phoneMasked, String grid, LocalDate raisedOn, String evidence,
                            MatterKind kind, MatterStatus status, String registeredBy, LocalDateTime registeredAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DeliberationRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---- matters --------------------------------------------------------------------------------------

    public long insertMatter(MatterRow r) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into deliberation_matter (community_node_id, title, description, raised_by, phone_cipher,
                            phone_masked, grid, raised_on, evidence, kind, status, registered_by, registered_at)
                        values (:node, :title, :description, :raisedBy, :cipher, :masked, :grid, :raisedOn, :evidence,
                            :kind, :status, :by, :at)
                        """).param("node", r.communityNodeId()).param("title", r.title())
                .param("description", r.description()).param("raisedBy", r.raisedBy())
                .param("cipher", r.phoneCipher()).param("masked", r.phoneMasked()).param("grid", r.grid())
                .param("raisedOn", r.raisedOn()).param("evidence", r.evidence())
                .param("kind", r.kind() == null ? null : r.kind().name()).param("status", r.status().name())
                .param("by", r.registeredBy()).param("at", r.registeredAt()).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Matter> matter(long id) {
        return jdbc.sql(MATTER + " where m.id = :id").param("id", id).query(DeliberationRepository::matter).optional();
    }

    public List<Matter> matters(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(MATTER + " where m.id in (:ids) order by m.id").param("ids", ids)
                .query(DeliberationRepository::matter).list();
    }

    /** Matters inside the scope (optionally of one community, kind and status), newest first. */
    public PageResult<Matter> page(OrgScope scope, Long communityId, MatterKind kind, MatterStatus status,
                                   int page, int size) {
        StringBuilder where = new StringBuilder(" where " + OrgScope.sqlContains("m.community_node_id"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scopePath", scope.pathPattern());
        if (communityId != null) {
            where.append(" and m.community_node_id = :community");
            params.put("community", communityId);
        }
        if (kind != null) {
            where.append(" and m.kind = :kind");
            params.put("kind", kind.name());
        }
        if (status != null) {
            where.append(" and m.status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql("select count(*) from deliberation_matter m" + where).params(params)
                .query(Long.class).single();
        List<Matter> items = jdbc.sql(MATTER + where + " order by m.raised_on desc, m.id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (page - 1) * size)
                .query(DeliberationRepository::matter).list();
        return new PageResult<>(items, page, size, total);
    }

    /** The agenda: routed, not yet decided matters of the community at the level, in the order they came. */
    public List<Matter> agenda(long communityId, MatterKind kind) {
        return jdbc.sql(MATTER + " where m.community_node_id = :community and m.kind = :kind and m.status = 'ROUTED'"
                        + " order by m.raised_on, m.id")
                .param("community", communityId).param("kind", kind.name())
                .query(DeliberationRepository::matter).list();
    }

    /** Agenda sizes per level of the community. */
    public Map<MatterKind, Long> agendaCounts(long communityId) {
        Map<MatterKind, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select kind, count(*) from deliberation_matter
                        where community_node_id = :community and status = 'ROUTED' group by kind
                        """).param("community", communityId)
                .query(rs -> {
                    counts.put(MatterKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    public boolean classify(long id, MatterKind kind, MatterStatus from) {
        return jdbc.sql("update deliberation_matter set kind = :kind, status = 'ROUTED' where id = :id and status = :from")
                .param("kind", kind.name()).param("id", id).param("from", from.name()).update() == 1;
    }

    public void insertClassification(long matterId, MatterKind kind, MatterKind previous, String reason, String by,
                                     String byName, LocalDateTime at) {
        jdbc.sql("""
                        insert into deliberation_classification (matter_id, kind, previous_kind, reason, classified_by,
                                                                 classifier, classified_at)
                        values (:matter, :kind, :previous, :reason, :by, :name, :at)
                        """).param("matter", matterId).param("kind", kind.name())
                .param("previous", previous == null ? null : previous.name()).param("reason", reason)
                .param("by", by).param("name", byName).param("at", at).update();
    }

    public List<Classification> classifications(long matterId) {
        return jdbc.sql("""
                        select id, matter_id, kind, previous_kind, reason, classified_by, classifier, classified_at
                        from deliberation_classification where matter_id = :matter order by id
                        """).param("matter", matterId)
                .query((rs, i) -> new Classification(rs.getLong(1), rs.getLong(2), MatterKind.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : MatterKind.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toLocalDateTime())).list();
    }

    /** 未议结: the matters stay routed and count one more carried sitting. */
    public void carry(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update deliberation_matter set carried = carried + 1 where id in (:ids) and status = 'ROUTED'")
                    .param("ids", ids).update();
        }
    }

    /** The matters a sitting decided; false when one of them was no longer routed (decided elsewhere meanwhile). */
    public boolean decide(List<Outcome> decided) {
        int[][] batches = template.batchUpdate("""
                update deliberation_matter set status = 'DECIDED', settled_by_residents = ?
                where id = ? and status = 'ROUTED'
                """, decided, 200, (ps, o) -> {
            ps.setObject(1, o.settledByResidents());
            ps.setLong(2, o.matterId());
        });
        return java.util.Arrays.stream(batches).flatMapToInt(java.util.Arrays::stream).noneMatch(c -> c == 0);
    }

    public void linkClosure(Map<Long, Long> itemByMatter) {
        template.batchUpdate("update deliberation_matter set closure_item_id = ? where id = ?",
                List.copyOf(itemByMatter.entrySet()), 200, (ps, e) -> {
                    ps.setLong(1, e.getValue());
                    ps.setLong(2, e.getKey());
                });
    }

    // ---- meetings -------------------------------------------------------------------------------------

    public long insertMeeting(long communityId, MeetingLevel level, LocalDate date, LocalDate slot, String place,
                              String by, LocalDateTime at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into deliberation_meeting (community_node_id, level, meeting_date, slot_date, place, status,
                                                          created_by, created_at)
                        values (:community, :level, :date, :slot, :place, 'PLANNED', :by, :at)
                        """).param("community", communityId).param("level", level.name()).param("date", date)
                .param("slot", slot).param("place", place).param("by", by).param("at", at).update(key, "id");
        return key.getKey().longValue();
    }

    /** Inserts the regular sittings whose slot is not in the schedule yet; returns how many were added. */
    public int insertSlots(long communityId, MeetingLevel level, List<LocalDate[]> dateAndSlot, String by,
                           LocalDateTime at) {
        List<LocalDate> existing = jdbc.sql("""
                        select slot_date from deliberation_meeting
                        where community_node_id = :community and level = :level and slot_date is not null
                        """).param("community", communityId).param("level", level.name())
                .query(LocalDate.class).list();
        List<LocalDate[]> fresh = dateAndSlot.stream().filter(d -> !existing.contains(d[1])).toList();
        template.batchUpdate("""
                insert into deliberation_meeting (community_node_id, level, meeting_date, slot_date, status, created_by,
                                                  created_at)
                values (?, ?, ?, ?, 'PLANNED', ?, ?)
                """, fresh, 200, (ps, d) -> {
            ps.setLong(1, communityId);
            ps.setString(2, level.name());
            ps.setObject(3, d[0]);
            ps.setObject(4, d[1]);
            ps.setString(5, by);
            ps.setTimestamp(6, Timestamp.valueOf(at));
        });
        return fresh.size();
    }

    public Optional<Meeting> meeting(long id) {
        return jdbc.sql(MEETING + " where g.id = :id").param("id", id).query(DeliberationRepository::meeting)
                .optional();
    }

    /** The community's sittings between two dates (all levels when {@code level} is null), by date. */
    public List<Meeting> meetings(long communityId, MeetingLevel level, LocalDate from, LocalDate to) {
        return jdbc.sql(MEETING + " where g.community_node_id = :community"
                        + (level == null ? "" : " and g.level = :level")
                        + " and g.meeting_date between :from and :to order by g.meeting_date, g.level, g.id")
                .param("community", communityId).param("level", level == null ? null : level.name())
                .param("from", from).param("to", to).query(DeliberationRepository::meeting).list();
    }

    /** The earliest planned sitting of the level on or after {@code day}. */
    public Optional<Meeting> nextPlanned(long communityId, MeetingLevel level, LocalDate day) {
        return jdbc.sql(MEETING + """
                         where g.community_node_id = :community and g.level = :level and g.status = 'PLANNED'
                           and g.meeting_date >= :day order by g.meeting_date, g.id limit 1
                        """).param("community", communityId).param("level", level.name()).param("day", day)
                .query(DeliberationRepository::meeting).optional();
    }

    /** Slot dates of the level already in the schedule (moved or held sittings keep their slot). */
    public List<LocalDate> slots(long communityId, MeetingLevel level, LocalDate from) {
        return jdbc.sql("""
                        select slot_date from deliberation_meeting where community_node_id = :community and level = :level
                          and slot_date >= :from
                        """).param("community", communityId).param("level", level.name()).param("from", from)
                .query(LocalDate.class).list();
    }

    public boolean move(long id, LocalDate date) {
        return jdbc.sql("update deliberation_meeting set meeting_date = :date where id = :id and status = 'PLANNED'")
                .param("date", date).param("id", id).update() == 1;
    }

    public boolean hold(long id, String attendees, String by, LocalDateTime at) {
        return jdbc.sql("""
                        update deliberation_meeting set status = 'HELD', attendees = :attendees, held_by = :by, held_at = :at
                        where id = :id and status = 'PLANNED'
                        """).param("attendees", attendees).param("by", by).param("at", at).param("id", id)
                .update() == 1;
    }

    public void insertOutcomes(long meetingId, List<Outcome> outcomes, String by, LocalDateTime at) {
        template.batchUpdate("""
                insert into deliberation_outcome (meeting_id, matter_id, decided, decision, responsible, deadline,
                                                  settled_by_residents, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, outcomes, 200, (ps, o) -> {
            ps.setLong(1, meetingId);
            ps.setLong(2, o.matterId());
            ps.setBoolean(3, o.decided());
            ps.setString(4, o.decision());
            ps.setString(5, o.responsible());
            ps.setObject(6, o.deadline());
            ps.setObject(7, o.settledByResidents());
            ps.setString(8, by);
            ps.setTimestamp(9, Timestamp.valueOf(at));
        });
    }

    public List<Outcome> outcomesOfMeeting(long meetingId) {
        return jdbc.sql(OUTCOME + " where o.meeting_id = :id order by o.id").param("id", meetingId)
                .query(DeliberationRepository::outcome).list();
    }

    /** Every sitting that discussed the matter, with what it recorded. */
    public List<Map.Entry<Meeting, Outcome>> outcomesOfMatter(long matterId) {
        return jdbc.sql("""
                        select g.id, g.community_node_id, n.name, n.path, g.level, g.meeting_date, g.slot_date, g.place,
                               g.status, g.attendees, g.held_by, g.held_at,
                               o.matter_id, m.title, o.decided, o.decision, o.responsible, o.deadline,
                               o.settled_by_residents
                        from deliberation_outcome o join deliberation_meeting g on g.id = o.meeting_id
                        join org_node n on n.id = g.community_node_id
                        join deliberation_matter m on m.id = o.matter_id
                        where o.matter_id = :matter order by g.meeting_date, o.id
                        """).param("matter", matterId)
                .query((rs, i) -> Map.entry(meeting(rs, i), outcomeAt(rs, 12))).list();
    }

    private static final String OUTCOME = """
            select o.matter_id, m.title, o.decided, o.decision, o.responsible, o.deadline, o.settled_by_residents
            from deliberation_outcome o join deliberation_matter m on m.id = o.matter_id
            """;

    // ---- figures --------------------------------------------------------------------------------------

    /** kind (null = unclassified) → raised, decided, resolved, closed, 私事 settled by residents. */
    public Map<MatterKind, long[]> matterFigures(OrgScope scope, LocalDate from, LocalDate to) {
        Map<MatterKind, long[]> lines = new LinkedHashMap<>();
        jdbc.sql("select m.kind, count(*),"
                        + " sum(case when m.status = 'DECIDED' then 1 else 0 end),"
                        + " sum(case when ci.status in (" + ClosureStatus.sqlList(ClosureStatus.DONE) + ") then 1 else 0 end),"
                        + " sum(case when ci.status = " + ClosureStatus.CLOSED.sqlLiteral() + " then 1 else 0 end),"
                        + " sum(case when m.status = 'DECIDED' and m.settled_by_residents then 1 else 0 end)"
                        + " from deliberation_matter m left join closure_item ci on ci.id = m.closure_item_id"
                        + " where m.raised_on between :from and :to and "
                        + OrgScope.sqlContains("m.community_node_id") + " group by m.kind")
                .param("from", from).param("to", to).param("scopePath", scope.pathPattern())
                .query(rs -> {
                    String kind = rs.getString(1);
                    lines.put(kind == null ? null : MatterKind.valueOf(kind), new long[] {rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                });
        return lines;
    }

    /** Area id → {raised, closed (销号)} of the matters raised in the period at the area or below it; one query. */
    public Map<Long, long[]> closedByArea(java.util.Collection<Long> areaIds, LocalDate from, LocalDate to) {
        Map<Long, long[]> out = new java.util.HashMap<>();
        if (areaIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select a.id, count(*),"
                        + " coalesce(sum(case when ci.status = " + ClosureStatus.CLOSED.sqlLiteral() + " then 1 else 0 end), 0)"
                        + " from deliberation_matter m left join closure_item ci on ci.id = m.closure_item_id"
                        + " join org_node n on n.id = m.community_node_id"
                        + " join org_node a on n.path like a.path || '%'"
                        + " where m.raised_on between :from and :to and a.id in (:areas) group by a.id")
                .param("from", from).param("to", to).param("areas", areaIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return out;
    }

    public Map<MeetingLevel, Long> meetingsHeld(OrgScope scope, LocalDate from, LocalDate to) {
        Map<MeetingLevel, Long> held = new LinkedHashMap<>();
        jdbc.sql("select g.level, count(*) from deliberation_meeting g where g.status = 'HELD'"
                        + " and g.meeting_date between :from and :to and " + OrgScope.sqlContains("g.community_node_id")
                        + " group by g.level")
                .param("from", from).param("to", to).param("scopePath", scope.pathPattern())
                .query(rs -> {
                    held.put(MeetingLevel.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return held;
    }

    /** Communities inside the scope that have matters or sittings, with their matter count, by name. */
    public List<Map.Entry<Long, Long>> activeCommunities(OrgScope scope) {
        return jdbc.sql("select m.community_node_id, count(*) from deliberation_matter m where "
                        + OrgScope.sqlContains("m.community_node_id")
                        + " group by m.community_node_id order by count(*) desc")
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list();
    }

    public boolean demoLoaded(String registeredBy) {
        return jdbc.sql("select count(*) from deliberation_matter where registered_by = :by").param("by", registeredBy)
                .query(Long.class).single() > 0;
    }

    // ---- mapping --------------------------------------------------------------------------------------

    private static Matter matter(ResultSet rs, int i) throws SQLException {
        String kind = rs.getString(12);
        Object settled = rs.getObject(15);
        long item = rs.getLong(16);
        Long itemId = rs.wasNull() ? null : item;
        String closure = rs.getString(17);
        return new Matter(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                rs.getString(11), kind == null ? null : MatterKind.valueOf(kind), MatterStatus.valueOf(rs.getString(13)),
                rs.getInt(14), settled == null ? null : rs.getBoolean(15), itemId,
                closure == null ? null : ClosureStatus.valueOf(closure), rs.getString(18),
                rs.getTimestamp(19).toLocalDateTime());
    }

    private static Meeting meeting(ResultSet rs, int i) throws SQLException {
        Timestamp heldAt = rs.getTimestamp(12);
        return new Meeting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                MeetingLevel.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class), rs.getString(8), "HELD".equals(rs.getString(9)), rs.getString(10),
                rs.getString(11), heldAt == null ? null : heldAt.toLocalDateTime());
    }

    private static Outcome outcome(ResultSet rs, int i) throws SQLException {
        return outcomeAt(rs, 0);
    }

    /** An outcome from the seven columns after {@code o}. */
    private static Outcome outcomeAt(ResultSet rs, int o) throws SQLException {
        Object settled = rs.getObject(o + 7);
        return new Outcome(rs.getLong(o + 1), rs.getString(o + 2), rs.getBoolean(o + 3), rs.getString(o + 4),
                rs.getString(o + 5), rs.getObject(o + 6, LocalDate.class), settled == null ? null : rs.getBoolean(o + 7));
    }
}

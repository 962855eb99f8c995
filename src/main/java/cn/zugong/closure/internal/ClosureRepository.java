package cn.zugong.closure.internal;

import cn.zugong.closure.Attachment;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureEvent;
import cn.zugong.closure.ClosureFilter;
import cn.zugong.closure.ClosureItem;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.Escalation;
import cn.zugong.closure.HistoricalItem;
import cn.zugong.closure.NewClosureItem;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The closure tables. Every list query of items is scoped with {@link OrgScope#sqlContains(String)}. */
@Repository
public class ClosureRepository {

    /** Still being worked past its deadline; the condition starts with a space. */
    private static final String OVERDUE = " i.status in (" + ClosureStatus.sqlList(ClosureStatus.WORKING)
            + ") and i.deadline < :today";

    private static final String SELECT = """
            select i.id, i.kind, i.source_ref, i.owner_node_id, n.name, n.path, i.category, i.title, i.description,
                   i.status, i.assignee, i.measures, i.resolution, i.deadline, i.escalation, i.escalated_to_node_id,
                   i.instruction_open, i.registered_by, i.registered_at, i.updated_at, i.closed_at
            from closure_item i join org_node n on n.id = i.owner_node_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ClosureRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<ClosureItem> find(long id) {
        return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(ClosureRepository::item).optional();
    }

    /** Source refs of the kind that are already registered (so registering twice adds nothing). */
    public Set<String> existingRefs(String kind, Collection<String> refs) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(refs);
        for (int i = 0; i < all.size(); i += 500) {
            found.addAll(jdbc.sql("select source_ref from closure_item where kind = :kind and source_ref in (:refs)")
                    .param("kind", kind).param("refs", all.subList(i, Math.min(all.size(), i + 500)))
                    .query(String.class).list());
        }
        return found;
    }

    /** Inserts the items and their REGISTER event in two batches. */
    public void insertAll(List<NewClosureItem> items, String actor, String actorName, LocalDateTime now) {
        Timestamp at = Timestamp.valueOf(now);
        template.batchUpdate("""
                insert into closure_item (kind, source_ref, owner_node_id, category, title, description, status,
                                          deadline, registered_by, registered_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?, ?)
                """, items, 500, (ps, n) -> {
            ps.setString(1, n.kind());
            ps.setString(2, n.sourceRef());
            ps.setLong(3, n.ownerNodeId());
            ps.setString(4, n.category());
            ps.setString(5, n.title());
            ps.setString(6, n.description());
            ps.setObject(7, n.deadline());
            ps.setString(8, actor);
            ps.setTimestamp(9, at);
            ps.setTimestamp(10, at);
        });
        template.batchUpdate("""
                insert into closure_event (item_id, happened_at, actor, actor_name, action, to_status, note)
                select id, ?, ?, ?, 'REGISTER', 'REGISTERED', ? from closure_item where kind = ? and source_ref = ?
                """, items, 500, (ps, n) -> {
            ps.setTimestamp(1, at);
            ps.setString(2, actor);
            ps.setString(3, actorName);
            ps.setString(4, "整改期限 " + n.deadline());
            ps.setString(5, n.kind());
            ps.setString(6, n.sourceRef());
        });
    }

    /**
     * Inserts items with their final state and their whole histories: two JDBC batches (items, then events),
     * 1,000 statements a round trip, and one id look-up per 500 source refs. Returns the new ids by source ref.
     */
    public Map<String, Long> importHistorical(String kind, List<HistoricalItem> items) {
        template.batchUpdate("""
                insert into closure_item (kind, source_ref, owner_node_id, category, title, description, status,
                    assignee, measures, resolution, deadline, escalation, escalated_to_node_id, registered_by,
                    registered_at, updated_at, resolved_at, closed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, items, 1000, (ps, h) -> {
            ps.setString(1, kind);
            ps.setString(2, h.sourceRef());
            ps.setLong(3, h.ownerNodeId());
            ps.setString(4, h.category());
            ps.setString(5, h.title());
            ps.setString(6, h.description());
            ps.setString(7, h.status().name());
            ps.setString(8, h.assignee());
            ps.setString(9, h.measures());
            ps.setString(10, h.resolution());
            ps.setObject(11, h.deadline());
            ps.setInt(12, h.escalation().level());
            if (h.escalatedToNodeId() == null) {
                ps.setNull(13, java.sql.Types.BIGINT);
            } else {
                ps.setLong(13, h.escalatedToNodeId());
            }
            ps.setString(14, h.registeredBy());
            ps.setTimestamp(15, Timestamp.valueOf(h.registeredAt()));
            ps.setTimestamp(16, Timestamp.valueOf(h.updatedAt()));
            ps.setTimestamp(17, timestamp(h.resolvedAt()));
            ps.setTimestamp(18, timestamp(h.closedAt()));
        });
        Map<String, Long> ids = idsByRef(kind, items.stream().map(HistoricalItem::sourceRef).toList());
        record Row(long itemId, HistoricalItem.Step step) {
        }
        List<Row> events = new ArrayList<>();
        for (HistoricalItem h : items) {
            long id = ids.get(h.sourceRef());
            h.history().forEach(e -> events.add(new Row(id, e)));
        }
        // typed setters: for an untyped null Spring asks the driver for the parameter type, a round trip each time
        template.batchUpdate("""
                insert into closure_event (item_id, happened_at, actor, actor_name, action, from_status, to_status, note)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, events, 1000, (ps, r) -> {
            HistoricalItem.Step e = r.step();
            ps.setLong(1, r.itemId());
            ps.setTimestamp(2, Timestamp.valueOf(e.at()));
            ps.setString(3, e.actor());
            ps.setString(4, e.actorName());
            ps.setString(5, e.action().name());
            ps.setString(6, e.from() == null ? null : e.from().name());
            ps.setString(7, e.to() == null ? null : e.to().name());
            ps.setString(8, e.note());
        });
        return ids;
    }

    private static Timestamp timestamp(LocalDateTime at) {
        return at == null ? null : Timestamp.valueOf(at);
    }

    public Map<String, Long> idsByRef(String kind, Collection<String> refs) {
        Map<String, Long> ids = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(refs);
        for (int i = 0; i < all.size(); i += 500) {
            jdbc.sql("select source_ref, id from closure_item where kind = :kind and source_ref in (:refs)")
                    .param("kind", kind).param("refs", all.subList(i, Math.min(all.size(), i + 500)))
                    .query(rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return ids;
    }

    public PageResult<ClosureItem> page(ClosureFilter filter, OrgScope scope, LocalDate today) {
        StringBuilder where = new StringBuilder(" where i.kind = :kind and " + OrgScope.sqlContains("i.owner_node_id"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", filter.kind());
        params.put("scopePath", scope.pathPattern());
        ClosureStatus status = ClosureStatus.parse(filter.status());
        if (status != null) {
            where.append(" and i.status = :status");
            params.put("status", status.name());
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            where.append(" and i.category = :category");
            params.put("category", filter.category());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" and" + OVERDUE);
            params.put("today", today);
        }
        if (filter.ownerNodeId() != null) {
            where.append(" and i.owner_node_id in (select u.id from org_node u, org_node o"
                    + " where o.id = :owner and u.path like o.path || '%')");
            params.put("owner", filter.ownerNodeId());
        }
        int size = PageResult.clampSize(filter.size());
        int page = PageResult.clampPage(filter.page());
        long total = jdbc.sql("select count(*) from closure_item i" + where).params(params).query(Long.class).single();
        List<ClosureItem> items = jdbc.sql(SELECT + where + """
                 order by case when i.status = %s then 1 else 0 end, i.escalation desc, i.deadline, i.id
                 limit :limit offset :offset
                """.formatted(ClosureStatus.CLOSED.sqlLiteral())).params(params).param("limit", size)
                .param("offset", (page - 1) * size).query(ClosureRepository::item).list();
        return new PageResult<>(items, page, size, total);
    }

    public List<ClosureItem> open(String kind, OrgScope scope) {
        return jdbc.sql(SELECT + " where i.kind = :kind and i.status <> " + ClosureStatus.CLOSED.sqlLiteral() + " and "
                        + OrgScope.sqlContains("i.owner_node_id"))
                .param("kind", kind).param("scopePath", scope.pathPattern()).query(ClosureRepository::item).list();
    }

    /** Items still being worked whose deadline lies before {@code today}. */
    public List<ClosureItem> overdue(LocalDate today) {
        return jdbc.sql(SELECT + " where" + OVERDUE)
                .param("today", today).query(ClosureRepository::item).list();
    }

    /**
     * Moves the item from {@code from} to {@code to} and sets the given columns (names come from code, never
     * from a request). False when someone else changed the status first.
     */
    public boolean update(long id, ClosureStatus from, ClosureStatus to, Map<String, Object> columns,
                          LocalDateTime now) {
        StringBuilder sql = new StringBuilder("update closure_item set status = :to, updated_at = :now");
        if (to == ClosureStatus.RESOLVED && from != ClosureStatus.RESOLVED) {
            sql.append(", resolved_at = :now"); // the last 办结: what on-time figures compare with the deadline
        }
        columns.keySet().forEach(c -> sql.append(", ").append(c).append(" = :").append(c));
        sql.append(" where id = :id and status = :from");
        var spec = jdbc.sql(sql.toString()).param("to", to.name()).param("now", now).param("id", id)
                .param("from", from.name());
        for (var e : columns.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.update() == 1;
    }

    /** False when the item is already at the level or above (another pass raised it first). */
    public boolean escalate(long id, Escalation level, Long toNodeId, LocalDateTime now) {
        return jdbc.sql("update closure_item set escalation = :level, escalated_to_node_id = :to, updated_at = :now"
                        + " where id = :id and escalation < :level")
                .param("level", level.level()).param("to", toNodeId).param("now", now).param("id", id).update() == 1;
    }

    public void event(long itemId, LocalDateTime at, String actor, String actorName, ClosureAction action,
                      ClosureStatus from, ClosureStatus to, String note) {
        jdbc.sql("""
                        insert into closure_event (item_id, happened_at, actor, actor_name, action, from_status,
                                                   to_status, note)
                        values (:item, :at, :actor, :name, :action, :from, :to, :note)
                        """).param("item", itemId).param("at", at).param("actor", actor).param("name", actorName)
                .param("action", action.name()).param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name()).param("note", note).update();
    }

    public List<ClosureEvent> history(long itemId) {
        return jdbc.sql("""
                        select id, item_id, happened_at, actor, actor_name, action, from_status, to_status, note
                        from closure_event where item_id = :item order by id
                        """).param("item", itemId)
                .query((rs, i) -> new ClosureEvent(rs.getLong(1), rs.getLong(2),
                        rs.getTimestamp(3).toLocalDateTime(), rs.getString(4), rs.getString(5),
                        ClosureAction.valueOf(rs.getString(6)), status(rs.getString(7)), status(rs.getString(8)),
                        rs.getString(9))).list();
    }

    public long insertAttachment(long itemId, String fileName, String contentType, byte[] bytes, String sha256,
                                 String actor, LocalDateTime at) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into closure_attachment (item_id, file_name, content_type, size_bytes, sha256, content,
                                                        uploaded_by, uploaded_at)
                        values (:item, :name, :type, :size, :sha, :content, :by, :at)
                        """).param("item", itemId).param("name", fileName).param("type", contentType)
                .param("size", bytes.length).param("sha", sha256).param("content", bytes).param("by", actor)
                .param("at", at).update(key, "id");
        return key.getKey().longValue();
    }

    public int attachmentCount(long itemId) {
        return jdbc.sql("select count(*) from closure_attachment where item_id = :item").param("item", itemId)
                .query(Integer.class).single();
    }

    public List<Attachment> attachments(long itemId) {
        return jdbc.sql("""
                        select id, item_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                        from closure_attachment where item_id = :item order by id
                        """).param("item", itemId).query(ClosureRepository::attachment).list();
    }

    public Optional<Attachment.Content> content(long itemId, long attachmentId) {
        return jdbc.sql("""
                        select id, item_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at,
                               content
                        from closure_attachment where item_id = :item and id = :id
                        """).param("item", itemId).param("id", attachmentId)
                .query((rs, i) -> new Attachment.Content(attachment(rs, i), rs.getBytes(9))).optional();
    }

    private static Attachment attachment(ResultSet rs, int i) throws SQLException {
        return new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toLocalDateTime());
    }

    private static ClosureStatus status(String s) {
        return s == null ? null : ClosureStatus.valueOf(s);
    }

    private static ClosureItem item(ResultSet rs, int i) throws SQLException {
        Timestamp closed = rs.getTimestamp(21);
        long escalatedTo = rs.getLong(16);
        Long escalatedToNode = rs.wasNull() ? null : escalatedTo;
        return new ClosureItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                ClosureStatus.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getObject(14, LocalDate.class), Escalation.ofLevel(rs.getInt(15)), escalatedToNode,
                rs.getBoolean(17), rs.getString(18), rs.getTimestamp(19).toLocalDateTime(),
                rs.getTimestamp(20).toLocalDateTime(), closed == null ? null : closed.toLocalDateTime());
    }
}

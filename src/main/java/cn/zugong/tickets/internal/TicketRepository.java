package cn.zugong.tickets.internal;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.Escalation;
import cn.zugong.shared.Masking;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.SqlLike;
import cn.zugong.shared.crypto.FieldCipher;
import cn.zugong.tickets.TicketSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket tables. Lists are filtered by {@link Visibility}; phones are stored encrypted and read masked. */
@Repository
class TicketRepository {

    static final String PHONE_AAD = "problem_ticket.requester_phone";

    private static final String SELECT = """
            select t.item_id, t.ticket_no, t.category_code, c.name, t.source, t.source_ref, t.title, t.description,
                   t.requester_name, t.requester_phone, t.raised_node_id, t.raised_by, t.raised_by_name, t.raised_at,
                   t.cadre_username, t.cadre_name, t.owner_node_id, n.name, n.path, t.status, t.deadline, t.triaged_at,
                   t.escalation, t.resolved_at, t.callback_at, t.satisfaction, t.closed_at, t.days_to_close,
                   t.closed_late, t.reopen_count
            from problem_ticket t join ticket_category c on c.code = t.category_code
                 join org_node n on n.id = t.owner_node_id
            """;

    /** A new ticket's row (the closure item exists already). */
    record Row(long itemId, String ticketNo, String category, TicketSource source, String sourceRef, String title,
               String description, String requesterName, String requesterPhone, long raisedNodeId, String raisedBy,
               String raisedByName, LocalDateTime raisedAt, String cadreUsername, String cadreName, long ownerNodeId,
               LocalDate deadline) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    TicketRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Row r) {
        jdbc.sql("""
                        insert into problem_ticket (item_id, ticket_no, category_code, source, source_ref, title,
                            description, requester_name, requester_phone, raised_node_id, raised_by, raised_by_name,
                            raised_at, raised_year, raised_quarter, raised_month, cadre_username, cadre_name,
                            owner_node_id, status, deadline)
                        values (:item, :no, :category, :source, :ref, :title, :description, :requester, :phone, :node,
                                :by, :byName, :at, :year, :quarter, :month, :cadre, :cadreName, :owner, 'REGISTERED',
                                :deadline)
                        """).param("item", r.itemId()).param("no", r.ticketNo()).param("category", r.category())
                .param("source", r.source().name()).param("ref", r.sourceRef()).param("title", r.title())
                .param("description", r.description()).param("requester", r.requesterName())
                .param("phone", r.requesterPhone() == null ? null : cipher.encrypt(r.requesterPhone(), PHONE_AAD))
                .param("node", r.raisedNodeId()).param("by", r.raisedBy()).param("byName", r.raisedByName())
                .param("at", r.raisedAt()).param("year", r.raisedAt().getYear())
                .param("quarter", (r.raisedAt().getMonthValue() + 2) / 3).param("month", r.raisedAt().getMonthValue())
                .param("cadre", r.cadreUsername()).param("cadreName", r.cadreName()).param("owner", r.ownerNodeId())
                .param("deadline", r.deadline()).update();
    }

    Optional<Ticket> find(long itemId) {
        return jdbc.sql(SELECT + " where t.item_id = :id").param("id", itemId).query(this::ticket).optional();
    }

    PageResult<Ticket> page(TicketFilter filter, Visibility visibility, LocalDate today) {
        StringBuilder where = new StringBuilder(" where " + visibility.sql());
        Map<String, Object> params = new LinkedHashMap<>(visibility.params());
        ClosureStatus status = ClosureStatus.parse(filter.status());
        if (status != null) {
            where.append(" and t.status = :status");
            params.put("status", status.name());
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            where.append(" and t.category_code = :category");
            params.put("category", filter.category());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" and t.status in (" + ClosureStatus.sqlList(ClosureStatus.WORKING) + ") and t.deadline < :today");
            params.put("today", today);
        }
        if (filter.unitId() != null) {
            where.append(" and t.owner_node_id in (select u.id from org_node u, org_node o"
                    + " where o.id = :unit and u.path like o.path || '%')");
            params.put("unit", filter.unitId());
        }
        if (filter.escalation() != null && filter.escalation() > 0) {
            where.append(" and t.escalation = :escalation");
            params.put("escalation", Math.min(3, filter.escalation()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and (t.ticket_no like :q escape '\\' or t.title like :q escape '\\'"
                    + " or t.description like :q escape '\\' or t.requester_name like :q escape '\\')");
            params.put("q", SqlLike.contains(filter.q().strip()));
        }
        int size = PageResult.clampSize(filter.size());
        int page = PageResult.clampPage(filter.page());
        long total = jdbc.sql("select count(*) from problem_ticket t" + where).params(params).query(Long.class)
                .single();
        List<Ticket> items = jdbc.sql(SELECT + where + """
                 order by case when t.status = %s then 1 else 0 end, t.escalation desc, t.deadline, t.item_id
                 limit :limit offset :offset
                """.formatted(ClosureStatus.CLOSED.sqlLiteral())).params(params).param("limit", size).param("offset", (page - 1) * size).query(this::ticket).list();
        return new PageResult<>(items, page, size, total);
    }

    // ---- kept in step with the closure item (TicketSync, TicketService) --------------------------------------

    void status(long itemId, ClosureStatus status) {
        jdbc.sql("update problem_ticket set status = :s where item_id = :id").param("s", status.name())
                .param("id", itemId).update();
    }

    void resolved(long itemId, LocalDateTime at) {
        jdbc.sql("update problem_ticket set resolved_at = :at where item_id = :id").param("at", at).param("id", itemId)
                .update();
    }

    void reopened(long itemId) {
        jdbc.sql("""
                update problem_ticket set closed_at = null, days_to_close = null, closed_late = false, escalation = 0,
                    reopen_count = reopen_count + 1
                where item_id = :id
                """).param("id", itemId).update();
    }

    /** 销号: the time, the days from raising to closing, and whether its last 办结 came after the deadline. */
    void closed(long itemId, LocalDateTime at) {
        jdbc.sql("select raised_at, deadline, resolved_at from problem_ticket where item_id = :id").param("id", itemId)
                .query((rs, i) -> {
                    LocalDate raised = rs.getTimestamp(1).toLocalDateTime().toLocalDate();
                    LocalDate deadline = rs.getObject(2, LocalDate.class);
                    LocalDate resolved = rs.getTimestamp(3) == null ? at.toLocalDate()
                            : rs.getTimestamp(3).toLocalDateTime().toLocalDate();
                    return new Object[] {(int) java.time.temporal.ChronoUnit.DAYS.between(raised, at.toLocalDate()),
                            resolved.isAfter(deadline)};
                }).optional().ifPresent(v -> jdbc.sql("""
                        update problem_ticket set closed_at = :at, days_to_close = :days, closed_late = :late
                        where item_id = :id
                        """).param("at", at).param("days", v[0]).param("late", v[1]).param("id", itemId).update());
    }

    void owner(long itemId, long ownerNodeId) {
        jdbc.sql("update problem_ticket set owner_node_id = :o, escalation = 0 where item_id = :id")
                .param("o", ownerNodeId).param("id", itemId).update();
    }

    void escalation(long itemId, Escalation level) {
        jdbc.sql("update problem_ticket set escalation = :l where item_id = :id and escalation < :l")
                .param("l", level.level()).param("id", itemId).update();
    }

    void deadline(long itemId, LocalDate deadline) {
        jdbc.sql("update problem_ticket set deadline = :d where item_id = :id").param("d", deadline)
                .param("id", itemId).update();
    }

    void triaged(long itemId, String category, LocalDateTime at) {
        jdbc.sql("update problem_ticket set category_code = :c, triaged_at = :at where item_id = :id")
                .param("c", category).param("at", at).param("id", itemId).update();
    }

    // ---- callbacks ---------------------------------------------------------------------------------------

    void callback(long itemId, LocalDateTime at, String by, String byName, Satisfaction satisfaction, String note) {
        jdbc.sql("""
                        insert into ticket_callback (item_id, called_at, called_by, called_name, satisfaction, note)
                        values (:item, :at, :by, :name, :s, :note)
                        """).param("item", itemId).param("at", at).param("by", by).param("name", byName)
                .param("s", satisfaction.name()).param("note", note).update();
        jdbc.sql("""
                        update problem_ticket set callback_at = :at, satisfaction = :s, callback_count = callback_count + 1,
                            satisfied_count = satisfied_count + :ok
                        where item_id = :id
                        """).param("at", at).param("s", satisfaction.name()).param("ok", satisfaction.satisfied() ? 1 : 0)
                .param("id", itemId).update();
    }

    List<Callback> callbacks(long itemId) {
        return jdbc.sql("""
                        select id, item_id, called_at, called_by, called_name, satisfaction, note
                        from ticket_callback where item_id = :id order by id
                        """).param("id", itemId)
                .query((rs, i) -> new Callback(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toLocalDateTime(),
                        rs.getString(4), rs.getString(5), Satisfaction.valueOf(rs.getString(6)), rs.getString(7)))
                .list();
    }

    private Ticket ticket(ResultSet rs, int i) throws SQLException {
        String phone = rs.getString(10);
        String satisfaction = rs.getString(26);
        int days = rs.getInt(28);
        Integer daysToClose = rs.wasNull() ? null : days;
        return new Ticket(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                TicketSource.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), phone == null ? null : Masking.phone(cipher.decrypt(phone, PHONE_AAD)), rs.getLong(11),
                rs.getString(12), rs.getString(13), time(rs, 14), rs.getString(15), rs.getString(16), rs.getLong(17),
                rs.getString(18), rs.getString(19), ClosureStatus.valueOf(rs.getString(20)),
                rs.getObject(21, LocalDate.class), time(rs, 22), Escalation.ofLevel(rs.getInt(23)), time(rs, 24),
                time(rs, 25), satisfaction == null ? null : Satisfaction.valueOf(satisfaction), time(rs, 27),
                daysToClose, rs.getBoolean(29), rs.getInt(30));
    }

    private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}

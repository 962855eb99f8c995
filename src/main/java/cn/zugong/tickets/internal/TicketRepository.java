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

    /**
     * The ticket with its closure state read from its item (status, responsible unit, deadline, 督办, 办结 and
     * 销号 times); the days to close and "closed late" are derived here as in {@link TicketFigures}, and the reopen
     * count from the item's history.
     */
    private static final String SELECT = """
            select t.item_id, t.ticket_no, t.category_code, c.name, t.source, t.source_ref, t.title, t.description,
                   t.requester_name, t.requester_phone, t.raised_node_id, t.raised_by, t.raised_by_name, t.raised_at,
                   t.cadre_username, t.cadre_name, i.owner_node_id, n.name, n.path, i.status, i.deadline, t.triaged_at,
                   i.escalation, i.resolved_at, t.callback_at, t.satisfaction, i.closed_at, %s,
                   case when %s then 1 else 0 end,
                   (select count(*) from closure_event e where e.item_id = t.item_id and e.action = 'REOPEN')
            from problem_ticket t join closure_item i on i.id = t.item_id
                 join ticket_category c on c.code = t.category_code
                 join org_node n on n.id = i.owner_node_id
            """.formatted(TicketFigures.DAYS_TO_CLOSE, TicketFigures.CLOSED_LATE);

    /** A new ticket's row (the closure item exists already). */
    record Row(long itemId, String ticketNo, String category, TicketSource source, String sourceRef, String title,
               String description, String requesterName, String requesterPhone, long raisedNodeId, String raisedBy,
               String raisedByName, LocalDateTime raisedAt, String cadreUsername, String cadreName) {
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
                            raised_at, raised_year, raised_quarter, raised_month, cadre_username, cadre_name)
                        values (:item, :no, :category, :source, :ref, :title, :description, :requester, :phone, :node,
                                :by, :byName, :at, :year, :quarter, :month, :cadre, :cadreName)
                        """).param("item", r.itemId()).param("no", r.ticketNo()).param("category", r.category())
                .param("source", r.source().name()).param("ref", r.sourceRef()).param("title", r.title())
                .param("description", r.description()).param("requester", r.requesterName())
                .param("phone", r.requesterPhone() == null ? null : cipher.encrypt(r.requesterPhone(), PHONE_AAD))
                .param("node", r.raisedNodeId()).param("by", r.raisedBy()).param("byName", r.raisedByName())
                .param("at", r.raisedAt()).param("year", r.raisedAt().getYear())
                .param("quarter", (r.raisedAt().getMonthValue() + 2) / 3).param("month", r.raisedAt().getMonthValue())
                .param("cadre", r.cadreUsername()).param("cadreName", r.cadreName()).update();
    }

    Optional<Ticket> find(long itemId) {
        return jdbc.sql(SELECT + " where t.item_id = :id").param("id", itemId).query(this::ticket).optional();
    }

    PageResult<Ticket> page(TicketFilter filter, Visibility visibility, LocalDate today) {
        StringBuilder where = new StringBuilder(" where " + visibility.sql());
        Map<String, Object> params = new LinkedHashMap<>(visibility.params());
        ClosureStatus status = ClosureStatus.parse(filter.status());
        if (status != null) {
            where.append(" and i.status = :status");
            params.put("status", status.name());
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            where.append(" and t.category_code = :category");
            params.put("category", filter.category());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" and i.status in (" + ClosureStatus.sqlList(ClosureStatus.WORKING) + ") and i.deadline < :today");
            params.put("today", today);
        }
        if (filter.unitId() != null) {
            where.append(" and i.owner_node_id in (select u.id from org_node u, org_node o"
                    + " where o.id = :unit and u.path like o.path || '%')");
            params.put("unit", filter.unitId());
        }
        if (filter.escalation() != null && filter.escalation() > 0) {
            where.append(" and i.escalation = :escalation");
            params.put("escalation", Math.min(3, filter.escalation()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and (t.ticket_no like :q escape '\\' or t.title like :q escape '\\'"
                    + " or t.description like :q escape '\\' or t.requester_name like :q escape '\\')");
            params.put("q", SqlLike.contains(filter.q().strip()));
        }
        int size = PageResult.clampSize(filter.size());
        int page = PageResult.clampPage(filter.page());
        long total = jdbc.sql("select count(*) from problem_ticket t join closure_item i on i.id = t.item_id" + where).params(params).query(Long.class)
                .single();
        List<Ticket> items = jdbc.sql(SELECT + where + """
                 order by case when i.status = %s then 1 else 0 end, i.escalation desc, i.deadline, t.item_id
                 limit :limit offset :offset
                """.formatted(ClosureStatus.CLOSED.sqlLiteral())).params(params).param("limit", size).param("offset", (page - 1) * size).query(this::ticket).list();
        return new PageResult<>(items, page, size, total);
    }

    // ---- the ticket's own steps (the closure state is the item's, ADR 044) -----------------------------------

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

    /** Number, status, unit, deadline and answer of tickets by item id. */
    Map<Long, cn.zugong.tickets.TicketProgress> progress(java.util.Collection<Long> itemIds) {
        Map<Long, cn.zugong.tickets.TicketProgress> out = new LinkedHashMap<>();
        jdbc.sql("""
                select t.item_id, t.ticket_no, i.status, n.name, i.deadline, i.resolution, i.resolved_at, i.closed_at
                from problem_ticket t join closure_item i on i.id = t.item_id join org_node n on n.id = i.owner_node_id
                where t.item_id in (:ids)
                """).param("ids", itemIds)
                .query((rs, n) -> out.put(rs.getLong(1), new cn.zugong.tickets.TicketProgress(rs.getLong(1),
                        rs.getString(2), ClosureStatus.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), time(rs, 7), time(rs, 8))))
                .list();
        return out;
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

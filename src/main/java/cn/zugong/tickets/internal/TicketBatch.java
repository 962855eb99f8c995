package cn.zugong.tickets.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.Escalation;
import cn.zugong.closure.HistoricalItem;
import cn.zugong.shared.crypto.FieldCipher;
import cn.zugong.tickets.ProblemTickets;
import cn.zugong.tickets.TicketHistory;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes tickets whose whole history is already known — the demo's year of tickets, the load run
 * (bench/LoadTickets.java), hand-built test sets — in batches: the closure items with their final status and their
 * events (through {@link ClosureItems#importHistorical}), the ticket rows and the callbacks, consistent with each other
 * (what the workflow and the ticket pages would have written step by step, with the real dates). One audit entry per batch. Not for tickets entered by users: those go through
 * {@link TicketService}.
 */
@Component
public class TicketBatch {

    private final ClosureItems items;
    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;

    TicketBatch(ClosureItems items, JdbcTemplate template, JdbcClient jdbc, FieldCipher cipher, AuditTrail audit) {
        this.items = items;
        this.template = template;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** Whether a ticket with this closure source ref exists (the demo's "already loaded"). */
    public boolean exists(String sourceRef) {
        return jdbc.sql("select count(*) from closure_item where kind = :k and source_ref = :r")
                .param("k", ProblemTickets.KIND).param("r", sourceRef).query(Long.class).single() > 0;
    }

    /**
     * Writes the tickets: the closure items with their histories through the closure module's one import
     * ({@link ClosureItems#importHistorical}), then the ticket rows and callbacks. Returns the item ids by source ref.
     */
    @Transactional
    public Map<String, Long> write(List<TicketHistory.Ticket> seeds, String actor, String summary) {
        Map<String, Long> ids = items.importHistorical(ProblemTickets.KIND, seeds.stream().map(TicketBatch::item)
                .toList());
        List<Object[]> callbacks = new ArrayList<>();
        for (TicketHistory.Ticket s : seeds) {
            long id = ids.get(s.sourceRef());
            s.callbacks().forEach(c -> callbacks.add(new Object[] {id, Timestamp.valueOf(c.at()), c.by(), c.byName(),
                    c.satisfaction(), c.note()}));
        }
        template.batchUpdate("""
                insert into problem_ticket (item_id, ticket_no, category_code, source, source_ref, title, description,
                    requester_name, requester_phone, raised_node_id, raised_by, raised_by_name, raised_at, raised_year,
                    raised_quarter, raised_month, cadre_username, cadre_name, triaged_at, callback_at, satisfaction,
                    callback_count, satisfied_count)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, seeds, 500, (ps, s) -> {
            long id = ids.get(s.sourceRef());
            TicketHistory.Callback last = s.callbacks().isEmpty() ? null : s.callbacks().get(s.callbacks().size() - 1);
            ps.setLong(1, id);
            ps.setString(2, TicketService.number(s.raisedAt().getYear(), id));
            ps.setString(3, s.category());
            ps.setString(4, s.source().name());
            ps.setString(5, s.ticketSourceRef());
            ps.setString(6, s.title());
            ps.setString(7, s.description());
            ps.setString(8, s.requesterName());
            ps.setString(9, s.requesterPhone() == null ? null
                    : cipher.encrypt(s.requesterPhone(), TicketRepository.PHONE_AAD));
            ps.setLong(10, s.raisedNodeId());
            ps.setString(11, s.raisedBy());
            ps.setString(12, s.raisedByName());
            ps.setTimestamp(13, Timestamp.valueOf(s.raisedAt()));
            ps.setInt(14, s.raisedAt().getYear());
            ps.setInt(15, (s.raisedAt().getMonthValue() + 2) / 3);
            ps.setInt(16, s.raisedAt().getMonthValue());
            ps.setString(17, s.cadreUsername());
            ps.setString(18, s.cadreName());
            ps.setTimestamp(19, s.triagedAt() == null ? null : Timestamp.valueOf(s.triagedAt()));
            ps.setTimestamp(20, last == null ? null : Timestamp.valueOf(last.at()));
            ps.setString(21, last == null ? null : last.satisfaction());
            ps.setInt(22, s.callbacks().size());
            ps.setInt(23, (int) s.callbacks().stream().filter(c -> Satisfaction.valueOf(c.satisfaction()).satisfied()).count());
        });
        template.batchUpdate("""
                insert into ticket_callback (item_id, called_at, called_by, called_name, satisfaction, note)
                values (?, ?, ?, ?, ?, ?)
                """, callbacks);
        audit.record(new AuditEvent(AuditAction.IMPORT, "problem_ticket", null,
                summary + "：写入问题 " + seeds.size() + " 件", null, Map.of("count", seeds.size()), actor));
        return ids;
    }

    /** The closure item of a ticket: its final state and its history, as the closure module imports them. */
    private static HistoricalItem item(TicketHistory.Ticket s) {
        return new HistoricalItem(s.sourceRef(), s.ownerNodeId(), s.category(), s.title(), s.description(), s.status(),
                null, s.measures(), s.resolution(), s.deadline(), Escalation.ofLevel(s.escalation()),
                s.escalatedToNodeId(), s.raisedBy(), s.raisedAt(), s.resolvedAt(), s.closedAt(), s.steps());
    }
}

package cn.zugong.tickets.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.shared.crypto.FieldCipher;
import cn.zugong.tickets.ProblemTickets;
import cn.zugong.tickets.TicketSource;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes tickets whose whole history is already known — the demo's year of tickets, hand-built test sets — in
 * batches: the closure items with their final status and their events, the ticket rows and the callbacks, all
 * consistent with each other (what the workflow and {@link TicketSync} would have written step by step, with the
 * real dates). One audit entry per batch. Not for tickets entered by users: those go through
 * {@link TicketService}.
 */
@Component
public class TicketBatch {

    /** One step of the history. */
    public record Event(LocalDateTime at, String actor, String actorName, ClosureAction action, ClosureStatus from,
                        ClosureStatus to, String note) {
    }

    public record Call(LocalDateTime at, String by, String byName, Satisfaction satisfaction, String note) {
    }

    /**
     * A ticket with its final state; {@code sourceRef} keys the closure item, {@code ticketSourceRef} is the ticket's
     * own 来源编号 (the visit's number for a ticket from a visit); {@code events} start with REGISTER, {@code
     * callbacks} in order.
     */
    public record Seed(String sourceRef, String category, TicketSource source, String title, String description,
                       String requesterName, String requesterPhone, long raisedNodeId, long ownerNodeId,
                       String raisedBy, String raisedByName, LocalDateTime raisedAt, String cadreUsername,
                       String cadreName, ClosureStatus status, LocalDate deadline, LocalDateTime triagedAt,
                       int escalation, Long escalatedToNodeId, String measures, String resolution,
                       LocalDateTime resolvedAt, LocalDateTime closedAt, int reopenCount, List<Event> events,
                       List<Call> callbacks, String ticketSourceRef) {
    }

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;

    TicketBatch(JdbcTemplate template, JdbcClient jdbc, FieldCipher cipher, AuditTrail audit) {
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

    /** Writes the tickets; returns their item ids by source ref. */
    @Transactional
    public Map<String, Long> write(List<Seed> seeds, String actor, String summary) {
        template.batchUpdate("""
                insert into closure_item (kind, source_ref, owner_node_id, category, title, description, status,
                    measures, resolution, deadline, escalation, escalated_to_node_id, registered_by, registered_at,
                    updated_at, closed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, seeds, 500, (ps, s) -> {
            ps.setString(1, ProblemTickets.KIND);
            ps.setString(2, s.sourceRef());
            ps.setLong(3, s.ownerNodeId());
            ps.setString(4, s.category());
            ps.setString(5, s.title());
            ps.setString(6, s.description());
            ps.setString(7, s.status().name());
            ps.setString(8, s.measures());
            ps.setString(9, s.resolution());
            ps.setObject(10, s.deadline());
            ps.setInt(11, s.escalation());
            ps.setObject(12, s.escalatedToNodeId());
            ps.setString(13, s.raisedBy());
            ps.setTimestamp(14, Timestamp.valueOf(s.raisedAt()));
            ps.setTimestamp(15, Timestamp.valueOf(s.events().get(s.events().size() - 1).at()));
            ps.setTimestamp(16, s.closedAt() == null ? null : Timestamp.valueOf(s.closedAt()));
        });
        Map<String, Long> ids = ids(seeds.stream().map(Seed::sourceRef).toList());
        List<Object[]> events = new ArrayList<>();
        List<Object[]> callbacks = new ArrayList<>();
        for (Seed s : seeds) {
            long id = ids.get(s.sourceRef());
            s.events().forEach(e -> events.add(new Object[] {id, Timestamp.valueOf(e.at()), e.actor(), e.actorName(),
                    e.action().name(), e.from() == null ? null : e.from().name(), e.to() == null ? null : e.to().name(),
                    e.note()}));
            s.callbacks().forEach(c -> callbacks.add(new Object[] {id, Timestamp.valueOf(c.at()), c.by(), c.byName(),
                    c.satisfaction().name(), c.note()}));
        }
        template.batchUpdate("""
                insert into closure_event (item_id, happened_at, actor, actor_name, action, from_status, to_status, note)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, events);
        template.batchUpdate("""
                insert into problem_ticket (item_id, ticket_no, category_code, source, source_ref, title, description,
                    requester_name, requester_phone, raised_node_id, raised_by, raised_by_name, raised_at, raised_year,
                    raised_quarter, raised_month, cadre_username, cadre_name, owner_node_id, status, deadline,
                    triaged_at, escalation, resolved_at, callback_at, satisfaction, closed_at, days_to_close,
                    closed_late, reopen_count, callback_count, satisfied_count)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, seeds, 500, (ps, s) -> {
            long id = ids.get(s.sourceRef());
            Call last = s.callbacks().isEmpty() ? null : s.callbacks().get(s.callbacks().size() - 1);
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
            ps.setLong(19, s.ownerNodeId());
            ps.setString(20, s.status().name());
            ps.setObject(21, s.deadline());
            ps.setTimestamp(22, s.triagedAt() == null ? null : Timestamp.valueOf(s.triagedAt()));
            ps.setInt(23, s.escalation());
            ps.setTimestamp(24, s.resolvedAt() == null ? null : Timestamp.valueOf(s.resolvedAt()));
            ps.setTimestamp(25, last == null ? null : Timestamp.valueOf(last.at()));
            ps.setString(26, last == null ? null : last.satisfaction().name());
            ps.setTimestamp(27, s.closedAt() == null ? null : Timestamp.valueOf(s.closedAt()));
            if (s.closedAt() == null) {
                ps.setObject(28, null);
            } else {
                ps.setInt(28, (int) ChronoUnit.DAYS.between(s.raisedAt().toLocalDate(), s.closedAt().toLocalDate()));
            }
            LocalDate done = s.resolvedAt() != null ? s.resolvedAt().toLocalDate()
                    : (s.closedAt() == null ? null : s.closedAt().toLocalDate());
            ps.setBoolean(29, s.closedAt() != null && done.isAfter(s.deadline()));
            ps.setInt(30, s.reopenCount());
            ps.setInt(31, s.callbacks().size());
            ps.setInt(32, (int) s.callbacks().stream().filter(c -> c.satisfaction().satisfied()).count());
        });
        template.batchUpdate("""
                insert into ticket_callback (item_id, called_at, called_by, called_name, satisfaction, note)
                values (?, ?, ?, ?, ?, ?)
                """, callbacks);
        audit.record(new AuditEvent(AuditAction.IMPORT, "problem_ticket", null,
                summary + "：写入问题 " + seeds.size() + " 件", null, Map.of("count", seeds.size()), actor));
        return ids;
    }

    private Map<String, Long> ids(List<String> refs) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (int i = 0; i < refs.size(); i += 500) {
            jdbc.sql("select source_ref, id from closure_item where kind = :kind and source_ref in (:refs)")
                    .param("kind", ProblemTickets.KIND).param("refs", refs.subList(i, Math.min(refs.size(), i + 500)))
                    .query(rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return ids;
    }
}

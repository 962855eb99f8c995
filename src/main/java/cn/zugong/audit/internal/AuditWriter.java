package cn.zugong.audit.internal;

import cn.zugong.audit.AuditEvent;
import cn.zugong.shared.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Appends entries to the hash chain; the chain head row is locked so appends are serialised. */
@Component
public class AuditWriter {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    AuditWriter(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void append(AuditEvent event) {
        append(event, null);
    }

    /**
     * {@code actorRole} names the role of an explicitly given actor (login events, where the signed-in user
     * is not yet in the security context); otherwise the signed-in user's role is recorded.
     */
    @Transactional
    public void append(AuditEvent event, String actorRole) {
        var head = jdbc.sql("select last_id, last_hash from audit_head where id = 1 for update")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long id = (Long) head[0] + 1;
        String prevHash = (String) head[1];
        CurrentUser user = currentUser();
        AuditRecord entry = new AuditRecord(id, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS),
                truncate(event.actor() != null ? event.actor() : user != null ? user.username() : "system", 50),
                actorRole != null ? truncate(actorRole, 20)
                        : user != null && event.actor() == null ? user.role().name() : null,
                truncate(clientIp(), 64), event.action().name(), truncate(event.objectType(), 40),
                truncate(event.objectId(), 64), truncate(event.summary(), 500),
                toJson(event.before()), toJson(event.after()), prevHash, null);
        String hash = AuditHashes.hash(entry);
        jdbc.sql("""
                        insert into audit_entry (id, at, actor, actor_role, client_ip, action, object_type, object_id,
                                                 summary, before_json, after_json, prev_hash, hash)
                        values (:id, :at, :actor, :role, :ip, :action, :type, :objectId, :summary, :before, :after,
                                :prev, :hash)
                        """)
                .param("id", id).param("at", entry.at()).param("actor", entry.actor()).param("role", entry.actorRole())
                .param("ip", entry.clientIp()).param("action", entry.action()).param("type", entry.objectType())
                .param("objectId", entry.objectId()).param("summary", entry.summary())
                .param("before", entry.beforeJson()).param("after", entry.afterJson()).param("prev", prevHash)
                .param("hash", hash).update();
        jdbc.sql("update audit_head set last_id = :id, last_hash = :hash where id = 1")
                .param("id", id).param("hash", hash).update();
    }

    private static CurrentUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser.Holder holder ? holder.currentUser() : null;
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit value", e);
        }
    }

    /** Cuts to the column's length (in characters, as both databases count), never inside a surrogate pair. */
    static String truncate(String value, int max) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            value = value.replace("\u0000", ""); // PostgreSQL text cannot hold NUL (e.g. in a username tried)
        }
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}

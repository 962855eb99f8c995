package cn.zugong.audit.internal;

import cn.zugong.audit.AuditAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** A stored audit entry, as hashed and as shown. */
public record AuditRecord(long id, LocalDateTime at, String actor, String actorRole, String clientIp, String action,
                          String objectType, String objectId, String summary, String beforeJson, String afterJson,
                          String prevHash, String hash) {

    static final String COLUMNS = "id, at, actor, actor_role, client_ip, action, object_type, object_id, summary, "
            + "before_json, after_json, prev_hash, hash";

    static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getObject("at", LocalDateTime.class), rs.getString("actor"),
                rs.getString("actor_role"), rs.getString("client_ip"), rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("summary"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /** The action's Chinese label (the stored name when it is not a known action). */
    public String actionLabel() {
        try {
            return AuditAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }

    /** The time as shown on the page and in the export (milliseconds, as hashed). */
    public String atText() {
        return AuditHashes.at(at).replace('T', ' ');
    }
}

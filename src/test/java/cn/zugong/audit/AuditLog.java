package cn.zugong.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the trail in tests: the newest id (a marker before an action) and the entries written since. */
public final class AuditLog {

    public record Entry(long id, String actor, String actorRole, String clientIp, String action, String objectType,
                        String objectId, String summary, String afterJson) {
    }

    private AuditLog() {
    }

    public static long last(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
    }

    public static List<Entry> since(JdbcClient jdbc, long marker) {
        return jdbc.sql("""
                        select id, actor, actor_role, client_ip, action, object_type, object_id, summary, after_json
                        from audit_entry where id > :marker order by id""")
                .param("marker", marker)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }
}

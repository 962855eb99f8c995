package cn.zugong.audit.internal;

import cn.zugong.audit.AuditAction;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Filters of the auditor's list, bound from query parameters of the page, the API and the export:
 * user (exact), time range (dates, both inclusive), action, object type and id (exact).
 */
public record AuditFilter(String actor, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, AuditAction action,
                          String objectType, String objectId) {

    static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    /** The query string (ending in '&' when not empty), for paging and export links that keep the filter. */
    public String query() {
        var b = UriComponentsBuilder.newInstance();
        add(b, "actor", actor);
        add(b, "from", from);
        add(b, "to", to);
        add(b, "action", action == null ? null : action.name());
        add(b, "objectType", objectType);
        add(b, "objectId", objectId);
        String query = b.encode().build().getQuery();
        return query == null ? "" : query + "&";
    }

    /** The filter in words, for the audit entry of an export. */
    String describe() {
        StringBuilder s = new StringBuilder();
        append(s, "用户", actor);
        append(s, "起", from);
        append(s, "止", to);
        append(s, "操作", action == null ? null : action.name());
        append(s, "对象类型", objectType);
        append(s, "对象ID", objectId);
        return s.isEmpty() ? "全部" : s.toString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.queryParam(name, value);
        }
    }

    private static void append(StringBuilder s, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            s.append(s.isEmpty() ? "" : "，").append(name).append('=').append(value);
        }
    }
}

package cn.zugong.audit.internal;

import cn.zugong.shared.PageResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the trail for the auditor: filtered pages (newest first) and a streamed pass for the export. Read only. */
@Component
class AuditQueries {

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;

    AuditQueries(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(500);
        this.streaming = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    record Where(String sql, Map<String, Object> params) {
    }

    static Where where(AuditFilter f) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (present(f.actor())) {
            clauses.add("actor = :actor");
            params.put("actor", f.actor().trim());
        }
        if (f.from() != null) {
            clauses.add("at >= :from");
            params.put("from", f.from().atStartOfDay());
        }
        if (f.to() != null) {
            clauses.add("at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay());
        }
        if (f.action() != null) {
            clauses.add("action = :action");
            params.put("action", f.action().name());
        }
        if (present(f.objectType())) {
            clauses.add("object_type = :objectType");
            params.put("objectType", f.objectType().trim());
        }
        if (present(f.objectId())) {
            clauses.add("object_id = :objectId");
            params.put("objectId", f.objectId().trim());
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    PageResult<AuditRecord> page(AuditFilter filter, int page, int size) {
        Where where = where(filter);
        long total = jdbc.sql("select count(*) from audit_entry" + where.sql()).params(where.params())
                .query(Long.class).single();
        int offset = (page - 1) * size;
        List<AuditRecord> items = jdbc.sql("select " + AuditRecord.COLUMNS + " from audit_entry" + where.sql()
                        + " order by id desc limit :limit offset :offset")
                .params(where.params()).param("limit", size).param("offset", offset)
                .query(AuditRecord::map).list();
        return new PageResult<>(items, page, size, total);
    }

    /** Every matching entry, newest first, one at a time; returns how many. */
    long each(AuditFilter filter, long max, Consumer<AuditRecord> consumer) {
        Where where = where(filter);
        return readOnly.execute(status -> {
            try (var entries = streaming.sql("select " + AuditRecord.COLUMNS + " from audit_entry" + where.sql()
                    + " order by id desc").params(where.params()).query(AuditRecord::map).stream()) {
                long[] n = {0};
                entries.limit(max).forEachOrdered(e -> {
                    consumer.accept(e);
                    n[0]++;
                });
                return n[0];
            }
        });
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

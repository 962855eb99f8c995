package cn.zugong.security.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole database as one row count and one checksum per table (the sum of a hash of every row, primary key
 * included, so an insert, an update or a delete changes it). A refused write must leave it unchanged. The audit
 * trail may grow (refusals are audited), and a sign-in stamps {@code account.last_login_at}: both are left out, as
 * are the session tables (every request of a signed-in browser stamps its session's last access, ADR 045).
 */
final class DbSnapshot {

    private static final Set<String> SKIPPED_TABLES = Set.of("audit_entry", "audit_head", "flyway_schema_history",
            "spring_session", "spring_session_attributes",
            // the public 人才码 verification counts every answer (codes verified per day), whoever asks (ADR 058)
            "talent_code_check");
    private static final Set<String> SKIPPED_COLUMNS = Set.of("account.last_login_at");

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final Map<String, String> queries = new LinkedHashMap<>();
    /** H2 counts every change of a table (LAST_MODIFICATION): a table whose count did not move keeps its checksum. */
    private final Map<String, Long> modifications = new LinkedHashMap<>();
    private final Map<String, String> checksums = new LinkedHashMap<>();
    private int taken;

    DbSnapshot(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.postgres = jdbc.sql("select 1").query((rs, i) -> rs.getStatement().getConnection().getMetaData()
                .getDatabaseProductName()).single().toLowerCase().contains("postgres");
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.table_name, c.column_name, c.data_type from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and t.table_type in ('BASE TABLE', 'TABLE')
                        order by c.table_name, c.ordinal_position""")
                .query((rs, i) -> new String[] {rs.getString(1).toLowerCase(), rs.getString(2).toLowerCase(),
                        rs.getString(3).toLowerCase()})
                .list().forEach(c -> columns.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c));
        columns.forEach((table, cols) -> {
            if (SKIPPED_TABLES.contains(table)) {
                return;
            }
            String row = cols.stream().filter(c -> !SKIPPED_COLUMNS.contains(table + "." + c[1]))
                    .map(c -> column(c[1], c[2], postgres)).collect(Collectors.joining(", "))
                    + ", ''"; // H2's concat_ws wants two values: a one-column table (report_admission) has one
            String hash = postgres ? "hashtext(concat_ws('|', " + row + "))::bigint"
                    : "ora_hash(concat_ws('|', " + row + "))";
            queries.put(table, "select count(*) || ':' || coalesce(sum(" + hash + "), 0) from " + table);
        });
    }

    private static String column(String name, String type, boolean postgres) {
        boolean binary = type.contains("binary") || type.contains("blob") || type.equals("bytea");
        if (!binary) {
            return "coalesce(cast(" + name + " as varchar), '~')";
        }
        return postgres ? "coalesce(md5(" + name + "), '~')" : "coalesce(cast(ora_hash(" + name + ") as varchar), '~')";
    }

    /** Every table's "rows:checksum". */
    Map<String, String> take() {
        taken++;
        Map<String, Long> modified = postgres ? Map.of() : jdbc.sql("""
                        select lower(table_name), last_modification from information_schema.tables
                        where table_schema = current_schema()""")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, String> state = new LinkedHashMap<>();
        queries.forEach((table, sql) -> {
            Long modification = modified.get(table);
            if (modification == null || !modification.equals(modifications.get(table))) {
                checksums.put(table, jdbc.sql(sql).query(String.class).single());
                if (modification != null) {
                    modifications.put(table, modification);
                }
            }
            state.put(table, checksums.get(table));
        });
        return state;
    }

    int taken() {
        return taken;
    }

    int tables() {
        return queries.size();
    }

    /** The tables whose rows or checksum differ, with before → after. */
    static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((table, value) -> {
            if (!value.equals(after.get(table))) {
                changed.add(table + " " + value + " -> " + after.get(table));
            }
        });
        return changed;
    }
}

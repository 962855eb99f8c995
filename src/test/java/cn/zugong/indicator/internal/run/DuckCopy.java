package cn.zugong.indicator.internal.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Copies the rows the pack reads from the benchmark's database into an in-memory DuckDB (once, outside the
 * timing): each table is read through JDBC into a CSV file and loaded with DuckDB's read_csv, with the types
 * given here, so both databases hold the same rows.
 */
final class DuckCopy {

    /** The facts' application and system time (ADR 050). */
    private static final String TEMPORAL = "valid_from, valid_to, recorded_at, superseded_at";
    private static final String TEMPORAL_TYPES = "date, date, timestamp, timestamp";

    /** Table, the columns read, and their DuckDB types (same order). */
    private static final String[][] TABLES = {
        {"person_version", "person_id, valid_from, valid_to, recorded_at, superseded_at, service_status, unit_id, "
                + "gender, birth_date, ethnicity, political_status, ft_education, ft_degree, is_education, "
                + "is_degree, major_category, staff_kind, rank_level, rank_since, post_level, post_since, work_start_date, "
                + "joined_unit_date, source, probation_end",
            "bigint, date, date, timestamp, timestamp, varchar, bigint, varchar, date, varchar, varchar, varchar, varchar, "
                + "varchar, varchar, varchar, varchar, varchar, date, varchar, date, date, date, varchar, date"},
        {"person_assessment", "person_id, fact_year, result, " + DuckCopy.TEMPORAL, "bigint, integer, varchar, "
                + DuckCopy.TEMPORAL_TYPES},
        {"person_training", "person_id, fact_year, hours, " + DuckCopy.TEMPORAL, "bigint, integer, decimal(6,1), "
                + DuckCopy.TEMPORAL_TYPES},
        {"person_record", "person_id, kind, fact_year, description, " + DuckCopy.TEMPORAL, "bigint, varchar, integer, "
                + "varchar, " + DuckCopy.TEMPORAL_TYPES},
        {"unit", "node_id, authorized_headcount, tier, unit_type", "bigint, integer, varchar, varchar"},
        {"unit_post_quota", "unit_id, kind, level, quota", "bigint, varchar, varchar, integer"},
    };

    static void load(DataSource source, Connection duck) throws SQLException {
        try (Statement d = duck.createStatement()) {
            d.execute("set threads = 2"); // the machine's cores, as PostgreSQL's parallel workers
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("duck-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection from = source.getConnection()) {
            from.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            for (String[] t : TABLES) {
                Path file = dir.resolve(t[0] + ".csv");
                export(from, t[0], t[1], file);
                String[] names = t[1].split(", ");
                String[] types = t[2].split(", (?![0-9])");
                StringBuilder columns = new StringBuilder("{");
                for (int i = 0; i < names.length; i++) {
                    columns.append(i == 0 ? "" : ", ").append('\'').append(names[i]).append("': '").append(types[i])
                            .append('\'');
                }
                columns.append('}');
                try (Statement d = duck.createStatement()) {
                    d.execute("create table " + t[0] + " as select * from read_csv('" + file + "', header = false, "
                            + "quote = '\"', escape = '\"', allow_quoted_nulls = false, columns = " + columns + ")");
                }
                Files.deleteIfExists(file);
            }
            from.commit();
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void export(Connection from, String table, String columns, Path file) throws SQLException,
            IOException {
        try (Statement st = from.createStatement(); BufferedWriter out = Files.newBufferedWriter(file,
                StandardCharsets.UTF_8)) {
            st.setFetchSize(50_000);
            try (ResultSet rs = st.executeQuery("select " + columns + " from " + table)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int c = 1; c <= n; c++) {
                        if (c > 1) {
                            out.write(',');
                        }
                        String v = rs.getString(c);
                        if (v != null) {
                            out.write('"');
                            out.write(v.replace("\"", "\"\""));
                            out.write('"');
                        }
                    }
                    out.write('\n');
                }
            }
        }
    }

    private DuckCopy() {
    }
}

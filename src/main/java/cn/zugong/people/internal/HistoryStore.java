package cn.zugong.people.internal;

import cn.zugong.people.internal.Sequenced.Meta;
import cn.zugong.people.internal.Sequenced.Period;
import cn.zugong.people.internal.Sequenced.Plan;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bitemporal rows of the roster (ADR 050): person_version and the yearly facts. Reads current knowledge
 * for a batch of people with one query per table per 1000 people, writes plans in JDBC batches.
 */
@Repository
public class HistoryStore {

    static final Timestamp OPEN_TS = Timestamp.valueOf(LocalDateTime.of(9999, 12, 31, 0, 0));
    private static final int BATCH = 1000;

    /** The yearly fact tables; a key names the person, the year and (records) kind and description. */
    enum FactTable {
        ASSESSMENT("person_assessment", "result"),
        TRAINING("person_training", "hours"),
        RECORD("person_record", null);

        final String table;
        final String valueColumn;

        FactTable(String table, String valueColumn) {
            this.table = table;
            this.valueColumn = valueColumn;
        }

        private String keyCondition() {
            return this == RECORD ? "person_id = ? and kind = ? and fact_year = ? and description = ?"
                    : "person_id = ? and fact_year = ?";
        }
    }

    /** A fact's key: for records {@code kind} and {@code description}, else null. */
    record FactKey(FactTable table, long personId, int year, String kind, String description) {
        Object[] parameters() {
            return table == FactTable.RECORD ? new Object[] {personId, kind, year, description}
                    : new Object[] {personId, year};
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    HistoryStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Current-knowledge versions of the people, by person. */
    Map<Long, List<Period>> currentVersions(Collection<Long> ids) {
        Map<Long, List<Period>> result = new HashMap<>();
        forChunks(ids, chunk -> jdbc.sql("select * from person_version where superseded_at = :open and person_id in (:ids)")
                .param("open", OPEN_TS).param("ids", chunk)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("person_id"), k -> new ArrayList<>()).add(new Period(
                            rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(),
                            rs.getTimestamp("recorded_at").toLocalDateTime(), VersionField.read(rs),
                            new Meta(rs.getString("change_kind"), rs.getString("change_note"),
                                    rs.getString("recorded_by"))));
                }));
        return result;
    }

    /** Current-knowledge facts of the people, by key. */
    Map<FactKey, List<Period>> currentFacts(Collection<Long> ids) {
        return currentFacts(ids, FactTable.values());
    }

    /** Current-knowledge facts of the people in the given tables only, by key. */
    Map<FactKey, List<Period>> currentFacts(Collection<Long> ids, FactTable... tables) {
        Map<FactKey, List<Period>> result = new HashMap<>();
        for (FactTable t : tables) {
            String columns = t == FactTable.RECORD ? "person_id, fact_year, kind, description"
                    : "person_id, fact_year, " + t.valueColumn;
            forChunks(ids, chunk -> jdbc.sql("select " + columns + ", valid_from, valid_to, recorded_at from " + t.table
                            + " where superseded_at = :open and person_id in (:ids)")
                    .param("open", OPEN_TS).param("ids", chunk)
                    .query(rs -> {
                        FactKey key = t == FactTable.RECORD
                                ? new FactKey(t, rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4))
                                : new FactKey(t, rs.getLong(1), rs.getInt(2), null, null);
                        Object[] values = t == FactTable.RECORD ? new Object[0] : new Object[] {rs.getObject(3)};
                        if (values.length == 1 && values[0] instanceof BigDecimal b) {
                            values[0] = b;
                        }
                        result.computeIfAbsent(key, k -> new ArrayList<>()).add(new Period(
                                rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(),
                                rs.getTimestamp("recorded_at").toLocalDateTime(), values, null));
                    }));
        }
        return result;
    }

    /** Applies the plans of person versions, in three batches. */
    void writeVersions(Map<Long, Plan> plans, LocalDateTime at) {
        List<Object[]> superseded = new ArrayList<>();
        List<Object[]> deleted = new ArrayList<>();
        List<Period> inserted = new ArrayList<>();
        List<Long> owners = new ArrayList<>();
        plans.forEach((id, plan) -> {
            plan.superseded().forEach(p -> superseded.add(new Object[] {Timestamp.valueOf(at), id, date(p), ts(p)}));
            plan.deleted().forEach(p -> deleted.add(new Object[] {id, date(p), ts(p)}));
            plan.inserted().forEach(p -> {
                inserted.add(p);
                owners.add(id);
            });
        });
        batch("update person_version set superseded_at = ? where person_id = ? and valid_from = ? and recorded_at = ?",
                superseded);
        batch("delete from person_version where person_id = ? and valid_from = ? and recorded_at = ?", deleted);
        List<Object[]> rows = new ArrayList<>(inserted.size());
        for (int i = 0; i < inserted.size(); i++) {
            rows.add(versionRow(owners.get(i), inserted.get(i)));
        }
        insertVersions(rows);
    }

    /** Inserts version rows made by {@link #versionRow}. */
    void insertVersions(List<Object[]> rows) {
        batch("insert into person_version (person_id, valid_from, valid_to, recorded_at, change_kind, change_note, "
                + "recorded_by, " + VersionField.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?"
                + ", ?".repeat(VersionField.COUNT) + ")", rows);
    }

    static Object[] versionRow(long personId, Period p) {
        Object[] head = {personId, Date.valueOf(p.from()), Date.valueOf(p.to()), Timestamp.valueOf(p.recordedAt()),
                p.meta().kind(), p.meta().note(), p.meta().by()};
        Object[] all = Arrays.copyOf(head, head.length + VersionField.COUNT);
        System.arraycopy(VersionField.parameters(p.values()), 0, all, head.length, VersionField.COUNT);
        return all;
    }

    /** Applies the plans of yearly facts, per table in three batches. */
    void writeFacts(Map<FactKey, Plan> plans, LocalDateTime at) {
        for (FactTable t : FactTable.values()) {
            List<Object[]> superseded = new ArrayList<>();
            List<Object[]> deleted = new ArrayList<>();
            List<Object[]> inserted = new ArrayList<>();
            plans.forEach((key, plan) -> {
                if (key.table() != t) {
                    return;
                }
                plan.superseded().forEach(p -> superseded.add(concat(new Object[] {Timestamp.valueOf(at)},
                        key.parameters(), new Object[] {date(p), ts(p)})));
                plan.deleted().forEach(p -> deleted.add(concat(key.parameters(), new Object[] {date(p), ts(p)})));
                plan.inserted().forEach(p -> inserted.add(factRow(key, p)));
            });
            String where = " where " + t.keyCondition() + " and valid_from = ? and recorded_at = ?";
            batch("update " + t.table + " set superseded_at = ?" + where, superseded);
            batch("delete from " + t.table + where, deleted);
            insertFacts(t, inserted);
        }
    }

    void insertFacts(FactTable t, List<Object[]> rows) {
        String columns = t == FactTable.RECORD ? "person_id, kind, fact_year, description"
                : "person_id, fact_year, " + t.valueColumn;
        int keyColumns = t == FactTable.RECORD ? 4 : 3;
        batch("insert into " + t.table + " (" + columns + ", valid_from, valid_to, recorded_at) values ("
                + "?, ".repeat(keyColumns) + "?, ?, ?)", rows);
    }

    static Object[] factRow(FactKey key, Period p) {
        Object[] k = key.table() == FactTable.RECORD ? key.parameters()
                : new Object[] {key.personId(), key.year(), p.values()[0]};
        return concat(k, new Object[] {Date.valueOf(p.from()), Date.valueOf(p.to()), Timestamp.valueOf(p.recordedAt())});
    }

    private static Object[] concat(Object[]... parts) {
        List<Object> all = new ArrayList<>();
        for (Object[] part : parts) {
            all.addAll(Arrays.asList(part));
        }
        return all.toArray();
    }

    private static Date date(Period p) {
        return Date.valueOf(p.from());
    }

    private static Timestamp ts(Period p) {
        return Timestamp.valueOf(p.recordedAt());
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }

    private static void forChunks(Collection<Long> ids, java.util.function.Consumer<List<Long>> work) {
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += BATCH) {
            work.accept(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
    }
}

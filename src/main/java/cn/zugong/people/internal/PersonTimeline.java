package cn.zugong.people.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person page's 时间线: each change of the current knowledge (what changed, before → after, who recorded
 * it and when) and, marked as such, what was recorded once and later corrected. The caller has checked the
 * person lies in the user's scope.
 */
@Component
class PersonTimeline {

    private static final List<VersionField> FIRST = List.of(VersionField.UNIT_ID, VersionField.RANK_LEVEL,
            VersionField.POST_LEVEL, VersionField.SERVICE_STATUS);

    /** One line: a change effective on {@code date}; {@code correctedAt} non-null for knowledge later corrected. */
    record Entry(LocalDate date, String kind, String note, List<Change> changes, String recordedBy,
                 LocalDateTime recordedAt, LocalDateTime correctedAt) {
        public boolean corrected() {
            return correctedAt != null;
        }
    }

    record Change(String field, String before, String after) {
    }

    /** The person's standing (在职 / 退休 / 调出 / 离职) and since when not in service. */
    record Standing(String status, LocalDate leftOn) {
        public boolean inService() {
            return RosterHistoryWriter.IN_SERVICE.equals(status);
        }
    }

    private record Version(LocalDate from, LocalDate to, LocalDateTime recordedAt, LocalDateTime supersededAt, String kind,
                           String note, String by, Object[] values) {
        boolean current() {
            return supersededAt.getYear() == 9999;
        }
    }

    private final JdbcClient jdbc;

    PersonTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Standing standing(long personId) {
        return jdbc.sql("select service_status, left_on from person where id = :id").param("id", personId)
                .query((rs, i) -> new Standing(rs.getString(1), RosterQueries.date(rs, "left_on"))).single();
    }

    /** Newest first. */
    List<Entry> of(long personId) {
        Map<Long, String> units = new HashMap<>();
        List<Version> all = jdbc.sql("""
                        select v.*, u.name as unit_name from person_version v left join org_node u on u.id = v.unit_id
                        where v.person_id = :id order by v.valid_from, v.recorded_at
                        """).param("id", personId)
                .query((rs, i) -> {
                    units.put(rs.getLong("unit_id"), rs.getString("unit_name"));
                    return new Version(rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(),
                            rs.getTimestamp("recorded_at").toLocalDateTime(),
                            rs.getTimestamp("superseded_at").toLocalDateTime(), rs.getString("change_kind"),
                            rs.getString("change_note"), rs.getString("recorded_by"), VersionField.read(rs));
                }).list();
        // a change is a version against the one before it in the same knowledge (as recorded at the time)
        Map<String, Entry> now = new java.util.LinkedHashMap<>();
        Map<String, Entry> earlier = new java.util.LinkedHashMap<>();
        for (Version v : all) {
            Version prev = all.stream().filter(p -> p.to.equals(v.from) && !p.recordedAt.isAfter(v.recordedAt)
                    && p.supersededAt.isAfter(v.recordedAt)).findFirst().orElse(null);
            List<Change> changes = prev == null ? first(v, units) : changes(prev.values, v.values, units);
            if (changes.isEmpty()) {
                continue; // a version split by a later change, with nothing new on its day
            }
            String key = v.from + changes.toString();
            Map<String, Entry> target = v.current() ? now : earlier;
            Entry seen = target.get(key);
            if (seen == null || v.recordedAt.isBefore(seen.recordedAt())) {
                // the first recording of the change tells who recorded it and when
                target.put(key, new Entry(v.from, label(v.kind), v.note, changes, v.by, v.recordedAt,
                        v.current() ? null : latest(seen, v.supersededAt)));
            } else if (!v.current()) {
                target.put(key, new Entry(seen.date(), seen.kind(), seen.note(), seen.changes(), seen.recordedBy(),
                        seen.recordedAt(), latest(seen, v.supersededAt)));
            }
        }
        List<Entry> entries = new ArrayList<>(now.values());
        earlier.forEach((key, e) -> {
            if (!now.containsKey(key)) {
                entries.add(e);
            }
        });
        entries.sort(Comparator.comparing(Entry::date).thenComparing(Entry::recordedAt).reversed());
        return entries;
    }

    private static LocalDateTime latest(Entry seen, LocalDateTime supersededAt) {
        return seen == null || seen.correctedAt() == null || supersededAt.isAfter(seen.correctedAt())
                ? supersededAt : seen.correctedAt();
    }

    private static List<Change> first(Version v, Map<Long, String> units) {
        return FIRST.stream().map(f -> new Change(f.label, null, text(f, v.values[f.ordinal()], units)))
                .filter(c -> c.after() != null).toList();
    }

    private static List<Change> changes(Object[] before, Object[] after, Map<Long, String> units) {
        List<Change> changes = new ArrayList<>();
        for (VersionField f : VersionField.values()) {
            if (!Objects.equals(before[f.ordinal()], after[f.ordinal()])) {
                changes.add(new Change(f.label, text(f, before[f.ordinal()], units),
                        text(f, after[f.ordinal()], units)));
            }
        }
        return changes;
    }

    private static String text(VersionField f, Object value, Map<Long, String> units) {
        if (value == null) {
            return null;
        }
        return f == VersionField.UNIT_ID ? units.getOrDefault((Long) value, "单位 " + value) : value.toString();
    }

    private static String label(String kind) {
        return cn.zugong.people.ChangeKind.of(kind).label;
    }
}

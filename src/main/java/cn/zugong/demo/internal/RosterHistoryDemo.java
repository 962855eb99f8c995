package cn.zugong.demo.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The province benchmark set's roster history (ADR 050, issue 15 part 6): every person gets a version, and
 * 45% of them a second one from a change in the last two years — 30% a promotion (one rank up), 15% a
 * transfer from another unit — so there are about 1.45 versions per person and an evaluation as of a date
 * inside the history sees different people and ranks than today. The yearly facts get their effective
 * dates (assessment: 20 January of the next year; training: 1 January of its year; reward or discipline:
 * 1 July). Who changed is a function of the person id, so the set is the same on every run.
 * <p>
 * Only people without any version are given versions: if the roster writer already writes them, this
 * step adds nothing to those people.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class RosterHistoryDemo {

    private static final Logger log = LoggerFactory.getLogger(RosterHistoryDemo.class);
    private static final int BATCH = 5_000;
    /** Ranks, highest first: a promotion's earlier version has the next one down (RosterVocabulary.RANKS). */
    private static final List<String> RANKS = cn.zugong.people.RosterVocabulary.RANKS;
    private static final String COLUMNS = """
            person_id, valid_from, valid_to, recorded_at, change_kind, change_note, recorded_by, unit_id, gender,
            birth_date, ethnicity, political_status, ft_education, ft_degree, is_education, is_degree, major_category,
            staff_kind, rank_level, rank_since, post_level, post_since, work_start_date, joined_unit_date, source,
            probation_end""";
    private static final String PERSON_COLUMNS = """
            unit_id, gender, birth_date, ethnicity, political_status, ft_education, ft_degree, is_education,
            is_degree, major_category, staff_kind, rank_level, rank_since, post_level, post_since, work_start_date,
            joined_unit_date, source, probation_end""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    RosterHistoryDemo(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        // a million people are read in pages (a cursor inside the transaction), not all at once
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(10_000);
        this.tx = new TransactionTemplate(transactions);
    }

    /** Whether the person changed in the last two years, and how: 0 none, 1 promotion, 2 transfer. */
    static int change(long personId) {
        int h = (int) Math.floorMod(personId * 2_654_435_761L, 20L);
        return h < 6 ? 1 : h < 9 ? 2 : 0;
    }

    /** The day of the change: 1 to 720 days before the demo's date. */
    static LocalDate changeDay(long personId, LocalDate asOf) {
        return asOf.minusDays(1 + Math.floorMod(personId * 40_503L, 720L));
    }

    void fill(LocalDate asOf) {
        long start = System.nanoTime();
        int[] changed = {0};
        tx.executeWithoutResult(s -> changed[0] = changes(asOf));
        int current = tx.execute(s -> jdbc.update("insert into person_version (" + COLUMNS + ") select id, "
                + "joined_unit_date, date '9999-12-31', cast(joined_unit_date as timestamp), 'DEMO', '演示数据', 'demo', "
                + PERSON_COLUMNS + " from person p where not exists (select 1 from person_version v where v.person_id = p.id)"));
        tx.executeWithoutResult(s -> facts());
        log.info("Roster history: {} changes in the last two years, {} versions without one, facts dated, in {} ms",
                changed[0], current, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Each changed person: the earlier version [from, day) and the current one [day, ∞); the person's row
     * takes the change's date (rank_since for a promotion, joined_unit_date for a transfer).
     */
    private int changes(LocalDate asOf) {
        List<Object[]> versions = new ArrayList<>();
        List<Object[]> rankUpdates = new ArrayList<>();
        List<Object[]> joinUpdates = new ArrayList<>();
        int[] count = {0};
        long[] lastUnit = {0, 0}; // the unit of the previous row, and the last unit different from the current one
        jdbc.query("select id, " + PERSON_COLUMNS + " from person p where not exists "
                + "(select 1 from person_version v where v.person_id = p.id) order by id", rs -> {
            long id = rs.getLong(1);
            long unit = rs.getLong("unit_id");
            if (lastUnit[0] != 0 && lastUnit[0] != unit) {
                lastUnit[1] = lastUnit[0];
            }
            lastUnit[0] = unit;
            int kind = change(id);
            String rank = rs.getString("rank_level");
            int r = RANKS.indexOf(rank);
            if (kind == 1 && (r < 0 || r == RANKS.size() - 1)) {
                kind = 0; // the lowest rank has no rank below it
            }
            if (kind == 2 && lastUnit[1] == 0) {
                kind = 0;
            }
            if (kind == 0) {
                return;
            }
            LocalDate day = changeDay(id, asOf);
            LocalDate joined = rs.getObject("joined_unit_date", LocalDate.class);
            LocalDate from = joined.isBefore(day) ? joined : day.minusYears(3);
            Object[] before = row(rs, id, from, day, kind == 1 ? "PROMOTION" : "TRANSFER");
            Object[] after = row(rs, id, day, LocalDate.of(9999, 12, 31), kind == 1 ? "PROMOTION" : "TRANSFER");
            if (kind == 1) {
                before[18] = RANKS.get(r + 1);
                before[19] = Date.valueOf(from);
                after[19] = Date.valueOf(day);
                rankUpdates.add(new Object[] {Date.valueOf(day), id});
            } else {
                before[7] = lastUnit[1];
                before[23] = Date.valueOf(from);
                after[23] = Date.valueOf(day);
                joinUpdates.add(new Object[] {Date.valueOf(day), id});
            }
            versions.add(before);
            versions.add(after);
            count[0]++;
            if (versions.size() >= BATCH) {
                flush(versions, rankUpdates, joinUpdates);
            }
        });
        flush(versions, rankUpdates, joinUpdates);
        return count[0];
    }

    private static Object[] row(java.sql.ResultSet rs, long id, LocalDate from, LocalDate to, String kind)
            throws java.sql.SQLException {
        Object[] row = new Object[26];
        row[0] = id;
        row[1] = Date.valueOf(from);
        row[2] = Date.valueOf(to);
        row[3] = Timestamp.valueOf(from.atStartOfDay());
        row[4] = kind;
        row[5] = "演示数据";
        row[6] = "demo";
        for (int c = 0; c < 19; c++) {
            row[7 + c] = rs.getObject(2 + c);
        }
        return row;
    }

    private void flush(List<Object[]> versions, List<Object[]> rankUpdates, List<Object[]> joinUpdates) {
        if (!versions.isEmpty()) {
            jdbc.batchUpdate("insert into person_version (" + COLUMNS + ") values (" + "?, ".repeat(25) + "?)", versions);
        }
        if (!rankUpdates.isEmpty()) {
            jdbc.batchUpdate("update person set rank_since = ? where id = ?", rankUpdates);
        }
        if (!joinUpdates.isEmpty()) {
            jdbc.batchUpdate("update person set joined_unit_date = ? where id = ?", joinUpdates);
        }
        versions.clear();
        rankUpdates.clear();
        joinUpdates.clear();
    }

    /** Effective dates of the yearly facts (the columns' defaults say "since ever", ADR 050). */
    private void facts() {
        jdbc.update("""
                update person_assessment set valid_from = cast(cast(fact_year + 1 as varchar(4)) || '-01-20' as date),
                       recorded_at = cast(cast(fact_year + 1 as varchar(4)) || '-01-20 00:00:00' as timestamp)
                where valid_from = date '1900-01-01'""");
        jdbc.update("""
                update person_training set valid_from = cast(cast(fact_year as varchar(4)) || '-01-01' as date),
                       recorded_at = cast(cast(fact_year as varchar(4)) || '-01-01 00:00:00' as timestamp)
                where valid_from = date '1900-01-01'""");
        jdbc.update("""
                update person_record set valid_from = cast(cast(fact_year as varchar(4)) || '-07-01' as date),
                       recorded_at = cast(cast(fact_year as varchar(4)) || '-07-01 00:00:00' as timestamp)
                where valid_from = date '1900-01-01'""");
    }
}

package cn.zugong.people.internal;

import cn.zugong.people.internal.HistoryStore.FactKey;
import cn.zugong.people.internal.HistoryStore.FactTable;
import cn.zugong.people.internal.Sequenced.Period;
import cn.zugong.people.internal.Sequenced.Plan;
import cn.zugong.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Person-years of training hours written into the roster's yearly fact with history (ADR 050, ADR 079): the same
 * sequenced update the roster's import applies to a row's facts, for those keys only — the people's state, other
 * years and other facts stay untouched. A batch is read with one query per 1000 people (the training table only) and
 * written in JDBC batches. Callers hold the transaction ({@link cn.zugong.people.TrainingHoursWriter}).
 */
@Service
public class TrainingHoursHistory {

    /** One person-year to write: the year's hours from {@code effective} on. */
    public record Entry(long personId, int year, BigDecimal hours, LocalDate effective) {
    }

    private static final int CHUNK = 1000;

    private final HistoryStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    TrainingHoursHistory(HistoryStore store, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Sets the year's hours from {@code effective} on; returns false when the value there was already this one. */
    public boolean write(long personId, int year, BigDecimal hours, LocalDate effective) {
        return writeAll(List.of(new Entry(personId, year, hours, effective))) == 1;
    }

    /**
     * Sets every entry's hours (one entry per person and year; a later entry of the same key replaces an earlier
     * one); returns how many keys changed. Unknown people: nothing is written, {@link NotFoundException}.
     */
    public int writeAll(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        Map<FactKey, Entry> byKey = new LinkedHashMap<>();
        Set<Long> people = new HashSet<>();
        for (Entry e : entries) {
            byKey.put(new FactKey(FactTable.TRAINING, e.personId(), e.year(), null, null), e);
            people.add(e.personId());
        }
        requireExisting(people);
        LocalDateTime at = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<FactKey, List<Period>> facts = store.currentFacts(people, FactTable.TRAINING);
        Map<FactKey, Plan> plans = new LinkedHashMap<>();
        byKey.forEach((key, e) -> {
            Plan plan = Sequenced.update(facts.getOrDefault(key, List.of()), e.effective(),
                    new Object[] {e.hours().setScale(1, java.math.RoundingMode.HALF_UP)}, null, at);
            if (!plan.isEmpty()) {
                plans.put(key, plan);
            }
        });
        if (!plans.isEmpty()) {
            store.writeFacts(plans, at);
        }
        return plans.size();
    }

    private void requireExisting(Set<Long> people) {
        List<Long> all = new ArrayList<>(people);
        Set<Long> found = new HashSet<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(jdbc.sql("select id from person where id in (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + CHUNK))).query(Long.class).list());
        }
        for (long id : all) {
            if (!found.contains(id)) {
                throw new NotFoundException("人员不存在：" + id);
            }
        }
    }
}

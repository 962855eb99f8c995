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
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One person-year of training hours written into the roster's yearly fact with history (ADR 050, ADR 079): the
 * same sequenced update the roster's import applies to a row's facts, for that one key only — the person's state,
 * other years and other facts stay untouched. Callers hold the transaction ({@link cn.zugong.people.TrainingHoursWriter}).
 */
@Service
public class TrainingHoursHistory {

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
        if (jdbc.sql("select count(*) from person where id = :id").param("id", personId).query(Long.class).single() == 0) {
            throw new NotFoundException("人员不存在：" + personId);
        }
        LocalDateTime at = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        FactKey key = new FactKey(FactTable.TRAINING, personId, year, null, null);
        Map<FactKey, List<Period>> facts = store.currentFacts(List.of(personId));
        Plan plan = Sequenced.update(facts.getOrDefault(key, List.of()), effective,
                new Object[] {hours.setScale(1, java.math.RoundingMode.HALF_UP)}, null, at);
        if (plan.isEmpty()) {
            return false;
        }
        store.writeFacts(Map.of(key, plan), at);
        return true;
    }
}

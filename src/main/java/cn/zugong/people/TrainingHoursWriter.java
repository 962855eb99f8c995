package cn.zugong.people;

import cn.zugong.people.internal.TrainingHoursHistory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster's write path for person-years of 培训学时 (issue 19 training, ADR 079): the cadre module's class
 * records write a person's yearly total here, with history like every roster write (ADR 050), so the person's page
 * and the health check's as-of evaluations see it. Only the yearly fact changes; the person's state does not.
 */
@Service
public class TrainingHoursWriter {

    private final TrainingHoursHistory history;

    TrainingHoursWriter(TrainingHoursHistory history) {
        this.history = history;
    }

    /**
     * The person's training hours of {@code year} are {@code hours} from {@code effective} on (a sequenced update:
     * the value before that day stays as it was). Returns false when nothing changed.
     */
    @Transactional
    public boolean write(long personId, int year, BigDecimal hours, LocalDate effective) {
        return history.write(personId, year, hours, effective);
    }

    /** One person-year of hours, set from {@code effective} on. */
    public record YearHours(long personId, int year, BigDecimal hours, LocalDate effective) {
    }

    /**
     * Many person-years at once (one per person and year), read and written in batches — what a class's attendance
     * sheet or an online course's completions change. Returns how many person-years changed.
     */
    @Transactional
    public int writeAll(Collection<YearHours> entries) {
        return history.writeAll(entries.stream()
                .map(e -> new TrainingHoursHistory.Entry(e.personId(), e.year(), e.hours(), e.effective())).toList());
    }
}

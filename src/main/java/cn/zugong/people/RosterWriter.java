package cn.zugong.people;

import cn.zugong.people.internal.PersonRepository;
import cn.zugong.people.internal.RosterHistoryWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of the roster, in batches, with history (ADR 050): every write keeps `person` as the
 * state of today as known now and, in the same transaction, writes person_version rows and the yearly facts'
 * versions, recorded at the platform clock's time by the signed-in user (or {@code system}).
 */
@Service
public class RosterWriter {

    private final PersonRepository repository;
    private final RosterHistoryWriter history;
    private final Clock clock;

    RosterWriter(PersonRepository repository, RosterHistoryWriter history, Clock clock) {
        this.repository = repository;
        this.history = history;
        this.clock = clock;
    }

    /** {@link #save(List, RosterChange)} effective today, as an import. */
    @Transactional
    public List<PersonRow> save(List<PersonRow> rows) {
        return save(rows, new RosterChange(LocalDate.now(clock), ChangeKind.IMPORT, null));
    }

    /**
     * Inserts rows without id (their history starts on the effective day) and updates rows with one: a
     * sequenced update from the effective day of the fields that differ from the state then (nothing when
     * none does); the rows' yearly facts replace those years' values from that day (an unchanged value
     * writes nothing) and their rewards and disciplines replace the person's. Returns the rows with ids.
     */
    @Transactional
    public List<PersonRow> save(List<PersonRow> rows, RosterChange change) {
        return history.save(rows, change);
    }

    /**
     * A change of one person effective on {@code change.effective()} (a promotion, a transfer, a correction …):
     * {@code edit} receives the state on that day (identity and yearly facts empty) and returns the new state.
     */
    @Transactional
    public void change(long personId, RosterChange change, UnaryOperator<PersonRow> edit) {
        history.change(personId, change, edit);
    }

    /**
     * The person left on {@code on}: {@code status} 退休, 调出 or 离职. They leave the roster lists and head-counts
     * from that day but keep their page and history.
     */
    @Transactional
    public void depart(long personId, LocalDate on, String status, String note) {
        history.depart(personId, on, status, note);
    }

    /** New people with their whole history at once (the demo), in batches; returns their current rows with ids. */
    @Transactional
    public List<PersonRow> saveHistories(List<PersonHistory> histories) {
        return history.saveHistories(histories);
    }

    @Transactional
    public void addPartyMembers(List<PartyMemberRow> members) {
        repository.insertPartyMembers(members);
    }
}

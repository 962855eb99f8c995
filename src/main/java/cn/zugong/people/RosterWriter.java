package cn.zugong.people;

import cn.zugong.people.internal.PersonRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one write path of the roster, in batches: used by the Excel import and the demo generator. */
@Service
public class RosterWriter {

    private final PersonRepository repository;

    RosterWriter(PersonRepository repository) {
        this.repository = repository;
    }

    /** Inserts rows without id and updates rows with one, with their yearly facts; returns the rows with ids. */
    @Transactional
    public List<PersonRow> save(List<PersonRow> rows) {
        return repository.save(rows);
    }

    @Transactional
    public void addPartyMembers(List<PartyMemberRow> members) {
        repository.insertPartyMembers(members);
    }
}

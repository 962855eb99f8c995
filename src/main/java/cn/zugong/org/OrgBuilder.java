package cn.zugong.org;

import cn.zugong.org.internal.OrgRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes the tree in batches: divisions from the GB/T 2260 file, units and party organisations. */
@Service
public class OrgBuilder {

    private final OrgRepository repository;

    OrgBuilder(OrgRepository repository) {
        this.repository = repository;
    }

    /** Inserts the divisions, parents before children (the list must be in that order). */
    @Transactional
    public void addDivisions(List<Division> divisions) {
        repository.insertDivisions(divisions);
    }

    @Transactional
    public void addUnits(List<NewUnit> units) {
        repository.insertUnits(units);
    }

    @Transactional
    public void addPartyOrgs(List<NewPartyOrg> partyOrgs) {
        repository.insertPartyOrgs(partyOrgs);
    }

    public boolean isEmpty() {
        return repository.count() == 0;
    }
}

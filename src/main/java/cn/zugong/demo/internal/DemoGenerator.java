package cn.zugong.demo.internal;

import cn.zugong.org.Division;
import cn.zugong.org.NewPartyOrg;
import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.PersonRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The pure demo-data generator: no Spring, no database. The same spec and divisions always give the
 * same data. Call in this order: {@link #units()}, {@link #partyOrgs()}, {@link #people}, then
 * {@link #villageMembers}; ids of the written nodes come in through the {@code ...IdOf} functions.
 */
public final class DemoGenerator {

    private final DemoSpec spec;
    private final List<Division> divisions;
    private final Identities identities = new Identities();
    private final PeopleFactory people;
    private final PartyFactory party;
    private final List<DemoUnit> units;
    private final Map<String, Integer> villageSizes = new HashMap<>();

    public DemoGenerator(DemoSpec spec, List<Division> divisions) {
        this.spec = spec;
        this.divisions = divisions;
        this.people = new PeopleFactory(identities, spec.asOf());
        this.party = new PartyFactory(identities, spec.asOf());
        this.units = UnitCatalogue.build(divisions, spec.province(), spec.rows(), random(0));
    }

    public DemoSpec spec() {
        return spec;
    }

    public List<DemoUnit> units() {
        return units;
    }

    /** Unit, township and (at city scale) village party organisations. */
    public List<NewPartyOrg> partyOrgs() {
        List<NewPartyOrg> orgs = new ArrayList<>();
        units.forEach(u -> orgs.add(PartyFactory.ofUnit(u)));
        SplittableRandom r = random(1);
        for (Division d : divisions) {
            if (d.level().equals("township")) {
                orgs.add(PartyFactory.ofTownship(d));
            } else if (d.level().equals("village") && !spec.province()) {
                int size = 10 + r.nextInt(31);
                villageSizes.put(d.code(), size);
                orgs.add(PartyFactory.ofVillage(d, size));
            }
        }
        return orgs;
    }

    /** Streams the roster unit by unit, in chunks of at least {@code chunk} rows (a unit is never split). */
    public void people(ToLongFunction<String> unitIdOf, int chunk, Consumer<List<PersonRow>> sink) {
        List<PersonRow> buffer = new ArrayList<>(chunk + 1000);
        for (int i = 0; i < units.size(); i++) {
            DemoUnit unit = units.get(i);
            buffer.addAll(people.people(unit, unitIdOf.applyAsLong(unit.code()), random(100 + i)));
            if (buffer.size() >= chunk) {
                sink.accept(buffer);
                buffer = new ArrayList<>(chunk + 1000);
            }
        }
        if (!buffer.isEmpty()) {
            sink.accept(buffer);
        }
    }

    /** Members of the village branches (none at province scale); call after {@link #partyOrgs()}. */
    public List<PartyMemberRow> villageMembers(ToLongFunction<String> branchIdOf) {
        Map<String, String> countyOf = new HashMap<>();
        divisions.forEach(d -> countyOf.put(d.code(), d.parentCode()));
        List<PartyMemberRow> members = new ArrayList<>();
        SplittableRandom r = random(2);
        for (Division d : divisions) {
            Integer size = villageSizes.get(d.code());
            if (size != null) {
                String county = countyOf.get(d.parentCode());
                members.addAll(party.villageMembers(d, county, size, branchIdOf.applyAsLong(branchCode(d.code())), r));
            }
        }
        return members;
    }

    /** The party membership of a saved roster person, or null when the person is not a party member. */
    public PartyMemberRow rosterMember(PersonRow saved, long branchId) {
        return PartyFactory.isMember(saved) ? party.rosterMember(saved, branchId, spec.seed()) : null;
    }

    public static String branchCode(String nodeCode) {
        return PartyFactory.branchCode(nodeCode);
    }

    private SplittableRandom random(long stream) {
        return new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L);
    }
}

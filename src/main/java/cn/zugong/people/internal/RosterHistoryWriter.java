package cn.zugong.people.internal;

import cn.zugong.people.ChangeKind;
import cn.zugong.people.PersonHistory;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterChange;
import cn.zugong.people.internal.HistoryStore.FactKey;
import cn.zugong.people.internal.HistoryStore.FactTable;
import cn.zugong.people.internal.PersonRepository.Standing;
import cn.zugong.people.internal.Sequenced.Meta;
import cn.zugong.people.internal.Sequenced.Period;
import cn.zugong.people.internal.Sequenced.Plan;
import cn.zugong.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The roster's one write path with history (ADR 050): `person` holds the state as of today as known now,
 * person_version and the yearly facts every state with its application and system time. Callers hold the
 * transaction ({@link cn.zugong.people.RosterWriter}).
 */
@Service
public class RosterHistoryWriter {

    static final String IN_SERVICE = "在职";
    static final Set<String> DEPARTURES = Set.of("退休", "调出", "离职");

    private final PersonRepository people;
    private final HistoryStore store;
    private final Clock clock;

    RosterHistoryWriter(PersonRepository people, HistoryStore store, Clock clock) {
        this.people = people;
        this.store = store;
        this.clock = clock;
    }

    /** Rows without id are new people (their history starts on the effective day); rows with one are updated. */
    public List<PersonRow> save(List<PersonRow> rows, RosterChange change) {
        LocalDateTime at = now();
        Meta meta = new Meta(change.kind().name(), change.note(), recorder());
        List<PersonRow> inserts = new ArrayList<>();
        List<PersonRow> updates = new ArrayList<>();
        List<PersonRow> saved = new ArrayList<>(rows.size());
        for (PersonRow row : rows) {
            PersonRow withId = row.id() == null ? row.withId(people.nextId()) : row;
            (row.id() == null ? inserts : updates).add(withId);
            saved.add(withId);
        }
        insertNew(inserts, change.effective(), meta, at);
        if (!updates.isEmpty()) {
            update(updates, change.effective(), meta, at);
        }
        return saved;
    }

    /** New people: one version from the effective day and their facts from then, in plain batches. */
    private void insertNew(List<PersonRow> rows, LocalDate effective, Meta meta, LocalDateTime at) {
        people.insert(rows, Map.of());
        List<Object[]> versions = new ArrayList<>(rows.size());
        Map<FactKey, Plan> facts = new HashMap<>();
        for (PersonRow p : rows) {
            versions.add(HistoryStore.versionRow(p.id(), new Period(effective, Sequenced.OPEN, at,
                    VersionField.valuesOf(p, IN_SERVICE), meta)));
            factValues(p).forEach((key, values) -> facts.put(key, new Plan(List.of(), List.of(),
                    List.of(new Period(effective, Sequenced.OPEN, at, values, null)))));
        }
        store.insertVersions(versions);
        store.writeFacts(facts, at);
    }

    private void update(List<PersonRow> rows, LocalDate effective, Meta meta, LocalDateTime at) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.id()));
        Map<Long, List<Period>> versions = store.currentVersions(ids);
        Map<FactKey, List<Period>> facts = store.currentFacts(ids);
        Map<Long, List<FactKey>> records = new HashMap<>();
        facts.keySet().stream().filter(k -> k.table() == FactTable.RECORD)
                .forEach(k -> records.computeIfAbsent(k.personId(), x -> new ArrayList<>()).add(k));
        Map<Long, Plan> plans = new HashMap<>();
        Map<FactKey, Plan> factPlans = new HashMap<>();
        List<PersonRow> current = new ArrayList<>(rows.size());
        Map<Long, Standing> standings = new HashMap<>();
        for (PersonRow row : rows) {
            List<Period> mine = versions.getOrDefault(row.id(), List.of());
            // a file lists people in service: someone who had left and is listed again is back
            Plan plan = Sequenced.update(mine, effective, VersionField.valuesOf(row, IN_SERVICE), meta, at);
            plans.put(row.id(), plan);
            Period today = coveringToday(after(mine, plan));
            current.add(today == null ? row : VersionField.apply(row, today.values()));
            standings.put(row.id(), standing(after(mine, plan)));
            planFacts(row, facts, records.getOrDefault(row.id(), List.of()), effective, at, factPlans);
        }
        store.writeVersions(plans, at);
        store.writeFacts(factPlans, at);
        people.update(current, standings);
    }

    /** Facts of the row replace the person's from E on; years the row does not give stay; records are replaced. */
    private static void planFacts(PersonRow row, Map<FactKey, List<Period>> facts, List<FactKey> records,
                                  LocalDate effective, LocalDateTime at, Map<FactKey, Plan> plans) {
        Map<FactKey, Object[]> wanted = factValues(row);
        wanted.forEach((key, values) -> {
            Plan plan = Sequenced.update(facts.getOrDefault(key, List.of()), effective, values, null, at);
            if (!plan.isEmpty()) {
                plans.put(key, plan);
            }
        });
        records.forEach(key -> {
            if (!wanted.containsKey(key)) {
                Plan plan = Sequenced.update(facts.get(key), effective, null, null, at);
                if (!plan.isEmpty()) {
                    plans.put(key, plan);
                }
            }
        });
    }

    private static Map<FactKey, Object[]> factValues(PersonRow p) {
        Map<FactKey, Object[]> values = new LinkedHashMap<>();
        p.assessments().forEach((year, result) ->
                values.put(new FactKey(FactTable.ASSESSMENT, p.id(), year, null, null), new Object[] {result}));
        p.trainingHours().forEach((year, hours) ->
                values.put(new FactKey(FactTable.TRAINING, p.id(), year, null, null), new Object[] {hours}));
        p.rewards().forEach(n -> values.put(new FactKey(FactTable.RECORD, p.id(), n.year(), "REWARD",
                n.description()), new Object[0]));
        p.disciplines().forEach(n -> values.put(new FactKey(FactTable.RECORD, p.id(), n.year(), "DISCIPLINE",
                n.description()), new Object[0]));
        return values;
    }

    /**
     * One person's state changed from {@code change.effective()} on: {@code edit} gets the state then (a row
     * without identity or facts) and returns the new one; fields it leaves equal are not touched later on.
     */
    public void change(long personId, RosterChange change, UnaryOperator<PersonRow> edit) {
        LocalDateTime at = now();
        List<Period> mine = existing(personId);
        Period basis = basis(mine, change.effective());
        PersonRow state = VersionField.apply(blank(personId), basis.values());
        Object[] values = VersionField.valuesOf(edit.apply(state), (String) basis.values()[0]);
        apply(personId, mine, Sequenced.update(mine, change.effective(),
                values, new Meta(change.kind().name(), change.note(), recorder()), at), at);
    }

    /** The person left on {@code on} (退休 / 调出 / 离职): out of the lists from that day, page and history kept. */
    public void depart(long personId, LocalDate on, String status, String note) {
        if (!DEPARTURES.contains(status)) {
            throw new IllegalArgumentException("离开状态应为 退休、调出 或 离职：" + status);
        }
        LocalDateTime at = now();
        List<Period> mine = existing(personId);
        Object[] values = basis(mine, on).values().clone();
        values[0] = status;
        ChangeKind kind = "退休".equals(status) ? ChangeKind.RETIRE : ChangeKind.LEAVE;
        apply(personId, mine, Sequenced.update(mine, on, values, new Meta(kind.name(), note, recorder()), at), at);
    }

    private void apply(long personId, List<Period> mine, Plan plan, LocalDateTime at) {
        store.writeVersions(Map.of(personId, plan), at);
        List<Period> after = after(mine, plan);
        Period today = coveringToday(after);
        if (today != null) {
            people.updateState(personId, today.values(), standing(after));
        }
    }

    /**
     * New people with their whole history (the demo): `person` gets the state valid today (the last one when
     * none is), versions chain from state to state, facts of one key chain from day to day. Plain batches.
     */
    public List<PersonRow> saveHistories(List<PersonHistory> histories) {
        LocalDateTime at = now();
        String by = recorder();
        List<PersonRow> saved = new ArrayList<>(histories.size());
        List<PersonRow> current = new ArrayList<>(histories.size());
        Map<Long, Standing> standings = new HashMap<>();
        List<Object[]> versions = new ArrayList<>();
        Map<FactKey, Plan> facts = new HashMap<>();
        for (PersonHistory h : histories) {
            PersonRow person = h.person().withId(people.nextId());
            saved.add(person);
            List<Period> periods = new ArrayList<>();
            for (int i = 0; i < h.states().size(); i++) {
                PersonHistory.State s = h.states().get(i);
                LocalDate to = i + 1 < h.states().size() ? h.states().get(i + 1).from() : Sequenced.OPEN;
                periods.add(new Period(s.from(), to, at, VersionField.valuesOf(s.fields(), s.serviceStatus()),
                        new Meta(s.kind().name(), s.note(), by)));
            }
            periods.forEach(p -> versions.add(HistoryStore.versionRow(person.id(), p)));
            Period today = coveringToday(periods);
            Period shown = today != null ? today : periods.get(periods.size() - 1);
            current.add(VersionField.apply(person, shown.values()));
            standings.put(person.id(), standing(periods));
            chainFacts(person.id(), h.facts(), at, facts);
        }
        people.insert(current, standings);
        store.insertVersions(versions);
        store.writeFacts(facts, at);
        return current;
    }

    private static void chainFacts(long personId, List<PersonHistory.Fact> given, LocalDateTime at,
                                   Map<FactKey, Plan> plans) {
        Map<FactKey, List<PersonHistory.Fact>> byKey = new LinkedHashMap<>();
        for (PersonHistory.Fact f : given) {
            FactKey key = switch (f.kind()) {
                case ASSESSMENT -> new FactKey(FactTable.ASSESSMENT, personId, f.year(), null, null);
                case TRAINING -> new FactKey(FactTable.TRAINING, personId, f.year(), null, null);
                case REWARD -> new FactKey(FactTable.RECORD, personId, f.year(), "REWARD", f.value());
                case DISCIPLINE -> new FactKey(FactTable.RECORD, personId, f.year(), "DISCIPLINE", f.value());
            };
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        byKey.forEach((key, facts) -> {
            facts.sort(Comparator.comparing(PersonHistory.Fact::validFrom));
            List<Period> periods = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                PersonHistory.Fact f = facts.get(i);
                LocalDate to = i + 1 < facts.size() ? facts.get(i + 1).validFrom() : Sequenced.OPEN;
                if (!f.validFrom().isBefore(to)) {
                    continue; // two values on one day: the later one wins
                }
                Object[] values = switch (key.table()) {
                    case ASSESSMENT -> new Object[] {f.value()};
                    case TRAINING -> new Object[] {new BigDecimal(f.value())};
                    case RECORD -> new Object[0];
                };
                periods.add(new Period(f.validFrom(), to, at, values, null));
            }
            plans.put(key, new Plan(List.of(), List.of(), periods));
        });
    }

    private List<Period> existing(long personId) {
        List<Period> mine = store.currentVersions(List.of(personId)).get(personId);
        if (mine == null) {
            throw new NotFoundException("人员不存在或没有历史记录：" + personId);
        }
        return mine;
    }

    /** The state on the day, or the first one after it when the history starts later. */
    private static Period basis(List<Period> periods, LocalDate day) {
        return periods.stream().filter(p -> p.covers(day)).findFirst()
                .or(() -> periods.stream().filter(p -> p.from().isAfter(day)).min(Comparator.comparing(Period::from)))
                .orElseGet(() -> periods.stream().max(Comparator.comparing(Period::from)).orElseThrow());
    }

    private static List<Period> after(List<Period> before, Plan plan) {
        List<Period> result = new ArrayList<>(before);
        result.removeAll(plan.superseded());
        result.removeAll(plan.deleted());
        result.addAll(plan.inserted());
        result.sort(Comparator.comparing(Period::from));
        return result;
    }

    private Period coveringToday(List<Period> periods) {
        LocalDate today = LocalDate.now(clock);
        return periods.stream().filter(p -> p.covers(today)).findFirst().orElse(null);
    }

    /** The standing today: in service, or out since the start of the run of departed states reaching today. */
    private Standing standing(List<Period> periods) {
        LocalDate today = LocalDate.now(clock);
        List<Period> sorted = periods.stream().filter(p -> !p.from().isAfter(today))
                .sorted(Comparator.comparing(Period::from)).toList();
        if (sorted.isEmpty() || IN_SERVICE.equals(sorted.get(sorted.size() - 1).values()[0])) {
            return Standing.IN_SERVICE;
        }
        int i = sorted.size() - 1;
        String status = (String) sorted.get(i).values()[0];
        while (i > 0 && !IN_SERVICE.equals(sorted.get(i - 1).values()[0])) {
            i--;
        }
        return new Standing(status, sorted.get(i).from());
    }

    private static PersonRow blank(long id) {
        return new PersonRow(id, 0, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, Map.of(), Map.of(), List.of(), List.of());
    }

    /** The platform clock to the microsecond, as the databases store it (equal stamps must compare equal). */
    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String recorder() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }
}

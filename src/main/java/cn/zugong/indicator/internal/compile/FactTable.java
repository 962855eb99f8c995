package cn.zugong.indicator.internal.compile;

import cn.zugong.people.RosterVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fact tables a formula may aggregate, their declared fields and how each is grouped by unit.
 * Tables other than person and the unit facts join person for its unit (and so may also test person
 * fields). Only fields declared here can appear in a formula; that is what makes the language safe.
 *
 * <p>People are read as of the evaluation (ADR 050): {@code p} is the {@code person_version} row valid on
 * {@code :asof} as known at {@code :knownAt}, in service; the yearly facts likewise, joined to that version
 * (so a fact counts in the unit the person was in on that day). The predicates are plain comparisons with
 * bound parameters: the SQL text is the same for every date, and a scan evaluates them cheaply.
 */
public enum FactTable {
    PERSON("person", "person_version p", "p.unit_id", Sql.PERSON_AS_OF),
    ASSESSMENT("assessment", "person_assessment a join person_version p on p.person_id = a.person_id", "p.unit_id",
            Sql.factAsOf("a")),
    TRAINING("training", "person_training t join person_version p on p.person_id = t.person_id", "p.unit_id",
            Sql.factAsOf("t")),
    RECORD("record", "person_record r join person_version p on p.person_id = r.person_id", "p.unit_id",
            Sql.factAsOf("r")),
    UNIT("unit", "unit u", "u.node_id", null),
    QUOTA("quota", "unit_post_quota q", "q.unit_id", null);

    /** The as-of predicates (held apart because enum constants cannot read the enum's own static fields). */
    static final class Sql {
        static final String PERSON_AS_OF = "p.valid_from <= :asof and p.valid_to > :asof"
                + " and p.recorded_at <= :knownAt and p.superseded_at > :knownAt and p.service_status = '在职'";

        static String factAsOf(String alias) {
            return alias + ".valid_from <= :asof and " + alias + ".valid_to > :asof and " + alias
                    + ".recorded_at <= :knownAt and " + alias + ".superseded_at > :knownAt and " + PERSON_AS_OF;
        }
    }

    /** The person's id column in every person-based table's query. */
    public static final String PERSON_ID = "p.person_id";

    public enum Type { STRING, NUMBER, DATE }

    /**
     * A declared field. {@code vocabulary} lists the allowed literal values of a coded field (empty =
     * free text); {@code count} marks whole-number head-counts (编制数, 职数) that may be divided by.
     */
    public record Field(String name, String column, Type type, List<String> vocabulary, boolean count) {

        public boolean isVirtual() {
            return column == null;
        }
    }

    /**
     * The statutory retirement date: computed from birth date, gender, 领导职务 and 职级, not stored
     * (RetirementLaw: women 县处级 cadres retire at 60).
     */
    public static final String RETIREMENT_DATE = "retirement_date";

    private final String formulaName;
    private final String from;
    private final String unitColumn;
    private final String asOf;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    FactTable(String formulaName, String from, String unitColumn, String asOf) {
        this.formulaName = formulaName;
        this.from = from;
        this.unitColumn = unitColumn;
        this.asOf = asOf;
    }

    static {
        List<String> kinds = RosterVocabulary.STAFF_KINDS;
        PERSON.s("gender", RosterVocabulary.GENDERS).d("birth_date").s("ethnicity", List.of())
                .s("political_status", RosterVocabulary.POLITICAL_STATUSES)
                .s("ft_education", RosterVocabulary.EDUCATIONS).s("ft_degree", RosterVocabulary.DEGREES)
                .s("is_education", RosterVocabulary.EDUCATIONS).s("is_degree", RosterVocabulary.DEGREES)
                .s("major_category", RosterVocabulary.MAJOR_CATEGORIES).s("staff_kind", kinds)
                .s("rank_level", RosterVocabulary.RANKS).d("rank_since")
                .s("post_level", RosterVocabulary.POSTS).d("post_since").d("work_start_date")
                .d("joined_unit_date").s("source", RosterVocabulary.SOURCES).d("probation_end");
        PERSON.fields.put(RETIREMENT_DATE, new Field(RETIREMENT_DATE, null, Type.DATE, List.of(), false));
        ASSESSMENT.n("year", "fact_year", false).s("result", RosterVocabulary.ASSESSMENT_RESULTS);
        TRAINING.n("year", "fact_year", false).n("hours", "hours", false);
        RECORD.s("kind", List.of("REWARD", "DISCIPLINE")).n("year", "fact_year", false).s("description", List.of());
        UNIT.n("authorized_headcount", "authorized_headcount", true).s("tier", RosterVocabulary.UNIT_TIERS)
                .s("unit_type", List.of());
        List<String> levels = new ArrayList<>(RosterVocabulary.POSTS);
        levels.addAll(RosterVocabulary.RANKS);
        QUOTA.s("kind", List.of("LEADER", "RANK")).s("level", levels).n("quota", "quota", true);
    }

    public String formulaName() {
        return formulaName;
    }

    public String from() {
        return from;
    }

    /**
     * The rows valid on {@code :asof} as known at {@code :knownAt} (null: the table has no history, e.g. units
     * and quotas). Always bind both parameters when this is not null.
     */
    public String asOf() {
        return asOf;
    }

    public boolean isPersonBased() {
        return asOf != null;
    }

    public String unitColumn() {
        return unitColumn;
    }

    public String alias() {
        return from.split(" ")[1];
    }

    /** Own fields first; tables joined to person also see person's fields. */
    public Optional<Field> field(String name) {
        Field own = fields.get(name);
        if (own != null || this == UNIT || this == QUOTA || this == PERSON) {
            return Optional.ofNullable(own);
        }
        return PERSON.field(name);
    }

    /** SQL column reference of a (non-virtual) field as seen from this table's query. */
    public String sql(Field field) {
        return (fields.get(field.name()) == field ? alias() : "p") + "." + field.column();
    }

    /**
     * has(table where c) inside a person aggregate: an existence test on this fact table for the person of
     * the outer row ({@code p}). The fact table's alias is free there (the outer query is over person).
     */
    public String existsSql(String condition) {
        String[] source = from.split(" ");
        String f = source[1];
        // the fact as of the evaluation too: a result decided after :asof, or recorded after :knownAt, is not there yet
        return "exists (select 1 from " + source[0] + " " + f + " where " + f + ".person_id = " + PERSON_ID
                + " and " + f + ".valid_from <= :asof and " + f + ".valid_to > :asof and " + f
                + ".recorded_at <= :knownAt and " + f + ".superseded_at > :knownAt"
                + (condition == null ? "" : " and " + condition) + ")";
    }

    public boolean isPersonFact() {
        return this == ASSESSMENT || this == TRAINING || this == RECORD;
    }

    public static Optional<FactTable> byFormulaName(String name) {
        for (FactTable t : values()) {
            if (t.formulaName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    private FactTable s(String name, List<String> vocabulary) {
        fields.put(name, new Field(name, name, Type.STRING, List.copyOf(vocabulary), false));
        return this;
    }

    private FactTable d(String name) {
        fields.put(name, new Field(name, name, Type.DATE, List.of(), false));
        return this;
    }

    private FactTable n(String name, String column, boolean count) {
        fields.put(name, new Field(name, column, Type.NUMBER, List.of(), count));
        return this;
    }
}

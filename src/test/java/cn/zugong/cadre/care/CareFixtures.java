package cn.zugong.cadre.care;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The care tests' own data: people of a county picked from the demo roster, appointment rows written by SQL. */
final class CareFixtures {

    private final JdbcClient jdbc;

    CareFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** People of the county (code prefix), skipping the first {@code skip}; each test takes its own slice. */
    List<Long> people(String countyCode, int skip, int n) {
        return jdbc.sql("select p.id from person p join org_node u on u.id = p.unit_id where u.code like :c "
                        + "order by p.id desc limit :n offset :s").param("c", countyCode + "%").param("n", n)
                .param("s", skip).query(Long.class).list();
    }

    long unitOf(long personId) {
        return jdbc.sql("select unit_id from person where id = :p").param("p", personId).query(Long.class).single();
    }

    /** The fixtures' creation time: fixed, so nothing depends on the day the tests run. */
    static final LocalDateTime CREATED_AT = LocalDateTime.of(2026, 11, 1, 9, 0);

    /** A minimal appointment record (the appointments part owns the table). */
    long appointment(long personId, String kind, String status, LocalDate effectiveOn) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into cadre_appointment (person_id, unit_id, kind, status, effective_on, created_at, created_by) "
                        + "values (:p, :u, :k, :s, :e, :at, 'test')").param("p", personId).param("u", unitOf(personId))
                .param("k", kind).param("s", status).param("e", effectiveOn).param("at", CREATED_AT)
                .update(key, "id");
        return key.getKey().longValue();
    }

    long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Rows of every care table and the care audit entries: what must not change when a call is refused. */
    String snapshot() {
        StringBuilder s = new StringBuilder();
        for (String t : List.of("care_case", "care_case_check", "care_clearance", "care_discipline", "care_visit",
                "care_visit_dunning", "care_reuse", "care_reward_batch", "care_reward_item", "care_exemplar")) {
            s.append(t).append('=').append(jdbc.sql("select count(*) from " + t).query(Long.class).single())
                    .append(' ');
        }
        s.append("statuses=").append(jdbc.sql("select coalesce(sum(length(status)), 0) from care_case")
                .query(Long.class).single());
        s.append(" ex=").append(jdbc.sql("select coalesce(sum(length(status)), 0) from care_exemplar")
                .query(Long.class).single());
        s.append(" due=").append(jdbc.sql("select count(distinct next_visit_due) from care_discipline")
                .query(Long.class).single());
        return s.toString();
    }

    long audits(String actor, String type, Object id) {
        return jdbc.sql("select count(*) from audit_entry where actor = :a and action = 'READ_PERSONAL' "
                        + "and object_type = :t and object_id = :id").param("a", actor).param("t", type)
                .param("id", String.valueOf(id)).query(Long.class).single();
    }
}

package cn.zugong.cadrebench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 干部培训 and 调研课题's part of {@code bench/run.sh cadre} (ADR 079): five years (2022–2026) of classes over the base —
 * a fifth of the people a year in face-to-face classes of 50 with two sessions each (attendance marked), a third in
 * an online course with completed hours — and 调研课题 (the seed's 636 a year, 140 key, four problems each, most solved),
 * written once with batched SQL; both figures pages, their APIs and workbooks measured over real HTTP as the city's
 * admin for the five years; the totals recounted by hand in SQL written here (attendance counted from the marks, not
 * from the enrolments' summaries, hours and 人次 from the enrolments, never from the classes' totals the figures read).
 */
@Tag("bench")
@IntegrationTest
class TrainingCadreBench extends CadreBenchSupport {

    static final int CLASS_SIZE = 50;
    static final int TOPICS_PER_YEAR = 636;
    static final int KEY_PER_YEAR = 140;
    static final int PROBLEMS_PER_TOPIC = 4;
    static final String PERIOD = "?from=" + FIRST_YEAR + "-01-01&to=" + LAST_YEAR + "-12-31";

    @Test
    void figures() throws Exception {
        Base base = base();
        long started = System.nanoTime();
        generate(base);
        long generatedMs = (System.nanoTime() - started) / 1_000_000;

        Browser admin = signIn("admin");
        Browser client = apiClient("admin");
        List<Latency> latencies = List.of(admin.measure("/cadres/training/figures" + PERIOD),
                client.measure("/api/cadres/training/figures" + PERIOD),
                admin.measure("/cadres/training/figures.xlsx" + PERIOD, 5, 40),
                admin.measure("/cadres/research/figures" + PERIOD),
                client.measure("/api/cadres/research/figures" + PERIOD),
                admin.measure("/cadres/research/figures.xlsx" + PERIOD, 5, 40));
        int errors = latencies.stream().mapToInt(Latency::failures).sum();
        double worst = latencies.stream().mapToDouble(Latency::p99).max().orElse(0);
        ObjectMapper json = new ObjectMapper();
        boolean recount = recountTraining(json.readTree(client.get("/api/cadres/training/figures" + PERIOD).body())
                .path("total")) & recountResearch(json.readTree(client.get("/api/cadres/research/figures" + PERIOD)
                .body()).path("total"));
        part("training", String.format("rows=classes:%d,enrolments:%d,attendance:%d,topics:%d,problems:%d "
                        + "worst_p99_ms=%.1f recount=%s errors5xx=%d generated_ms=%d training_page_p99_ms=%.1f "
                        + "training_api_p99_ms=%.1f training_xlsx_p99_ms=%.1f research_page_p99_ms=%.1f "
                        + "research_api_p99_ms=%.1f research_xlsx_p99_ms=%.1f",
                count("select count(*) from training_class"), count("select count(*) from training_enrolment"),
                count("select count(*) from training_attendance"), count("select count(*) from research_topic"),
                count("select count(*) from research_problem"), worst, recount ? "ok" : "differs", errors, generatedMs,
                latencies.get(0).p99(), latencies.get(1).p99(), latencies.get(2).p99(), latencies.get(3).p99(),
                latencies.get(4).p99(), latencies.get(5).p99()));
        assertThat(recount).isTrue();
        assertThat(errors).isZero();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    // ------------------------------------------------------------------ rows, once

    private void generate(Base base) {
        if (count("select count(*) from training_class where created_by = 'bench'") > 0) {
            return;
        }
        long city = jdbc.queryForObject("select id from org_node where code = '3309'", Long.class);
        Map<String, Long> counties = new java.util.HashMap<>();
        jdbc.query("select path, id from org_node where kind = 'COUNTY' and code like '3309%'",
                rs -> {
                    counties.put(rs.getString(1), rs.getLong(2));
                });
        long[] people = base.personIds();
        long leader = jdbc.queryForObject("select min(p.id) from person p join org_node u on u.id = p.unit_id "
                + "where u.code like '3309%' and p.post_level in ('县处级正职', '县处级副职')", Long.class);
        Timestamp at = Timestamp.valueOf(LocalDate.of(FIRST_YEAR, 1, 1).atTime(9, 0));
        int perYearFace = people.length / 5;
        int perYearOnline = people.length / 3;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int y = year - FIRST_YEAR;
            // face-to-face classes of 50: the units' own (a unit organises its class; its county for the figures)
            for (int from = 0; from < perYearFace; from += CLASS_SIZE) {
                int c = from / CLASS_SIZE;
                Unit unit = base.units().get((c * 13 + y) % base.units().size());
                Long county = countyOf(unit.path(), counties);
                LocalDate starts = LocalDate.of(year, 2, 1).plusDays(c % 300);
                jdbc.update("insert into training_class (node_id, county_id, kind, name, starts_on, ends_on, "
                                + "planned_hours, capacity, created_at, created_by) values (?, ?, ?, ?, ?, ?, 16, 60, ?, 'bench')",
                        unit.unitId(), county, c % 2 == 0 ? "MAIN" : "SEMINAR", "压测班次" + year + "-" + c,
                        Date.valueOf(starts), Date.valueOf(starts.plusDays(2)), at);
                long classId = jdbc.queryForObject("select max(id) from training_class where created_by = 'bench'",
                        Long.class);
                jdbc.update("insert into training_session (class_id, held_on, title, hours) values (?, ?, '压测课一', 8)",
                        classId, Date.valueOf(starts));
                jdbc.update("insert into training_session (class_id, held_on, title, hours) values (?, ?, '压测课二', 8)",
                        classId, Date.valueOf(starts.plusDays(1)));
                List<Long> sessions = jdbc.queryForList("select id from training_session where class_id = ? order by id",
                        Long.class, classId);
                List<Object[]> enrolments = new ArrayList<>();
                List<boolean[]> presence = new ArrayList<>();
                for (int i = from; i < Math.min(perYearFace, from + CLASS_SIZE); i++) {
                    long person = people[(i + y * 7919) % people.length];
                    boolean a = (i + y) % 17 != 0;
                    boolean b = (i + y) % 11 != 0;
                    presence.add(new boolean[] {a, b});
                    int attended = (a ? 1 : 0) + (b ? 1 : 0);
                    enrolments.add(new Object[] {classId, person, at, attended, 8 * attended});
                }
                jdbc.batchUpdate("insert into training_enrolment (class_id, person_id, enrolled_at, enrolled_by, marked, "
                        + "attended, attended_hours) values (?, ?, ?, 'bench', 2, ?, ?)", enrolments);
                List<Long> ids = jdbc.queryForList("select id from training_enrolment where class_id = ? order by id",
                        Long.class, classId);
                List<Object[]> marks = new ArrayList<>();
                for (int k = 0; k < ids.size(); k++) {
                    for (int s = 0; s < 2; s++) {
                        boolean present = presence.get(k)[s];
                        marks.add(new Object[] {sessions.get(s), ids.get(k),
                            present ? "PRESENT" : (k % 2 == 0 ? "LEAVE" : "ABSENT"), at});
                    }
                }
                jdbc.batchUpdate("insert into training_attendance (session_id, enrolment_id, status, recorded_at, "
                        + "recorded_by) values (?, ?, ?, ?, 'bench')", marks);
            }
            // one online course of the city a year, a third of the people completing hours
            jdbc.update("insert into training_class (node_id, county_id, kind, name, starts_on, ends_on, planned_hours, "
                            + "capacity, created_at, created_by) values (?, null, 'ONLINE', ?, ?, ?, 200, ?, ?, 'bench')",
                    city, "压测网络课程" + year, Date.valueOf(LocalDate.of(year, 1, 1)),
                    Date.valueOf(LocalDate.of(year, 12, 31)), perYearOnline + 1, at);
            long online = jdbc.queryForObject("select max(id) from training_class where created_by = 'bench'", Long.class);
            List<Object[]> completions = new ArrayList<>();
            for (int i = 0; i < perYearOnline; i++) {
                completions.add(new Object[] {online, people[(i * 3 + y) % people.length], at,
                    BigDecimal.valueOf(20 + i % 60), Date.valueOf(LocalDate.of(year, 6, 1).plusDays(i % 150))});
                if (completions.size() == 5_000) {
                    insertCompletions(completions);
                    completions.clear();
                }
            }
            insertCompletions(completions);
            // 调研课题: the seed's numbers a year, four problems each
            List<Object[]> topics = new ArrayList<>();
            for (int t = 0; t < TOPICS_PER_YEAR; t++) {
                Unit unit = base.units().get((t * 7 + y) % base.units().size());
                topics.add(new Object[] {unit.unitId(), countyOf(unit.path(), counties), "压测课题" + year + "-" + t,
                    leader, t < KEY_PER_YEAR, Date.valueOf(LocalDate.of(year, 1, 5).plusDays(t % 300)),
                    t % 3 == 0 ? "OPEN" : "CONCLUDED", t % 3 == 0 ? null : Date.valueOf(LocalDate.of(year, 12, 20)), at});
            }
            jdbc.batchUpdate("insert into research_topic (node_id, county_id, title, leader_id, leader_post, key_topic, "
                    + "starts_on, status, concluded_on, created_at, created_by) values (?, ?, ?, ?, '县处级正职', ?, ?, ?, ?, ?, "
                    + "'bench')", topics);
            List<Object[]> problems = new ArrayList<>();
            int k = 0;
            for (Map<String, Object> row : jdbc.queryForList("select id, starts_on from research_topic where created_by = "
                    + "'bench' and title like ? order by id", "压测课题" + year + "-%")) {
                LocalDate starts = ((java.sql.Date) row.get("starts_on")).toLocalDate();
                for (int p = 0; p < PROBLEMS_PER_TOPIC; p++, k++) {
                    boolean solved = k % 24 != 0;
                    problems.add(new Object[] {row.get("id"), "压测问题", Date.valueOf(starts.plusDays(10)), solved,
                        solved ? Date.valueOf(starts.plusDays(40 + k % 200)) : null, solved ? "压测举措" : null, at});
                }
            }
            jdbc.batchUpdate("insert into research_problem (topic_id, description, found_on, solved, solved_on, solution, "
                    + "created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 'bench')", problems);
        }
        // the classes' totals of their enrolments, as the write path keeps them (V92)
        jdbc.update("""
                update training_class set
                  enrolments = (select count(*) from training_enrolment e where e.class_id = training_class.id),
                  marked = (select coalesce(sum(e.marked), 0) from training_enrolment e where e.class_id = training_class.id),
                  attended = (select coalesce(sum(e.attended), 0) from training_enrolment e
                              where e.class_id = training_class.id),
                  hours = (select coalesce(sum(e.attended_hours), 0) + coalesce(sum(e.completed_hours), 0)
                           from training_enrolment e where e.class_id = training_class.id)
                where created_by = 'bench'""");
        jdbc.execute("analyze");
    }

    private void insertCompletions(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into training_enrolment (class_id, person_id, enrolled_at, enrolled_by, "
                    + "completed_hours, completed_on) values (?, ?, ?, 'bench', ?, ?)", rows);
        }
    }

    private static Long countyOf(String path, Map<String, Long> counties) {
        for (Map.Entry<String, Long> e : counties.entrySet()) {
            if (path.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the recount, by hand

    private boolean recountTraining(JsonNode total) {
        String classes = "select c.id from training_class c join org_node n on n.id = c.node_id "
                + "where n.path like '/33/3309/%' and c.starts_on between date '" + FIRST_YEAR + "-01-01' and date '"
                + LAST_YEAR + "-12-31'";
        long classCount = count("select count(*) from (" + classes + ") x");
        long enrolments = count("select count(*) from training_enrolment where class_id in (" + classes + ")");
        var marks = jdbc.queryForMap("select count(*) as marked, "
                + "coalesce(sum(case when a.status = 'PRESENT' then 1 else 0 end), 0) as attended, "
                + "coalesce(sum(case when a.status = 'PRESENT' then s.hours else 0 end), 0) as hours "
                + "from training_attendance a join training_session s on s.id = a.session_id "
                + "where s.class_id in (" + classes + ")");
        BigDecimal online = jdbc.queryForObject("select coalesce(sum(completed_hours), 0) from training_enrolment "
                + "where class_id in (" + classes + ")", BigDecimal.class);
        BigDecimal hours = new BigDecimal(marks.get("hours").toString()).add(online);
        boolean same = total.path("classes").asLong() == classCount && total.path("enrolments").asLong() == enrolments
                && total.path("marked").asLong() == ((Number) marks.get("marked")).longValue()
                && total.path("attended").asLong() == ((Number) marks.get("attended")).longValue()
                && total.path("hours").decimalValue().compareTo(hours) == 0;
        if (!same) {
            System.out.println("training recount: classes=" + classCount + " enrolments=" + enrolments + " " + marks
                    + " online=" + online + " api=" + total);
        }
        return same;
    }

    private boolean recountResearch(JsonNode total) {
        String topics = "select t.id from research_topic t join org_node n on n.id = t.node_id "
                + "where n.path like '/33/3309/%' and t.starts_on between date '" + FIRST_YEAR + "-01-01' and date '"
                + LAST_YEAR + "-12-31'";
        long topicCount = count("select count(*) from (" + topics + ") x");
        long key = count("select count(*) from research_topic where key_topic and id in (" + topics + ")");
        long problems = count("select count(*) from research_problem where topic_id in (" + topics + ")");
        long solved = count("select count(*) from research_problem where solved and solved_on <= date '" + LAST_YEAR
                + "-12-31' and topic_id in (" + topics + ")");
        boolean same = total.path("topics").asLong() == topicCount && total.path("keyTopics").asLong() == key
                && total.path("problems").asLong() == problems && total.path("solved").asLong() == solved;
        if (!same) {
            System.out.println("research recount: topics=" + topicCount + " key=" + key + " problems=" + problems
                    + " solved=" + solved + " api=" + total);
        }
        return same;
    }
}

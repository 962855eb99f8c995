package cn.zugong.demo.internal;

import cn.zugong.cadre.AppointmentKind;
import cn.zugong.cadre.AppointmentRecords;
import cn.zugong.cadre.AppointmentRecords.NewAppointment;
import cn.zugong.people.RosterVocabulary;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's 选拔任用纪实 (issue 19), through {@link AppointmentRecords} (the pages' rules, 任职 through the roster's
 * API): last year 200 people promoted, further used or promoted in rank, 86 of them from the frontline (43 %, the
 * seed's 「86人，超过总数的40%」) and 20 交流; this year two dozen records at every step of the procedure and two
 * stopped. Frontline records name a 一线考察 campaign when the frontline demo wrote some, else their basis in words.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class AppointmentDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(AppointmentDemo.class);
    static final int USED = 200;
    static final int FRONTLINE = 86;
    static final int EXCHANGES = 20;
    static final int OPEN = 24;
    private static final String ACTOR = "demo";
    private static final String[] BASES = {"六横大桥重大项目建设一线", "防台救灾急难险重一线", "疫情防控一线",
        "绿色石化基地重大项目一线", "海岛共同富裕攻坚一线", "甬舟铁路建设一线"};
    private static final String[] STEPS = {"RECOMMENDATION", "INSPECTION", "DECISION", "PUBLICITY", "APPOINTMENT"};

    private record Candidate(long id, long unitId, String unitName, String rank, String post) {
    }

    private final AppointmentRecords records;
    private final JdbcClient jdbc;
    private final LocalDate asOf;

    AppointmentDemo(AppointmentRecords records, JdbcClient jdbc,
                    @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.records = records;
        this.jdbc = jdbc;
        this.asOf = asOf;
    }

    @Override
    public void load() {
        if (records.any()) {
            return;
        }
        long started = System.nanoTime();
        OrgScope city = jdbc.sql("select id, path from org_node where code = '3309'")
                .query((rs, i) -> new OrgScope(rs.getLong(1), rs.getString(2))).optional().orElse(null);
        if (city == null) {
            return; // another data set: no city of 舟山
        }
        List<Candidate> people = jdbc.sql("""
                        select p.id, p.unit_id, u.name, p.rank_level, p.post_level from person p
                        join org_node u on u.id = p.unit_id
                        where p.service_status = '在职' and p.joined_unit_date <= date '2023-12-31' and u.path like :city
                        order by mod(p.id * 7919, 10007), p.id
                        """).param("city", city.pathPattern())
                .query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
        List<Long> campaigns = jdbc.sql("""
                        select c.id from frontline_campaign c join org_node n on n.id = c.node_id
                        where n.path like :city order by c.id""").param("city", city.pathPattern())
                .query(Long.class).list();
        int lastYear = asOf.getYear() - 1;
        int done = 0;
        int frontline = 0;
        int i = 0;
        for (; i < people.size() && done < USED; i++) {
            Candidate c = people.get(i);
            boolean fromFrontline = frontline < FRONTLINE && done % 7 < 3;
            if (USED - done <= FRONTLINE - frontline) {
                fromFrontline = true; // keep the seed's count exact
            }
            LocalDate on = LocalDate.of(lastYear, 1, 20).plusDays(done * 330L / USED);
            NewAppointment a = used(c, done, fromFrontline, campaigns, on.minusDays(75));
            if (a != null && walk(a, city, on, 5)) {
                done++;
                frontline += fromFrontline ? 1 : 0;
            }
        }
        int exchanged = 0;
        for (; i + 1 < people.size() && exchanged < EXCHANGES; i++) {
            Candidate c = people.get(i);
            Candidate other = people.get(i + 1);
            if (other.unitId() == c.unitId()) {
                continue;
            }
            LocalDate on = LocalDate.of(lastYear, 3, 1).plusDays(exchanged * 14L);
            boolean fromFrontline = exchanged % 5 < 2;
            NewAppointment a = new NewAppointment(c.id(), AppointmentKind.EXCHANGE, other.unitId(),
                    other.unitName() + "干部", null, null, c.unitName() + "干部", "干部交流，丰富岗位经历", fromFrontline,
                    null, fromFrontline ? BASES[exchanged % BASES.length] : null, on.minusDays(75));
            if (walk(a, city, on, 5)) {
                exchanged++;
            }
        }
        int open = 0;
        for (i++; i < people.size() && open < OPEN + 2; i++) {
            Candidate c = people.get(i);
            LocalDate proposed = asOf.minusDays(100 - open * 3L);
            NewAppointment a = used(c, open, open % 3 == 0, campaigns, proposed);
            if (a == null) {
                continue;
            }
            int steps = open % 5; // 0 … 4 more steps: every stage of the procedure is on show
            LocalDate on = proposed.plusDays(75);
            if (walkOpen(a, city, proposed, steps, open >= OPEN)) {
                open++;
            }
        }
        log.info("Wrote {} appointment records ({} made last year, {} of them from the frontline, {} 交流, {} open or "
                + "stopped) in {} ms", done + exchanged + open, done, frontline, exchanged, open,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A 提拔, 职级晋升 or 进一步使用 the person's post and rank allow, or null. */
    private static NewAppointment used(Candidate c, int n, boolean frontline, List<Long> campaigns, LocalDate proposed) {
        int post = c.post() == null ? RosterVocabulary.POSTS.size() : RosterVocabulary.POSTS.indexOf(c.post());
        int rank = RosterVocabulary.RANKS.indexOf(c.rank());
        Long campaign = frontline && !campaigns.isEmpty() && n % 2 == 0 ? campaigns.get(n % campaigns.size()) : null;
        String basis = frontline ? BASES[n % BASES.length] : null;
        int kind = n % 3;
        if (kind == 0 && post > 1) {
            String level = RosterVocabulary.POSTS.get(post - 1);
            return new NewAppointment(c.id(), AppointmentKind.PROMOTION, null,
                    c.unitName() + (level.endsWith("正职") ? "主要负责人" : "副职领导"), level, null, c.post(),
                    frontline ? "在" + basis + "中担当作为、实绩突出" : "工作需要，考察优秀", frontline, campaign, basis, proposed);
        }
        if (kind != 2 && rank > 0) {
            return new NewAppointment(c.id(), AppointmentKind.RANK_PROMOTION, null, null, null,
                    RosterVocabulary.RANKS.get(rank - 1), c.rank(), frontline ? "一线表现突出，符合职级晋升条件" : "符合职级晋升条件",
                    frontline, campaign, basis, proposed);
        }
        return new NewAppointment(c.id(), AppointmentKind.FURTHER_USE, null, c.unitName() + "重要岗位", null, null, null,
                frontline ? "在" + basis + "中经受考验" : "工作需要", frontline, campaign, basis, proposed);
    }

    /** Opens the record and walks it to 任职 on {@code on}; false (logged) when a rule refused it. */
    private boolean walk(NewAppointment a, OrgScope city, LocalDate on, int steps) {
        try {
            long id = records.open(a, city, ACTOR);
            step(id, steps, on);
            return true;
        } catch (RuntimeException e) {
            log.debug("demo appointment of person {} skipped: {}", a.personId(), e.getMessage());
            return false;
        }
    }

    private boolean walkOpen(NewAppointment a, OrgScope city, LocalDate proposed, int steps, boolean stop) {
        try {
            long id = records.open(a, city, ACTOR);
            step(id, steps, proposed.plusDays(75));
            if (stop) {
                records.stop(id, "考察中发现问题，终止程序", ACTOR);
            }
            return true;
        } catch (RuntimeException e) {
            log.debug("demo appointment of person {} skipped: {}", a.personId(), e.getMessage());
            return false;
        }
    }

    /** The first {@code steps} steps after 动议, 任职 on {@code on}; 公示 the 30th to the 12th day before. */
    private void step(long id, int steps, LocalDate on) {
        LocalDate[] days = {on.minusDays(60), on.minusDays(48), on.minusDays(36), on.minusDays(30), on};
        for (int s = 0; s < steps; s++) {
            records.step(id, STEPS[s], days[s], s == 3 ? on.minusDays(12) : null, null, ACTOR);
        }
    }
}

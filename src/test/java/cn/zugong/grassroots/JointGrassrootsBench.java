package cn.zugong.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 海岛 and 党建联建 in {@code bench/run.sh grassroots} (ADR 073): 500 committees on the city's townships, each with 4
 * member branches, 10 paired units and 10 projects of 4 results (5,000 projects, 20,000 results), written once with
 * SQL; the figures page, API and Excel, the committees' list and the islands page and API measured over real HTTP as
 * the city's administrator; the figures' and the islands' totals recounted by hand in SQL.
 */
@Tag("bench")
@IntegrationTest
class JointGrassrootsBench extends GrassrootsBenchSupport {

    static final int COMMITTEES = 500;
    static final int MEMBERS_EACH = 4;
    static final int PAIRS_EACH = 10;
    static final int PROJECTS_EACH = 10;
    static final int RESULTS_EACH = 4;
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);

    @org.springframework.beans.factory.annotation.Autowired cn.zugong.TestClock clock;

    @Test
    void figuresAndIslandsAnswerFastAndAgreeWithTheRecount() {
        Base base = base();
        generate(base);
        var browser = signIn("admin");
        String period = "?from=" + FROM + "&to=" + TO;
        List<Latency> latencies = new ArrayList<>();
        for (String path : List.of("/prosperity/joint/figures" + period, "/prosperity/joint/figures.xlsx" + period,
                "/prosperity/joint", "/party/islands")) {
            latencies.add(print(browser.measure(path)));
        }
        Browser api = apiClient("admin");
        for (String path : List.of("/api/prosperity/joint/figures" + period, "/api/party/islands")) {
            latencies.add(print(api.measure(path)));
        }
        String figures = api.get("/api/prosperity/joint/figures" + period).body();
        Map<String, Object> hand = recount();
        boolean equal = true;
        for (var e : hand.entrySet()) {
            Object answered = JsonPath.read(figures, "$.total." + e.getKey());
            boolean same = new BigDecimal(answered.toString()).compareTo(new BigDecimal(e.getValue().toString())) == 0;
            if (!same) {
                System.out.println("joint recount differs: " + e.getKey() + " answered " + answered + " by hand "
                        + e.getValue());
            }
            equal &= same;
        }
        String islands = api.get("/api/party/islands").body();
        long islandMembers = ((Number) JsonPath.read(islands, "$.totals.members")).longValue();
        long islandHand = jdbc.queryForObject("""
                select count(*) from party_member m where m.joined_party_date <= ? and m.branch_id in (
                  select b.id from org_node b join org_node v on b.path like v.path || '%'
                  join island_village iv on iv.village_id = v.id where b.kind = 'PARTY_ORG')""", Long.class,
                Date.valueOf(LocalDate.now(clock).withMonth(12).withDayOfMonth(31)));
        if (islandMembers != islandHand) {
            System.out.println("joint recount differs: island members answered " + islandMembers + " by hand "
                    + islandHand);
            equal = false;
        }
        int errors5xx = 0;
        for (Latency l : latencies) {
            errors5xx += l.failures();
        }
        double worst = latencies.stream().mapToDouble(Latency::p99).max().orElse(0);
        long results = jdbc.queryForObject("select count(*) from joint_result", Long.class);
        part("joint", String.format("rows=%d worst_p99_ms=%.1f recount=%s errors5xx=%d committees=%s projects=%s "
                        + "island_members=%d", results, worst, equal ? "ok" : "differs", errors5xx,
                hand.get("committees"), hand.get("projects"), islandMembers));
        assertThat(errors5xx).isZero();
        assertThat(equal).isTrue();
    }

    private static Latency print(Latency l) {
        System.out.println("joint " + l.path() + " " + l.figures() + " failures=" + l.failures());
        return l;
    }

    /** The figures' totals for the city and the period, written from the ADR's definitions, not from the code. */
    private Map<String, Object> recount() {
        Date from = Date.valueOf(FROM);
        Date to = Date.valueOf(TO);
        String city = "(select j.id from joint_committee j join org_node n on n.id = j.node_id "
                + "where n.path like '/33/3309/%' and j.founded_on <= ?)";
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("committees", jdbc.queryForObject("select count(*) from " + city + " x", Long.class, to));
        out.put("members", jdbc.queryForObject("select count(*) from joint_member where committee_id in " + city,
                Long.class, to));
        out.put("pairs", jdbc.queryForObject("select count(*) from joint_pair where committee_id in " + city,
                Long.class, to));
        out.put("projects", jdbc.queryForObject("select count(*) from joint_project where committee_id in " + city
                + " and starts_on <= ? and (ends_on is null or ends_on >= ?)", Long.class, to, to, from));
        Map<String, Object> r = jdbc.queryForMap("select count(*) as n, sum(funds_yuan) as f, sum(people_served) as p, "
                + "sum(income_yuan) as i from joint_result where result_date between ? and ? and project_id in "
                + "(select id from joint_project where committee_id in " + city + ")", from, to, to);
        out.put("results", r.get("n"));
        out.put("fundsYuan", r.get("f") == null ? 0 : r.get("f"));
        out.put("peopleServed", r.get("p") == null ? 0 : r.get("p"));
        out.put("incomeYuan", r.get("i") == null ? 0 : r.get("i"));
        return out;
    }

    /** The bench's committees, once: skipped when they are there. */
    private void generate(Base base) {
        if (jdbc.queryForObject("select count(*) from joint_committee where created_by = 'bench'", Long.class) > 0) {
            return;
        }
        List<long[]> townships = jdbc.query("""
                select t.id, b.id from org_node t join org_node b on b.parent_id = t.id and b.kind = 'PARTY_ORG'
                where t.kind = 'TOWNSHIP' and t.code like '3309%' order by t.code""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        String[] kinds = {"JOINT", "FUNCTIONAL", "ALLIANCE"};
        List<Object[]> committees = new ArrayList<>();
        for (int i = 0; i < COMMITTEES; i++) {
            committees.add(new Object[] {townships.get(i % townships.size())[0], "性能联建" + i, kinds[i % 3],
                Date.valueOf(LocalDate.of(2024, 1, 1).plusDays(i * 7L % 1000)), "bench"});
        }
        jdbc.batchUpdate("insert into joint_committee (node_id, name, kind, founded_on, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, current_timestamp)", committees);
        List<Long> ids = jdbc.queryForList("select id from joint_committee where created_by = 'bench' order by id",
                Long.class);
        List<Village> villages = base.villages();
        List<Object[]> members = new ArrayList<>();
        List<Object[]> pairs = new ArrayList<>();
        List<Object[]> projects = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            for (int k = 0; k < MEMBERS_EACH; k++) {
                long branch = villages.get((i * MEMBERS_EACH + k) % villages.size()).branchId();
                members.add(new Object[] {id, branch, k == 0 ? "LEAD" : "MEMBER", k + 1});
            }
            for (int k = 0; k < PAIRS_EACH; k++) {
                pairs.add(new Object[] {id, "性能结对单位" + i + "-" + k, k % 2 == 0 ? "UNIT" : "ENTERPRISE",
                    Date.valueOf(LocalDate.of(2024, 6, 1))});
            }
            long lead = villages.get((i * MEMBERS_EACH) % villages.size()).branchId();
            for (int k = 0; k < PROJECTS_EACH; k++) {
                LocalDate start = LocalDate.of(2025, 1, 1).plusDays((i * 31L + k * 43L) % 700);
                projects.add(new Object[] {id, "性能项目" + i + "-" + k, lead, Date.valueOf(start),
                    k % 2 == 0 ? null : Date.valueOf(start.plusDays(200)), "ACTIVE"});
            }
        }
        jdbc.batchUpdate("insert into joint_member (committee_id, org_id, role, rotation_order) values (?, ?, ?, ?)",
                distinct(members));
        jdbc.batchUpdate("insert into joint_pair (committee_id, outside_name, kind, paired_on) values (?, ?, ?, ?)",
                pairs);
        jdbc.batchUpdate("insert into joint_project (committee_id, name, lead_org_id, starts_on, ends_on, status, "
                + "created_by, created_at) values (?, ?, ?, ?, ?, ?, 'bench', current_timestamp)", projects);
        List<long[]> projectIds = jdbc.query("select id, starts_on from joint_project where created_by = 'bench' "
                + "order by id", (rs, i) -> new long[] {rs.getLong(1), rs.getDate(2).toLocalDate().toEpochDay()});
        List<Object[]> results = new ArrayList<>();
        for (int j = 0; j < projectIds.size(); j++) {
            for (int k = 0; k < RESULTS_EACH; k++) {
                int n = j * RESULTS_EACH + k;
                LocalDate day = LocalDate.ofEpochDay(projectIds.get(j)[1]).plusDays(k * 90L + n % 60);
                results.add(new Object[] {projectIds.get(j)[0], Date.valueOf(day), "性能成效" + n,
                    new BigDecimal((n % 7) * 1000 + ".50"), n % 50, new BigDecimal((n % 5) * 200)});
            }
        }
        jdbc.batchUpdate("insert into joint_result (project_id, result_date, summary, funds_yuan, people_served, "
                + "income_yuan, created_by, created_at) values (?, ?, ?, ?, ?, ?, 'bench', current_timestamp)", results);
    }

    /** Members are unique per committee: a small city repeats branches when it wraps around. */
    private static List<Object[]> distinct(List<Object[]> members) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return members.stream().filter(m -> seen.add(m[0] + "/" + m[1])).toList();
    }
}

package cn.zugong.talent.internal.grants;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench/run.sh talent}: 200,000 talents (default; {@code -Dbench.talents}) with their facts — 2,000
 * employers (one in seven in the published 2026 directory), employment, house purchases, rentals and twelve months of
 * social security (~1.9M rows) — generated in SQL under a node of their own on PostgreSQL, then the November 2026
 * grant run of that node through {@link GrantRuns#compute}. The run's lines are checked per rule (count and sum)
 * against a recount written by hand below from the published policy (talent/benefits.yaml as a 人才办 officer reads
 * it), with correlated sub-queries per talent — not from {@link GrantComputation}'s SQL. Prints the figures; the
 * last line starts with {@code talent }; fails when any total differs. Tagged "bench": not in the normal run.
 */
@Tag("bench")
@IntegrationTest
class TalentGrantBenchmark {

    @Autowired OrgBuilder builder;
    @Autowired OrgTree tree;
    @Autowired GrantRuns runs;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aMonthFor200000Talents() {
        int n = Integer.getInteger("bench.talents", 200_000);
        if (tree.byCode("3309GRB").isEmpty()) {
            builder.addUnits(List.of(new NewUnit("3309", "3309GRB", "码上秒享基准单位", 990, "行政机关", "市直", 10, List.of())));
        }
        OrgNode node = tree.byCode("3309GRB").orElseThrow();
        long t0 = System.nanoTime();
        generate(n, node.id());
        long generateMs = (System.nanoTime() - t0) / 1_000_000;
        // as after an import the night before: autovacuum has set the hint bits and gathered the statistics
        jdbc.execute("vacuum analyze");

        CurrentUser admin = new CurrentUser(0, "bench-admin", "基准管理员", Role.ADMIN, node.asScope(), node.name());
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t1 = System.nanoTime();
        GrantRun run = runs.compute(YearMonth.of(2026, 11), admin);
        long computeMs = (System.nanoTime() - t1) / 1_000_000;
        long heapMb = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);

        Map<String, Object[]> engine = new LinkedHashMap<>();
        jdbc.query("select rule_code, count(*), sum(amount) from talent_grant_line where run_id = ? group by rule_code "
                + "order by rule_code", rs -> {
            engine.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getBigDecimal(3)});
        }, run.id());
        long t2 = System.nanoTime();
        Map<String, Object[]> recount = recount(node.id());
        long recountMs = (System.nanoTime() - t2) / 1_000_000;

        boolean match = true;
        for (String rule : List.of("HOUSE_PURCHASE", "HOUSING", "RENT", "SETTLING")) {
            Object[] e = engine.getOrDefault(rule, new Object[] {0L, BigDecimal.ZERO});
            Object[] r = recount.get(rule);
            boolean same = e[0].equals(r[0]) && ((BigDecimal) e[1]).compareTo((BigDecimal) r[1]) == 0;
            match &= same;
            System.out.printf("rule %s lines=%d amount=%s recount_lines=%d recount_amount=%s %s%n", rule, e[0],
                    ((BigDecimal) e[1]).toPlainString(), r[0], ((BigDecimal) r[1]).toPlainString(), same ? "ok" : "DIFFERS");
        }
        // the same month again after review: nothing new, nothing twice
        CurrentUser reviewer = new CurrentUser(0, "bench-reviewer", "基准审核员", Role.REVIEWER, node.asScope(), node.name());
        runs.approve(run.id(), null, reviewer);
        long t3 = System.nanoTime();
        GrantRun again = runs.compute(YearMonth.of(2026, 11), admin);
        long rerunMs = (System.nanoTime() - t3) / 1_000_000;
        long twice = jdbc.queryForObject("select count(*) from (select talent_id, ent_key from talent_grant_line "
                + "where kind = 'GRANT' group by talent_id, ent_key having count(*) > 1) d", Long.class);
        match &= again.lineCount() == 0 && twice == 0;
        System.out.printf("rerun lines=%d ms=%d paid_twice=%d%n", again.lineCount(), rerunMs, twice);
        long facts = jdbc.queryForObject("select (select count(*) from talent_employment) + (select count(*) from "
                + "talent_house_purchase) + (select count(*) from talent_rental) + (select count(*) from "
                + "talent_social_security)", Long.class);
        System.out.printf("talent talents=%d facts=%d lines=%d total=%s compute_ms=%d rerun_ms=%d recount_ms=%d "
                        + "generate_ms=%d heap_mb=%d target=%s match=%s%n", n, facts, run.lineCount(),
                run.totalAmount().toPlainString(), computeMs, rerunMs, recountMs, generateMs, heapMb, computeMs <= 10_000 && heapMb <= 1024 ? "met" : "missed", match);
        assertThat(match).as("grant lines equal the hand-written recount, and the rerun adds none").isTrue();
    }

    /** PostgreSQL, set-based: employers, talents and their facts for {@code n} talents of node {@code node}. */
    private void generate(int n, long node) {
        jdbc.update("""
                insert into talent_employer (node_id, credit_code, name, kind, industry, created_by, created_at)
                select ?, 'GRB' || lpad(g::text, 15, '0'), '基准企业' || g, 'ENTERPRISE', 'OTHER', 'bench-grants', now()
                  from generate_series(0, 1999) g
                """, node);
        jdbc.update("""
                insert into talent (node_id, employer_id, name, gender, birth_date, id_number, id_number_idx, category,
                    field, education, arrived_on, level, level_route, status, created_by, created_at, updated_at)
                select ?, e.id, '基准人才' || g, case when g % 2 = 0 then '男' else '女' end, date '1985-01-01' + (g % 5000),
                       'bench', 'bench-grants-' || g, 'ENGINEER', 'OTHER', 'MASTER', date '2021-01-01' + ((g * 7919) % 2160),
                       case when (g * 31) % 200 < 1 then 'A' when (g * 31) % 200 < 5 then 'B' when (g * 31) % 200 < 20 then 'C'
                            when (g * 31) % 200 < 80 then 'D' when (g * 31) % 200 < 160 then 'E' end,
                       'REGULAR', 'ACTIVE', 'bench-grants', now(), now()
                  from generate_series(1, ?) g
                  join (select id, row_number() over (order by id) - 1 rn from talent_employer
                         where created_by = 'bench-grants') e on e.rn = g % 2000
                """, node, n);
        jdbc.update("""
                insert into talent_employment (talent_id, employer_id, from_date, to_date, imported_by, imported_at)
                select t.id, t.employer_id, t.arrived_on, case when t.id % 33 = 5 and t.arrived_on < date '2026-10-31' then date '2026-10-31' end, 'bench', now()
                  from talent t where t.created_by = 'bench-grants' and t.id % 10 <> 3
                """);
        jdbc.update("""
                insert into talent_house_purchase (talent_id, contract_date, address, area, imported_by, imported_at)
                select t.id, case when t.id % 40 = 0 then t.arrived_on - 30 else t.arrived_on + ((t.id * 13) % 1500)::int end,
                       '基准路' || t.id || '号', 90, 'bench', now()
                  from talent t where t.created_by = 'bench-grants' and t.id % 4 = 0
                """);
        jdbc.update("""
                insert into talent_rental (talent_id, from_date, to_date, monthly_rent, imported_by, imported_at)
                select t.id, t.arrived_on, case when t.id % 9 = 0 and t.arrived_on < date '2026-08-31' then date '2026-08-31' end, 800 + ((t.id * 17) % 30) * 100,
                       'bench', now()
                  from talent t where t.created_by = 'bench-grants' and t.id % 2 = 1
                """);
        jdbc.update("""
                insert into talent_social_security (talent_id, pay_month, paid_in_city, imported_by, imported_at)
                select t.id, m.pay_month, (t.id + m.pay_month) % 23 <> 0, 'bench', now()
                  from talent t cross join (select (extract(year from d) * 100 + extract(month from d))::int pay_month
                                              from generate_series(date '2025-12-01', date '2026-11-01', interval '1 month') d) m
                 where t.created_by = 'bench-grants' and t.id % 5 <> 0
                """);
        jdbc.update("""
                insert into talent_directory (report_year, cutoff, published_at, published_by)
                select 2026, 0, now(), 'bench' where not exists (select 1 from talent_directory where report_year = 2026)
                """);
        jdbc.update("update talent_directory set published_at = coalesce(published_at, now()) where report_year = 2026");
        jdbc.update("""
                insert into talent_directory_entry (report_year, employer_id, score, ranking, listed)
                select 2026, e.id, 1, row_number() over (order by e.id), e.id % 7 = 0
                  from talent_employer e where e.created_by = 'bench-grants'
                """);
    }

    /**
     * The recount, by hand: for every talent of the node, what the published policy gives in November 2026 —
     * 购房补贴 (A 300万 B 150万 C 80万 D 40万 E 15万, ×1.2 in the directory, at most 300万; a house bought after arrival,
     * employed), 安家补助 (A 100万 B 50万 C 20万 D 10万, ×1.2, at most 100万; arrived within 36 months, employed),
     * 租房补贴 (D 2000 E 1000 a month, ×1.2, never more than the rent; renting, employed, paid in the city in November,
     * arrived within 36 months), 安居补助 (E 2万; employed, 6 of the last 12 months in the city, arrived within 24).
     */
    private Map<String, Object[]> recount(long node) {
        Map<String, Object[]> out = new LinkedHashMap<>();
        jdbc.query("""
                with f as (
                  select t.id, t.level, t.arrived_on,
                         exists (select 1 from talent_employment e where e.talent_id = t.id
                                  and e.from_date <= date '2026-11-30' and (e.to_date is null or e.to_date >= date '2026-11-01')) employed,
                         exists (select 1 from talent_employment e
                                   join talent_directory_entry d on d.employer_id = e.employer_id and d.report_year = 2026 and d.listed
                                   join talent_directory y on y.report_year = 2026 and y.published_at is not null
                                  where e.talent_id = t.id and e.from_date <= date '2026-11-30'
                                    and (e.to_date is null or e.to_date >= date '2026-11-01')) in_directory,
                         exists (select 1 from talent_house_purchase h where h.talent_id = t.id
                                  and h.contract_date >= t.arrived_on and h.contract_date <= date '2026-11-30') bought,
                         (select r.monthly_rent from talent_rental r where r.talent_id = t.id and r.from_date <= date '2026-11-30'
                             and (r.to_date is null or r.to_date >= date '2026-11-01') order by r.id limit 1) rent,
                         exists (select 1 from talent_social_security s where s.talent_id = t.id and s.pay_month = 202611
                                  and s.paid_in_city) paid_now,
                         (select count(*) from talent_social_security s where s.talent_id = t.id
                             and s.pay_month >= 202512 and s.pay_month <= 202611 and s.paid_in_city) paid_12
                    from talent t
                   where t.node_id = ? and t.status = 'ACTIVE' and t.level is not null and t.arrived_on <= date '2026-11-30'
                ), g as (
                  select 'HOUSE_PURCHASE' rule, least((case level when 'A' then 3000000 when 'B' then 1500000 when 'C' then 800000
                           when 'D' then 400000 else 150000 end) * (case when in_directory then 1.2 else 1 end), 3000000) amount
                    from f where employed and bought
                  union all
                  select 'SETTLING', least((case level when 'A' then 1000000 when 'B' then 500000 when 'C' then 200000
                           else 100000 end) * (case when in_directory then 1.2 else 1 end), 1000000)
                    from f where employed and level in ('A', 'B', 'C', 'D') and arrived_on > date '2023-11-01'
                  union all
                  select 'RENT', least((case level when 'D' then 2000 else 1000 end) * (case when in_directory then 1.2 else 1 end), rent)
                    from f where employed and level in ('D', 'E') and rent is not null and paid_now
                     and arrived_on > date '2023-11-01'
                  union all
                  select 'HOUSING', 20000 from f where employed and level = 'E' and paid_12 >= 6 and arrived_on > date '2024-11-01'
                )
                select r.rule, count(g.amount), coalesce(sum(round(g.amount, 2)), 0)
                  from (values ('HOUSE_PURCHASE'), ('HOUSING'), ('RENT'), ('SETTLING')) r(rule)
                  left join g on g.rule = r.rule group by r.rule order by r.rule
                """, rs -> {
            out.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getBigDecimal(3)});
        }, node);
        return out;
    }
}

package cn.zugong.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 流动党员 in {@code bench/run.sh grassroots} (issue 18, ADR 070): 30,000 mobile members — files for base members,
 * each with two contacts and its events, generated once with SQL (a tenth overdue, one in fifty lost, one in
 * twenty-five returned, a tenth left unmanaged, the rest managed by the demo's hosts) — the figures page, API and
 * workbook and the 逐人纳管 and 督办 lists measured over real HTTP as the city's admin, and the figures' totals
 * compared with a recount written by hand in SQL.
 */
@Tag("bench")
@IntegrationTest
class MobileGrassrootsBench extends GrassrootsBenchSupport {

    static final int FILES = Integer.getInteger("bench.mobile", 30_000);

    @Autowired Clock clock;

    @Test
    void figuresAndListsOf30000MobileMembers() {
        Base base = base();
        long before = System.currentTimeMillis();
        int made = generate(base);
        long generated = System.currentTimeMillis() - before;

        Browser admin = signIn("admin");
        List<Latency> latencies = new ArrayList<>();
        for (String path : List.of("/party/mobile/figures", "/party/mobile/figures.xlsx", "/party/mobile/unmanaged",
                "/party/mobile/overdue", "/party/mobile")) {
            latencies.add(admin.measure(path));
        }
        latencies.add(apiClient("admin").measure("/api/party/mobile/figures"));
        latencies.forEach(l -> System.out.println("mobile-route " + l.path() + " " + l.figures()
                + " failures=" + l.failures()));

        // the recount, by hand: the city admin's scope is the whole city
        String city = jdbc.queryForObject("select path from org_node where code = '3309'", String.class) + "%";
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> hand = jdbc.queryForMap("""
                select count(*) as files,
                       sum(case when f.state in ('OUT', 'IN', 'LOST') then 1 else 0 end) as active,
                       sum(case when f.state = 'LOST' then 1 else 0 end) as lost,
                       sum(case when f.state in ('OUT', 'IN', 'LOST') and f.host_id is null then 1 else 0 end) as unmanaged,
                       sum(case when f.state in ('OUT', 'IN', 'LOST') and f.host_id is not null then 1 else 0 end) as managed,
                       sum(case when f.state in ('OUT', 'IN', 'LOST') and f.next_due < ? then 1 else 0 end) as overdue
                from mobile_file f
                where f.branch_id in (select n.id from org_node n where n.path like ?)""", today, city);
        String api = admin.get("/party/mobile/figures").body();
        String unmanagedList = admin.get("/party/mobile/unmanaged").body();
        boolean equal = num(hand.get("files")) == cell(api, "h-files")
                && num(hand.get("active")) == cell(api, "h-active")
                && num(hand.get("lost")) == cell(api, "h-lost")
                && num(hand.get("unmanaged")) == cell(api, "h-unmanaged")
                && num(hand.get("unmanaged")) == cell(unmanagedList, "unmanaged-count")
                && num(hand.get("overdue")) == cell(api, "h-overdue");
        System.out.println("mobile-recount hand=" + hand + " api=" + api.substring(0, Math.min(400, api.length())));

        double worst = latencies.stream().mapToDouble(Latency::p99).max().orElse(0);
        int failures = latencies.stream().mapToInt(Latency::failures).sum();
        long rows = jdbc.queryForObject("select count(*) from mobile_file", Long.class);
        long contacts = jdbc.queryForObject("select count(*) from mobile_contact", Long.class);
        part("mobile", String.format("rows=%d worst_p99_ms=%.1f recount=%s errors5xx=%d contacts=%d generated=%d "
                        + "generate_ms=%d figures_p99_ms=%.1f unmanaged_p99_ms=%.1f", rows, worst,
                equal ? "ok" : "differs", failures, contacts, made, generated, latencies.get(0).p99(),
                latencies.get(2).p99()));
        assertThat(failures).isZero();
        assertThat(equal).as("the figures equal the hand recount").isTrue();
    }

    /** The number in the element with that id on a page. */
    private static long cell(String html, String id) {
        var m = java.util.regex.Pattern.compile("id=\"" + id + "\"[^>]*>\\s*([0-9]+)").matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** Files for base members without one, up to {@link #FILES} bench files; one INSERT … SELECT per table. */
    private int generate(Base base) {
        long have = jdbc.queryForObject("select count(*) from mobile_file where created_by = 'bench'", Long.class);
        if (have >= FILES) {
            return 0;
        }
        long[] ids = base.memberIds();
        // every third base member from the end, so the demo's own (older, lower ids) members keep theirs
        long from = ids[Math.max(0, ids.length - 3 * FILES)];
        int n = jdbc.update("""
                insert into mobile_file (member_id, branch_id, name, province, city, district, in_city, employer,
                    left_on, reason, relation, state, host_id, host_rule, managed_on, last_contact_on, next_due,
                    created_at, created_by)
                select m.id, m.branch_id, m.name, null,
                       case mod(m.id, 7) when 0 then '杭州市' when 1 then '宁波市' when 2 then '上海市' when 3 then '北京市'
                                         when 4 then '深圳市' when 5 then '苏州市' else '广州市' end,
                       null, false, '测试企业', date '2025-06-01', '务工', '未转出',
                       case when mod(m.id, 50) = 0 then 'LOST' when mod(m.id, 25) = 1 then 'RETURNED' else 'OUT' end,
                       case when mod(m.id, 10) = 3 then null
                            else (select min(h.id) from mobile_host h where h.kind = 'REGIONAL') end,
                       case when mod(m.id, 10) = 3 then null else 'REGIONAL' end,
                       case when mod(m.id, 10) = 3 then null else date '2026-02-01' end,
                       date '2026-09-15',
                       case when mod(m.id, 25) = 1 then null when mod(m.id, 10) = 7 then date '2026-10-01'
                            else date '2027-02-01' end,
                       timestamp '2026-01-01 00:00:00', 'bench'
                from party_member m
                where m.id >= ? and mod(m.id, 3) = 0
                  and not exists (select 1 from mobile_file f where f.member_id = m.id)
                fetch first %d rows only""".formatted(FILES - have), from);
        jdbc.update("""
                insert into mobile_contact (file_id, contacted_on, channel, by_name, content, recorded_at, recorded_by)
                select f.id, d.on_day, '电话', '村书记', '了解近况', timestamp '2026-09-15 10:00:00', 'bench'
                from mobile_file f cross join (select date '2026-06-15' as on_day union all select date '2026-09-15') d
                where f.created_by = 'bench' and not exists (select 1 from mobile_contact c where c.file_id = f.id)""");
        jdbc.update("""
                insert into mobile_event (file_id, kind, happened_on, recorded_at, recorded_by)
                select f.id, 'LEFT', f.left_on, timestamp '2026-01-01 00:00:00', 'bench' from mobile_file f
                where f.created_by = 'bench' and not exists (select 1 from mobile_event e where e.file_id = f.id)""");
        jdbc.update("""
                insert into mobile_event (file_id, kind, happened_on, recorded_at, recorded_by)
                select f.id, case f.state when 'LOST' then 'LOST' else 'RETURNED' end, date '2026-10-01',
                       timestamp '2026-10-01 00:00:00', 'bench' from mobile_file f
                where f.created_by = 'bench' and f.state in ('LOST', 'RETURNED')
                  and (select count(*) from mobile_event e where e.file_id = f.id) = 1""");
        return n;
    }
}

package cn.zugong.party;

import cn.zugong.shared.NumberPhrases;
import cn.zugong.org.Island;
import cn.zugong.org.Islands;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.time.MonthSpans;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of 党员报到 for a scope and a period (ADR 069), read by the figures page, its API and Excel, and by the
 * annual review: members reported, villages and islands covered (and the remote islands with nobody yet), service
 * logs, elderly people visited, funds obtained, posts. Counted over the villages inside the scope: one aggregate
 * query by village (the logs from their monthly sums, ADR 082), one list of (member, village) pairs for the distinct
 * member counts, one monthly series; the roll-up by county and island is done in memory (islands are the org
 * module's data).
 *
 * <p>A member counts as reported in the period when the village confirmed the report on or before the period's end
 * and it had not ended before the period's start; a log counts in the period of its service date; a post when its
 * own period overlaps.
 */
@Service
public class CheckinFigures {

    /** One line of a table (a village, a county, an island or the total). */
    public record Line(String name, String county, boolean remote, long members, long villages, long logs,
                       long elderlyVisits, BigDecimal fundsYuan, long posts, long places, long claimed) {
        public BigDecimal fundsWan() {
            return NumberPhrases.wan(fundsYuan);
        }
    }

    public record Month(int year, int month, long logs, long elderlyVisits, BigDecimal fundsYuan) {
        public String label() {
            return year + "-" + (month < 10 ? "0" : "") + month;
        }
    }

    /**
     * The figures. {@code islandsKnown} says whether any island of the scope is on record (the islands data may not
     * be loaded); {@code sentence} is the summary in the words of the campaign's report.
     */
    public record Figures(LocalDate from, LocalDate to, Line total, long islandsCovered, long remoteIslandsCovered,
                          long remoteIslands, boolean islandsKnown, List<String> remoteIslandsWithNobody,
                          List<Line> byCounty, List<Line> byIsland, List<Line> byVillage, List<Month> byMonth,
                          String sentence) {
    }

    private record VillageRow(long id, String name, String path, long logs, long elderly, BigDecimal funds,
                              long posts, long places, long claimed) {
    }

    private final JdbcClient jdbc;
    private final Islands islands;
    private final OrgTree tree;

    CheckinFigures(JdbcClient jdbc, Islands islands, OrgTree tree) {
        this.jdbc = jdbc;
        this.islands = islands;
        this.tree = tree;
    }

    @Transactional(readOnly = true)
    public Figures of(OrgScope scope, LocalDate from, LocalDate to) {
        Map<Long, VillageRow> villages = villageRows(scope, from, to);
        Map<Long, Set<Long>> membersByVillage = members(scope, from, to);
        Map<String, OrgNode> counties = counties();
        List<Island> islandsInScope = islandsIn(scope, counties);
        Map<Long, Island> islandOf = new HashMap<>();
        islandsInScope.forEach(i -> i.villageIds().forEach(v -> islandOf.put(v, i)));

        Map<Long, Acc> byVillage = new LinkedHashMap<>();
        Map<String, Acc> byCounty = new LinkedHashMap<>();
        Map<Long, Acc> byIsland = new LinkedHashMap<>();
        islandsInScope.forEach(i -> byIsland.put(i.id(), new Acc(i.name(), i.countyName(), i.remote())));
        Acc total = new Acc("合计", "", false);
        Set<Long> keys = new HashSet<>(villages.keySet());
        keys.addAll(membersByVillage.keySet());
        for (long id : keys) {
            VillageRow row = villages.get(id);
            if (row == null) {
                continue; // members of a village outside the scope are not in villages: cannot happen, same filter
            }
            Set<Long> members = membersByVillage.getOrDefault(id, Set.of());
            OrgNode county = countyOf(row.path(), counties);
            String countyName = county == null ? "（其他）" : county.name();
            Island island = islandOf.get(id);
            Acc v = byVillage.computeIfAbsent(id, k -> new Acc(row.name(), countyName,
                    island != null && island.remote()));
            for (Acc acc : new Acc[] {v, byCounty.computeIfAbsent(countyName, k -> new Acc(k, k, false)), total,
                    island == null ? null : byIsland.get(island.id())}) {
                if (acc != null) {
                    acc.add(row, members);
                }
            }
        }
        List<String> nobody = new ArrayList<>();
        long islandsCovered = 0;
        long remoteCovered = 0;
        long remote = 0;
        for (Island i : islandsInScope) {
            boolean covered = !byIsland.get(i.id()).members.isEmpty();
            islandsCovered += covered ? 1 : 0;
            if (i.remote()) {
                remote++;
                remoteCovered += covered ? 1 : 0;
                if (!covered) {
                    nobody.add(i.name() + "（" + i.countyName() + "）");
                }
            }
        }
        Line totalLine = total.line();
        String sentence = sentence(totalLine, !islandsInScope.isEmpty(), remoteCovered);
        return new Figures(from, to, totalLine, islandsCovered, remoteCovered, remote, !islandsInScope.isEmpty(),
                nobody, sorted(byCounty.values()), byIsland.values().stream().map(Acc::line).toList(),
                sorted(byVillage.values()), months(scope, from, to), sentence);
    }

    /** 「已有1200余名党员报到，覆盖37个偏远小岛，走访老年群众3656人次，帮助争取各类补助帮扶资金1300余万元」 from the data. */
    static String sentence(Line total, boolean islandsKnown, long remoteCovered) {
        String coverage = islandsKnown ? "覆盖" + remoteCovered + "个偏远小岛" : "覆盖" + total.villages() + "个村（社区）";
        return "已有" + NumberPhrases.about(total.members()) + "名党员报到，" + coverage + "，走访老年群众"
                + total.elderlyVisits() + "人次，帮助争取各类补助帮扶资金" + NumberPhrases.yuan(total.fundsYuan());
    }

    private static List<Line> sorted(java.util.Collection<Acc> accs) {
        return accs.stream().map(Acc::line).sorted(Comparator.comparingLong(Line::members).reversed()
                .thenComparing(Line::name)).toList();
    }

    private Map<Long, VillageRow> villageRows(OrgScope scope, LocalDate from, LocalDate to) {
        String inScope = "village_id in (select s.id from org_node s where s.path like :sp)";
        Map<Long, VillageRow> out = new HashMap<>();
        jdbc.sql("""
                select v.id, v.name, v.path, sum(x.logs) as logs, sum(x.elderly) as elderly, sum(x.funds) as funds,
                       sum(x.posts) as posts, sum(x.places) as places, sum(x.claimed) as claimed
                from (
                  select village_id, 0 as logs, 0 as elderly, cast(0 as decimal(16, 2)) as funds, 0 as posts,
                         0 as places, 0 as claimed
                  from checkin_registration
                  where status in ('ACTIVE', 'ENDED') and reported_on <= :to and (ended_on is null or ended_on >= :from)
                    and %1$s group by village_id
                  union all
                  select village_id, sum(logs), sum(elderly), sum(funds), 0, 0, 0 from (%2$s) l group by village_id
                  union all
                  select village_id, 0, 0, cast(0 as decimal(16, 2)), count(*), sum(capacity), sum(claimed)
                  from checkin_post where starts_on <= :to and ends_on >= :from and %1$s group by village_id
                ) x join org_node v on v.id = x.village_id
                group by v.id, v.name, v.path""".formatted(inScope, LOG_SUMS))
                .params(logParams(scope, from, to))
                .query((rs, i) -> out.put(rs.getLong("id"), new VillageRow(rs.getLong("id"), rs.getString("name"),
                        rs.getString("path"), rs.getLong("logs"), rs.getLong("elderly"),
                        rs.getBigDecimal("funds") == null ? BigDecimal.ZERO : rs.getBigDecimal("funds"),
                        rs.getLong("posts"), rs.getLong("places"), rs.getLong("claimed"))))
                .list();
        return out;
    }

    /** The members reported in the period, by village (distinct members are counted from these pairs). */
    private Map<Long, Set<Long>> members(OrgScope scope, LocalDate from, LocalDate to) {
        Map<Long, Set<Long>> out = new HashMap<>();
        jdbc.sql("""
                select distinct village_id, member_id from checkin_registration
                where status in ('ACTIVE', 'ENDED') and reported_on <= :to and (ended_on is null or ended_on >= :from)
                  and village_id in (select s.id from org_node s where s.path like :sp)""")
                .param("sp", scope.pathPattern()).param("from", from).param("to", to)
                .query((rs, i) -> out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2)))
                .list();
        return out;
    }

    /** The monthly series, from the same monthly sums as the table. */
    private List<Month> months(OrgScope scope, LocalDate from, LocalDate to) {
        return jdbc.sql("select month_start, sum(logs) as logs, sum(elderly) as elderly, sum(funds) as funds from ("
                        + LOG_SUMS + ") l group by month_start order by month_start")
                .params(logParams(scope, from, to))
                .query((rs, i) -> {
                    LocalDate m = rs.getObject("month_start", LocalDate.class);
                    return new Month(m.getYear(), m.getMonthValue(), rs.getLong("logs"), rs.getLong("elderly"),
                            rs.getBigDecimal("funds"));
                }).list();
    }

    /**
     * The service logs of a period by village and month: the whole months from {@code checkin_log_month} (kept by
     * a trigger, ADR 082), the partial months at the period's ends from the logs themselves.
     */
    private static final String LOG_SUMS = """
            select village_id, month_start, logs, elderly_visits as elderly, funds_yuan as funds from checkin_log_month
            where month_start between :firstMonth and :lastMonth
              and village_id in (select s.id from org_node s where s.path like :sp)
            union all
            select village_id, cast(:headMonth as date), 1, elderly_visits, funds_yuan from checkin_log
            where served_on between :headFrom and :headTo
              and village_id in (select s.id from org_node s where s.path like :sp)
            union all
            select village_id, cast(:tailMonth as date), 1, elderly_visits, funds_yuan from checkin_log
            where served_on between :tailFrom and :tailTo
              and village_id in (select s.id from org_node s where s.path like :sp)""";

    private static Map<String, Object> logParams(OrgScope scope, LocalDate from, LocalDate to) {
        MonthSpans spans = MonthSpans.of(from, to);
        Map<String, Object> p = new HashMap<>();
        p.put("sp", scope.pathPattern());
        p.put("from", from);
        p.put("to", to);
        p.put("firstMonth", spans.firstMonth());
        p.put("lastMonth", spans.lastMonth());
        p.put("headMonth", spans.headMonth());
        p.put("headFrom", spans.headFrom());
        p.put("headTo", spans.headTo());
        p.put("tailMonth", spans.tailMonth());
        p.put("tailFrom", spans.tailFrom());
        p.put("tailTo", spans.tailTo());
        return p;
    }

    private Map<String, OrgNode> counties() {
        Map<String, OrgNode> out = new HashMap<>();
        jdbc.sql("select id from org_node where kind = 'COUNTY'").query(Long.class).list().stream()
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                        tree::byIds)).values().forEach(n -> out.put(n.code(), n));
        return out;
    }

    private static OrgNode countyOf(String path, Map<String, OrgNode> counties) {
        for (String code : path.split("/")) {
            OrgNode c = counties.get(code);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** Islands with a village in the scope, or (no village listed) whose county is in it or contains it. */
    private List<Island> islandsIn(OrgScope scope, Map<String, OrgNode> counties) {
        List<Island> all = islands.all();
        Set<Long> ids = new HashSet<>();
        all.forEach(i -> ids.addAll(i.villageIds()));
        Map<Long, OrgNode> villages = tree.byIds(ids);
        Map<Long, OrgNode> countyById = new HashMap<>();
        counties.values().forEach(c -> countyById.put(c.id(), c));
        return all.stream().filter(i -> i.villageIds().isEmpty()
                        ? countyById.containsKey(i.countyId()) && scope.contains(countyById.get(i.countyId()).path())
                        : i.villageIds().stream().map(villages::get)
                        .anyMatch(v -> v != null && scope.contains(v.path())))
                .toList();
    }

    /** A running total of a table line. */
    private static final class Acc {
        final String name;
        final String county;
        final boolean remote;
        final Set<Long> members = new HashSet<>();
        long villages;
        long logs;
        long elderly;
        BigDecimal funds = BigDecimal.ZERO;
        long posts;
        long places;
        long claimed;

        Acc(String name, String county, boolean remote) {
            this.name = name;
            this.county = county;
            this.remote = remote;
        }

        void add(VillageRow r, Set<Long> memberIds) {
            members.addAll(memberIds);
            villages += memberIds.isEmpty() ? 0 : 1;
            logs += r.logs();
            elderly += r.elderly();
            funds = funds.add(r.funds());
            posts += r.posts();
            places += r.places();
            claimed += r.claimed();
        }

        Line line() {
            return new Line(name, county, remote, members.size(), villages, logs, elderly, funds, posts, places,
                    claimed);
        }
    }
}

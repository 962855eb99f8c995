package cn.zugong.party.internal.mobile;

import cn.zugong.closure.Escalation;
import cn.zugong.party.MobileEventKind;
import cn.zugong.party.MobileFigures.County;
import cn.zugong.party.MobileFigures.Destination;
import cn.zugong.party.MobileFigures.Figures;
import cn.zugong.party.MobileFigures.Period;
import cn.zugong.party.MobileFigures.Totals;
import cn.zugong.shared.OrgScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures behind {@link cn.zugong.party.MobileFigures}: one conditional aggregate over the scope's files (with their
 * standing at the period's end, replayed from the last state events) grouped
 * by branch path (rolled up to counties in memory, as the people module's member counts do), one over destinations,
 * one each over the period's contacts and events, one over open candidates. The 督办 levels are compared as dates:
 * the latest due date that has reached each level today is worked out once on the calendar (MobileDue.cutoff).
 */
@Service
public class MobileCounts {

    private static final String OTHERS = "市直及其他";

    private final JdbcClient jdbc;
    private final MobileDue due;
    private final Clock clock;

    MobileCounts(JdbcClient jdbc, MobileDue due, Clock clock) {
        this.jdbc = jdbc;
        this.due = due;
        this.clock = clock;
    }

    public Figures of(OrgScope scope, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate periodTo = to == null ? today : to;
        LocalDate periodFrom = from == null ? periodTo.withDayOfYear(1) : from;
        String active = MobileRepository.ACTIVE;
        // counties in or above the scope, by path: each branch counts under the county whose path starts its own
        TreeMap<String, long[]> countyIds = new TreeMap<>();
        Map<String, String> countyNames = new LinkedHashMap<>();
        jdbc.sql("select id, name, path from org_node where kind = 'COUNTY' and (path like :scopePath "
                        + "or :scope like (path || '%')) order by path")
                .param("scopePath", scope.pathPattern()).param("scope", scope.path())
                .query(rs -> {
                    countyIds.put(rs.getString(3), new long[] {rs.getLong(1)});
                    countyNames.put(rs.getString(3), rs.getString(2));
                });
        // the standing at the period's end (MobileFigures.Standing) is counted in the same pass over the files
        LocalDate day = periodTo.isAfter(today) ? today : periodTo;
        String standingActive = "f.left_on <= :day and " + STATE_ON_DAY + " in " + ACTIVE_KINDS;
        long[] t = new long[16];
        Map<String, long[]> byCounty = new LinkedHashMap<>();
        countyNames.keySet().forEach(p -> byCounty.put(p, new long[5]));
        jdbc.sql("select b.path,"
                        + " count(*),"
                        + " sum(case when " + active + " then 1 else 0 end),"
                        + " sum(case when " + active + " and f.in_city = false then 1 else 0 end),"
                        + " sum(case when f.state = 'LOST' then 1 else 0 end),"
                        + " sum(case when " + active + " and f.host_rule = 'WORKPLACE' then 1 else 0 end),"
                        + " sum(case when " + active + " and f.host_rule = 'RESIDENCE' then 1 else 0 end),"
                        + " sum(case when " + active + " and f.host_rule = 'REGIONAL' then 1 else 0 end),"
                        + " sum(case when " + active + " and f.host_id is null then 1 else 0 end),"
                        + " sum(case when " + active + " and f.next_due < :today then 1 else 0 end),"
                        + " sum(case when " + active + " and f.next_due <= :yellow then 1 else 0 end),"
                        + " sum(case when " + active + " and f.next_due <= :red then 1 else 0 end),"
                        + " sum(case when " + active + " and f.next_due >= :today and f.next_due <= :soon then 1 else 0 end),"
                        + " sum(case when f.state = 'RETURNED' then 1 else 0 end),"
                        + " sum(case when f.state = 'GONE' then 1 else 0 end),"
                        + " sum(case when " + standingActive + " then 1 else 0 end),"
                        + " sum(case when " + standingActive + " and f.host_rule is not null and f.managed_on <= :day"
                        + " then 1 else 0 end)"
                        + " from mobile_file f join org_node b on b.id = f.branch_id " + LAST_STATE_EVENT
                        + " where b.path like :scopePath group by b.path")
                .param("scopePath", scope.pathPattern()).param("today", today)
                .param("yellow", due.cutoff(today, Escalation.YELLOW_CARD))
                .param("red", due.cutoff(today, Escalation.RED_CARD)).param("soon", today.plusDays(30))
                .param("day", day)
                .query(rs -> {
                    long[] v = new long[16];
                    for (int i = 0; i < 16; i++) {
                        v[i] = rs.getLong(i + 2);
                    }
                    for (int i = 0; i < 16; i++) {
                        t[i] += v[i];
                    }
                    var county = countyIds.floorEntry(rs.getString(1));
                    String key = county != null && rs.getString(1).startsWith(county.getKey()) ? county.getKey() : OTHERS;
                    long[] c = byCounty.computeIfAbsent(key, k -> new long[5]);
                    c[0] += v[1];
                    c[1] += v[4] + v[5] + v[6];
                    c[2] += v[7];
                    c[3] += v[8];
                    c[4] += v[3];
                });
        long candidates = jdbc.sql("select count(*) from mobile_candidate c join org_node b on b.id = c.branch_id "
                        + "where c.status = 'OPEN' and b.path like :scopePath")
                .param("scopePath", scope.pathPattern()).query(Long.class).single();
        // levels are cumulative in SQL (red ⊂ yellow ⊂ overdue): each file counts at its highest level only
        Totals totals = new Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[8] - t[9], t[9] - t[10],
                t[10], t[11], t[12], t[13], candidates);
        List<County> counties = new ArrayList<>();
        byCounty.forEach((path, c) -> {
            if (!path.equals(OTHERS) || c[0] > 0) {
                counties.add(new County(path.equals(OTHERS) ? null : countyIds.get(path)[0],
                        path.equals(OTHERS) ? OTHERS : countyNames.get(path), c[0], c[1], c[2], c[3], c[4]));
            }
        });
        List<Destination> destinations = jdbc.sql("select f.city, count(*) from mobile_file f join org_node b "
                        + "on b.id = f.branch_id where b.path like :scopePath and " + active
                        + " group by f.city order by count(*) desc, f.city")
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> new Destination(rs.getString(1), rs.getLong(2))).list();
        long[] contacts = new long[2];
        jdbc.sql("select count(*), count(distinct c.file_id) from mobile_contact c join mobile_file f on f.id = c.file_id "
                        + "join org_node b on b.id = f.branch_id where b.path like :scopePath "
                        + "and c.contacted_on between :from and :to")
                .param("scopePath", scope.pathPattern()).param("from", periodFrom).param("to", periodTo)
                .query(rs -> {
                    contacts[0] = rs.getLong(1);
                    contacts[1] = rs.getLong(2);
                });
        Map<MobileEventKind, Long> events = new EnumMap<>(MobileEventKind.class);
        for (MobileEventKind k : MobileEventKind.values()) {
            events.put(k, 0L);
        }
        jdbc.sql("select e.kind, count(*) from mobile_event e join mobile_file f on f.id = e.file_id "
                        + "join org_node b on b.id = f.branch_id where b.path like :scopePath "
                        + "and e.happened_on between :from and :to group by e.kind")
                .param("scopePath", scope.pathPattern()).param("from", periodFrom).param("to", periodTo)
                .query(rs -> {
                    events.put(MobileEventKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return new Figures(today, totals, counties, destinations,
                new Period(periodFrom, periodTo, contacts[0], contacts[1], events),
                new cn.zugong.party.MobileFigures.Standing(day, t[14], t[15]));
    }

    /**
     * A file's state on a day, replayed as MobileService.derive does: the state its last state event (not a 转接) up
     * to that day leaves it in, 在外流动 when there is none. Join {@link #LAST_STATE_EVENT} to {@code mobile_file f}
     * and read {@link #STATE_ON_DAY}: the last events of all files in one pass, not one lookup per file.
     */
    static final String LAST_STATE_EVENT = """
            left join (select distinct on (e.file_id) e.file_id, e.kind, e.happened_on, e.id from mobile_event e
                       where e.kind <> 'TRANSFER' and e.happened_on <= :day
                       order by e.file_id, e.happened_on desc, e.id desc) last_event on last_event.file_id = f.id""";
    static final String STATE_ON_DAY = "coalesce(last_event.kind, 'LEFT')";
    /** The event kinds that leave a member active (OUT, IN, LOST: see MobileEventKind.leaves). */
    static final String ACTIVE_KINDS = "('LEFT', 'RECONNECTED', 'FLOW_IN', 'LOST')";
}

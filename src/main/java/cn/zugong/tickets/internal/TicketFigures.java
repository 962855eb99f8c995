package cn.zugong.tickets.internal;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures straight from problem_ticket joined with its closure items: whole-set aggregates (GROUP BY), inside what the caller sees
 * ({@link Visibility}). Solved (解决) counts 销号 only; a ticket resolved but not yet verified is not
 * solved (ADR 031). Overdue: still being worked past its deadline today, plus closed with the last 办结 after the
 * deadline. 满意率 counts every callback (满意 and 基本满意 over all, 不满意 included).
 */
@Service
public class TicketFigures {

    /** The tickets with their closure items (the status, unit, deadline and times are the item's, ADR 044). */
    private static final String TICKETS = " from problem_ticket t join closure_item i on i.id = t.item_id";

    /** Closed (销号): what counts as solved. */
    private static final String SOLVED = "i.status = " + ClosureStatus.CLOSED.sqlLiteral();

    /** Still being worked past its deadline today. */
    private static final String OVERDUE_OPEN = "i.status in (" + ClosureStatus.sqlList(ClosureStatus.WORKING)
            + ") and i.deadline < :today";

    /** Closed, with its last 办结 (or, never reported done, its 销号) after the deadline. */
    static final String CLOSED_LATE = "i.closed_at is not null"
            + " and cast(coalesce(i.resolved_at, i.closed_at) as date) > i.deadline";

    /**
     * Calendar days from raising to 销号 (null while not closed): a difference of midnights read as days, which
     * H2 and PostgreSQL both answer (a date difference is an integer on one and an interval on the other).
     */
    static final String DAYS_TO_CLOSE = "extract(day from (cast(cast(i.closed_at as date) as timestamp)"
            + " - cast(cast(t.raised_at as date) as timestamp)))";

    private static final String MEASURES = """
            count(*), sum(case when %s then 1 else 0 end),
            sum(case when %s then 1 else 0 end),
            sum(case when %s then 1 else 0 end), coalesce(sum(%s), 0), count(i.closed_at),
            coalesce(sum(t.satisfied_count), 0), coalesce(sum(t.callback_count), 0)
            """.formatted(SOLVED, OVERDUE_OPEN, CLOSED_LATE, DAYS_TO_CLOSE);

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final Clock clock;

    TicketFigures(JdbcClient jdbc, OrgTree tree, Clock clock) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.clock = clock;
    }

    /**
     * Raised in the year at each area or below it: area id → {found, solved}. One query; the areas are matched by
     * the materialised path of the node the ticket was raised at.
     */
    public Map<Long, long[]> countsByArea(java.util.Collection<Long> areaIds, int year) {
        Map<Long, long[]> out = new java.util.HashMap<>();
        if (areaIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select a.id, count(*), coalesce(sum(case when " + SOLVED + " then 1 else 0 end), 0)" + TICKETS
                        + " join org_node n on n.id = t.raised_node_id"
                        + " join org_node a on n.path like a.path || '%'"
                        + " where t.raised_year = :year and a.id in (:areas) group by a.id")
                .param("year", year).param("areas", areaIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return out;
    }

    /** The whole set only (the list page's headline). */
    public Figure total(FigureFilter filter, CurrentUser user) {
        return total(where(checked(filter, user), user));
    }

    /**
     * Everything in one statement: the visible tickets are filtered once (a CTE used five times, which PostgreSQL
     * materialises) and grouped five ways — the whole set, by unit, cadre, category and period — in a UNION ALL.
     */
    public Figures figures(FigureFilter filter, CurrentUser user) {
        Where where = where(checked(filter, user), user);
        String period = switch (filter.grouping()) {
            case "year" -> "t.raised_year";
            case "quarter" -> "t.raised_year * 10 + t.raised_quarter";
            default -> "t.raised_year * 100 + t.raised_month";
        };
        String sql = """
                with v as (
                    select i.owner_node_id, coalesce(t.cadre_username, '') as cadre_key,
                           coalesce(t.cadre_name, '（未记录服务干部）') as cadre_label, t.category_code, %s as period,
                           case when %s then 1 else 0 end as solved,
                           case when %s then 1 else 0 end as overdue_open,
                           case when %s then 1 else 0 end as closed_late, %s as days_to_close,
                           t.satisfied_count as satisfied, t.callback_count as called_back
                    %s %s)
                select 'T', 0, 'all', '合计', %s from v
                union all
                select 'U', 0, cast(v.owner_node_id as varchar(20)), n.name, %s
                from v join org_node n on n.id = v.owner_node_id group by v.owner_node_id, n.name
                union all
                select 'C', 0, v.cadre_key, v.cadre_label, %s from v group by v.cadre_key, v.cadre_label
                union all
                select 'K', c.sort_order, v.category_code, c.name, %s
                from v join ticket_category c on c.code = v.category_code group by v.category_code, c.name, c.sort_order
                union all
                select 'P', v.period, cast(v.period as varchar(20)), cast(v.period as varchar(20)), %s
                from v group by v.period
                """.formatted(period, SOLVED, OVERDUE_OPEN, CLOSED_LATE, DAYS_TO_CLOSE, TICKETS, where.sql(), SUMS, SUMS, SUMS,
                SUMS, SUMS);
        Map<String, List<Ranked>> parts = new LinkedHashMap<>();
        jdbc.sql(sql).params(where.params()).query((rs, i) -> new Ranked(rs.getString(1), rs.getLong(2),
                line(rs, 2))).list().forEach(r -> parts.computeIfAbsent(r.part(), k -> new ArrayList<>()).add(r));
        Figure total = parts.getOrDefault("T", List.of()).stream().map(Ranked::figure).findFirst()
                .orElse(new Figure("all", "合计", 0, 0, 0, 0, 0, 0, 0, 0));
        Comparator<Figure> biggest = Comparator.comparingLong(Figure::found).reversed().thenComparing(Figure::label);
        List<Figure> byUnit = figures(parts, "U").sorted(biggest).toList();
        List<Figure> byCadre = figures(parts, "C").sorted(biggest).toList();
        List<Figure> byCategory = parts.getOrDefault("K", List.of()).stream()
                .sorted(Comparator.comparingLong(Ranked::order)).map(Ranked::figure).toList();
        List<Figure> byPeriod = parts.getOrDefault("P", List.of()).stream()
                .sorted(Comparator.comparingLong(Ranked::order)).map(Ranked::figure)
                .map(f -> new Figure(f.key(), periodLabel(f.key(), filter.grouping()), f.found(), f.solved(),
                        f.overdueOpen(), f.closedLate(), f.closeDaysSum(), f.closedCount(), f.satisfied(),
                        f.calledBack())).toList();
        return new Figures(filter, total, byUnit, byCadre, byCategory, byPeriod);
    }

    private static final String SUMS = """
            count(*), coalesce(sum(v.solved), 0), coalesce(sum(v.overdue_open), 0), coalesce(sum(v.closed_late), 0),
            coalesce(sum(v.days_to_close), 0), count(v.days_to_close), coalesce(sum(v.satisfied), 0),
            coalesce(sum(v.called_back), 0)
            """;

    /** A line of one part of the union, with the order it is shown in (category sort order, period). */
    private record Ranked(String part, long order, Figure figure) {
    }

    private static java.util.stream.Stream<Figure> figures(Map<String, List<Ranked>> parts, String part) {
        return parts.getOrDefault(part, List.of()).stream().map(Ranked::figure);
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    /**
     * The whole set of the tickets whose responsible unit lies in the scope, raised from–to (both inclusive): the
     * figures page's total for that unit and period, read by the annual review (TicketFigureSource).
     */
    public Figure total(OrgScope scope, LocalDate from, LocalDate to) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scopePath", scope.pathPattern());
        params.put("fromAt", from.atStartOfDay());
        params.put("toAt", to.plusDays(1).atStartOfDay());
        params.put("today", LocalDate.now(clock));
        return total(new Where(" where " + OrgScope.sqlContains("i.owner_node_id")
                + " and t.raised_at >= :fromAt and t.raised_at < :toAt", params));
    }

    private FigureFilter checked(FigureFilter filter, CurrentUser user) {
        if (filter.unitId() != null && user.role() != Role.CADRE) {
            tree.get(filter.unitId(), user.scope());
        }
        return filter;
    }

    private Figure total(Where where) {
        return jdbc.sql("select 'all', '合计', " + MEASURES + TICKETS + where.sql()
                        + " having count(*) > 0").params(where.params()).query(TicketFigures::figure).list().stream()
                .findFirst()
                .orElse(new Figure("all", "合计", 0, 0, 0, 0, 0, 0, 0, 0));
    }

    private Where where(FigureFilter filter, CurrentUser user) {
        Visibility visibility = Visibility.of(user);
        StringBuilder sql = new StringBuilder(" where " + visibility.sql());
        Map<String, Object> params = new LinkedHashMap<>(visibility.params());
        params.put("today", LocalDate.now(clock));
        if (filter.year() != null) {
            sql.append(" and t.raised_year = :year");
            params.put("year", filter.year());
            if (filter.month() != null && filter.month() >= 1 && filter.month() <= 12) {
                sql.append(" and t.raised_month = :month");
                params.put("month", filter.month());
            } else if (filter.quarter() != null && filter.quarter() >= 1 && filter.quarter() <= 4) {
                sql.append(" and t.raised_quarter = :quarter");
                params.put("quarter", filter.quarter());
            }
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            sql.append(" and t.category_code = :category");
            params.put("category", filter.category());
        }
        if (filter.unitId() != null) {
            sql.append(" and i.owner_node_id in (select u.id from org_node u, org_node o"
                    + " where o.id = :unit and u.path like o.path || '%')");
            params.put("unit", filter.unitId());
        }
        if (filter.cadre() != null && !filter.cadre().isBlank()) {
            sql.append(" and t.cadre_username = :cadre");
            params.put("cadre", filter.cadre().strip());
        }
        return new Where(sql.toString(), params);
    }

    private static Figure figure(ResultSet rs, int i) throws SQLException {
        return line(rs, 0);
    }

    /** The figure from the columns after {@code skip} leading ones: key, label, then the eight measures. */
    private static Figure line(ResultSet rs, int skip) throws SQLException {
        int c = skip + 1;
        return new Figure(rs.getString(c), rs.getString(c + 1), rs.getLong(c + 2), rs.getLong(c + 3), rs.getLong(c + 4),
                rs.getLong(c + 5), rs.getLong(c + 6), rs.getLong(c + 7), rs.getLong(c + 8), rs.getLong(c + 9));
    }

    static String periodLabel(String key, String grouping) {
        return switch (grouping) {
            case "year" -> key + " 年";
            case "quarter" -> key.substring(0, 4) + " 年第 " + key.substring(4) + " 季度";
            default -> key.substring(0, 4) + " 年 " + Integer.parseInt(key.substring(4)) + " 月";
        };
    }
}

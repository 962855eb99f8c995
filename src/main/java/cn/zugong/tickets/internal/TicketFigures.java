package cn.zugong.tickets.internal;

import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures straight from problem_ticket: one whole-set aggregate per grouping (GROUP BY), inside what the
 * caller sees ({@link Visibility}). Solved (解决) counts 销号 only; a ticket resolved but not yet verified is not
 * solved (ADR 031). Overdue: still being worked past its deadline today, plus closed after its deadline.
 */
@Service
public class TicketFigures {

    private static final String MEASURES = """
            count(*), sum(case when t.status = 'CLOSED' then 1 else 0 end),
            sum(case when t.status in ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS') and t.deadline < :today then 1 else 0 end),
            sum(case when t.closed_late then 1 else 0 end), coalesce(sum(t.days_to_close), 0), count(t.days_to_close),
            sum(case when t.satisfaction in ('SATISFIED', 'BASIC') then 1 else 0 end), count(t.satisfaction)
            """;

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final Clock clock;

    TicketFigures(JdbcClient jdbc, OrgTree tree, Clock clock) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.clock = clock;
    }

    public Figures figures(FigureFilter filter, CurrentUser user) {
        if (filter.unitId() != null && user.role() != Role.CADRE) {
            tree.get(filter.unitId(), user.scope());
        }
        Where where = where(filter, user);
        Figure total = query("'all', '合计'", "", "", where).stream().findFirst()
                .orElse(new Figure("all", "合计", 0, 0, 0, 0, 0, 0, 0, 0));
        List<Figure> byUnit = query("cast(t.owner_node_id as varchar(20)), n.name", " join org_node n on n.id = t.owner_node_id",
                " group by t.owner_node_id, n.name order by count(*) desc, n.name", where);
        List<Figure> byCadre = query("coalesce(t.cadre_username, ''), coalesce(t.cadre_name, '（未记录服务干部）')", "",
                " group by coalesce(t.cadre_username, ''), coalesce(t.cadre_name, '（未记录服务干部）')"
                        + " order by count(*) desc, 2", where);
        List<Figure> byCategory = query("t.category_code, c.name", " join ticket_category c on c.code = t.category_code",
                " group by t.category_code, c.name, c.sort_order order by c.sort_order", where);
        String period = switch (filter.grouping()) {
            case "year" -> "t.raised_year";
            case "quarter" -> "t.raised_year * 10 + t.raised_quarter";
            default -> "t.raised_year * 100 + t.raised_month";
        };
        List<Figure> byPeriod = query("cast(" + period + " as varchar(20)), cast(" + period + " as varchar(20))", "",
                " group by " + period + " order by " + period, where).stream()
                .map(f -> new Figure(f.key(), periodLabel(f.key(), filter.grouping()), f.found(), f.solved(),
                        f.overdueOpen(), f.closedLate(), f.closeDaysSum(), f.closedCount(), f.satisfied(),
                        f.calledBack())).toList();
        return new Figures(filter, total, byUnit, byCadre, byCategory, byPeriod);
    }

    private record Where(String sql, Map<String, Object> params) {
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
            sql.append(" and t.owner_node_id in (select u.id from org_node u, org_node o"
                    + " where o.id = :unit and u.path like o.path || '%')");
            params.put("unit", filter.unitId());
        }
        if (filter.cadre() != null && !filter.cadre().isBlank()) {
            sql.append(" and t.cadre_username = :cadre");
            params.put("cadre", filter.cadre().strip());
        }
        return new Where(sql.toString(), params);
    }

    private List<Figure> query(String keyAndLabel, String joins, String tail, Where where) {
        return jdbc.sql("select " + keyAndLabel + ", " + MEASURES + " from problem_ticket t" + joins + where.sql()
                + (tail.isEmpty() ? " having count(*) > 0" : tail)).params(where.params())
                .query(TicketFigures::figure).list();
    }

    private static Figure figure(ResultSet rs, int i) throws SQLException {
        return new Figure(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
    }

    static String periodLabel(String key, String grouping) {
        return switch (grouping) {
            case "year" -> key + " 年";
            case "quarter" -> key.substring(0, 4) + " 年第 " + key.substring(4) + " 季度";
            default -> key.substring(0, 4) + " 年 " + Integer.parseInt(key.substring(4)) + " 月";
        };
    }
}

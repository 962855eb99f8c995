package cn.zugong.cadre;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 调研课题 figures of a scope and period (ADR 079), for the figures page and the annual review (issue 20). 口径: the
 * topics whose 立项日期 lies in the period, led from a node in the scope; 重点课题 among them; 发现问题 = all problems
 * registered on those topics; 已破解 = those marked solved with a 解决日期 not after the period's end; 破难解题率 =
 * 已破解 ÷ 发现问题 (%, one decimal; none when no problem was found). One aggregate, rolled up by county and year.
 */
@Service
public class ResearchFigures {

    public record Line(String name, long topics, long keyTopics, long concluded, long problems, long solved,
                       BigDecimal solvedPct) {
    }

    public record Figures(LocalDate from, LocalDate to, Line total, List<Line> byCounty, List<Line> byYear,
                          String sentence) {
    }

    private final JdbcClient jdbc;
    private final OrgTree tree;

    ResearchFigures(JdbcClient jdbc, OrgTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    private static final class Acc {
        long topics;
        long keyTopics;
        long concluded;
        long problems;
        long solved;

        void add(Acc o) {
            topics += o.topics;
            keyTopics += o.keyTopics;
            concluded += o.concluded;
            problems += o.problems;
            solved += o.solved;
        }

        Line line(String name) {
            return new Line(name, topics, keyTopics, concluded, problems, solved, solvedPct(solved, problems));
        }
    }

    /** 破难解题率: solved / problems in percent, one decimal; null when no problem was found. */
    public static BigDecimal solvedPct(long solved, long problems) {
        return problems == 0 ? null : BigDecimal.valueOf(solved * 1000L)
                .divide(BigDecimal.valueOf(problems), 0, RoundingMode.HALF_UP).movePointLeft(1);
    }

    private record Cell(Long county, int year) {
    }

    public Figures figures(OrgScope scope, LocalDate from, LocalDate to) {
        Map<Cell, Acc> cells = new HashMap<>();
        jdbc.sql("""
                select t.county_id, extract(year from t.starts_on), count(*),
                       sum(case when t.key_topic then 1 else 0 end),
                       sum(case when t.status = 'CONCLUDED' and t.concluded_on <= :t then 1 else 0 end),
                       coalesce(sum(pr.found), 0), coalesce(sum(pr.solved), 0)
                from research_topic t join org_node n on n.id = t.node_id
                left join (select r.topic_id, count(*) as found,
                                  sum(case when r.solved and r.solved_on <= :t then 1 else 0 end) as solved
                           from research_problem r group by r.topic_id) pr on pr.topic_id = t.id
                where n.path like :sp and t.starts_on >= :f and t.starts_on <= :t
                group by t.county_id, extract(year from t.starts_on)""")
                .param("sp", scope.pathPattern()).param("f", from).param("t", to)
                .query(rs -> {
                    Acc a = cells.computeIfAbsent(new Cell((Long) rs.getObject(1, Long.class), rs.getInt(2)),
                            k -> new Acc());
                    a.topics = rs.getLong(3);
                    a.keyTopics = rs.getLong(4);
                    a.concluded = rs.getLong(5);
                    a.problems = rs.getLong(6);
                    a.solved = rs.getLong(7);
                });
        Map<Long, OrgNode> counties = tree.byIds(cells.keySet().stream().map(Cell::county)
                .filter(java.util.Objects::nonNull).toList());
        Acc total = new Acc();
        Map<Long, Acc> byCounty = new HashMap<>();
        Map<Integer, Acc> byYear = new TreeMap<>();
        cells.forEach((cell, acc) -> {
            total.add(acc);
            byCounty.computeIfAbsent(cell.county() == null ? 0L : cell.county(), k -> new Acc()).add(acc);
            byYear.computeIfAbsent(cell.year(), k -> new Acc()).add(acc);
        });
        List<Long> order = new ArrayList<>(byCounty.keySet());
        order.sort(Comparator.comparing((Long id) -> id == 0L ? "" : counties.containsKey(id) ? counties.get(id).code()
                : "~"));
        List<Line> countyLines = order.stream().map(id -> byCounty.get(id).line(id == 0L ? "市本级"
                : counties.containsKey(id) ? counties.get(id).name() : "（其他）")).toList();
        List<Line> yearLines = new ArrayList<>();
        byYear.forEach((y, a) -> yearLines.add(a.line(y + "年")));
        Line t = total.line("合计");
        return new Figures(from, to, t, countyLines, yearLines, sentence(from, to, t));
    }

    /** The seed's sentence from the data: 「动态开展调研课题636个、重点课题140个 … 破难解题率达95.8%」. */
    static String sentence(LocalDate from, LocalDate to, Line t) {
        return from + " 至 " + to + "，县处级以上领导干部领题调研，动态开展调研课题" + t.topics() + "个、重点课题"
                + t.keyTopics() + "个，发现问题" + t.problems() + "个、破解" + t.solved() + "个"
                + (t.solvedPct() == null ? "" : "，破难解题率达" + t.solvedPct().toPlainString() + "%");
    }
}

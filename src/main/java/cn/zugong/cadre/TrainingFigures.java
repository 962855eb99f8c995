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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 干部培训 figures of a scope and period (ADR 079), for the figures page and the annual review (issue 20). 口径: the
 * classes whose 开班日期 lies in the period, organised by a node in the scope; 参训人次 = their enrolments (one per
 * person and class); 出勤率 = sessions attended / sessions marked (出勤 + 缺勤 + 请假) of those enrolments; 学时 =
 * hours of attended sessions plus online courses' completed hours. One aggregate over the classes, which keep their
 * enrolments' totals (V92, rewritten with every enrolment, attendance or completion write), rolled up in memory by
 * kind, county and year.
 */
@Service
public class TrainingFigures {

    /** One line: classes, 人次, sessions marked / attended, 出勤率 (%, one decimal; null when nothing marked), hours. */
    public record Line(String name, long classes, long enrolments, long marked, long attended, BigDecimal ratePct,
                       BigDecimal hours) {
    }

    public record Figures(LocalDate from, LocalDate to, Line total, List<Line> byKind, List<Line> byCounty,
                          List<Line> byYear, String sentence) {
    }

    private final JdbcClient jdbc;
    private final OrgTree tree;

    TrainingFigures(JdbcClient jdbc, OrgTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    /** A cell of the aggregate: kind, county (null: the city's own), year. */
    private record Cell(String kind, Long county, int year) {
    }

    private static final class Acc {
        long classes;
        long enrolments;
        long marked;
        long attended;
        BigDecimal hours = BigDecimal.ZERO;

        void add(Acc o) {
            classes += o.classes;
            enrolments += o.enrolments;
            marked += o.marked;
            attended += o.attended;
            hours = hours.add(o.hours);
        }

        Line line(String name) {
            BigDecimal rate = marked == 0 ? null : BigDecimal.valueOf(attended * 1000L)
                    .divide(BigDecimal.valueOf(marked), 0, RoundingMode.HALF_UP).movePointLeft(1);
            return new Line(name, classes, enrolments, marked, attended, rate, hours.setScale(1, RoundingMode.HALF_UP));
        }
    }

    public Figures figures(OrgScope scope, LocalDate from, LocalDate to) {
        Map<Cell, Acc> cells = new HashMap<>();
        String where = " from training_class c join org_node n on n.id = c.node_id"
                + " where n.path like :sp and c.starts_on >= :f and c.starts_on <= :t";
        // the classes' own totals of their enrolments (V92, kept with every write): no scan of the enrolments
        jdbc.sql("select c.kind, c.county_id, extract(year from c.starts_on), count(*), sum(c.enrolments),"
                        + " sum(c.marked), sum(c.attended), sum(c.hours)" + where
                        + " group by c.kind, c.county_id, extract(year from c.starts_on)")
                .param("sp", scope.pathPattern()).param("f", from).param("t", to)
                .query(rs -> {
                    Acc a = cell(cells, rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getInt(3));
                    a.classes = rs.getLong(4);
                    a.enrolments = rs.getLong(5);
                    a.marked = rs.getLong(6);
                    a.attended = rs.getLong(7);
                    a.hours = rs.getBigDecimal(8) == null ? BigDecimal.ZERO : rs.getBigDecimal(8);
                });
        Map<String, String> kinds = new LinkedHashMap<>();
        jdbc.sql("select code, name from training_kind order by sort_order, code")
                .query(rs -> {
                    kinds.put(rs.getString(1), rs.getString(2));
                });
        Set<Long> countyIds = new HashSet<>();
        cells.keySet().forEach(c -> {
            if (c.county() != null) {
                countyIds.add(c.county());
            }
        });
        Map<Long, OrgNode> counties = tree.byIds(countyIds);
        Acc total = new Acc();
        Map<String, Acc> byKind = new LinkedHashMap<>();
        kinds.keySet().forEach(k -> byKind.put(k, new Acc()));
        Map<Long, Acc> byCounty = new HashMap<>();
        Map<Integer, Acc> byYear = new TreeMap<>();
        cells.forEach((cell, acc) -> {
            total.add(acc);
            byKind.computeIfAbsent(cell.kind(), k -> new Acc()).add(acc);
            byCounty.computeIfAbsent(cell.county() == null ? 0L : cell.county(), k -> new Acc()).add(acc);
            byYear.computeIfAbsent(cell.year(), k -> new Acc()).add(acc);
        });
        List<Line> kindLines = new ArrayList<>();
        byKind.forEach((k, a) -> kindLines.add(a.line(kinds.getOrDefault(k, k))));
        List<Map.Entry<String, Acc>> countyEntries = new ArrayList<>();
        byCounty.forEach((id, a) -> countyEntries.add(Map.entry(id == 0L ? "市本级" : counties.containsKey(id)
                ? counties.get(id).name() : "（其他）", a)));
        countyEntries.sort(Comparator.comparing((Map.Entry<String, Acc> e) -> e.getKey().equals("市本级") ? 0 : 1)
                .thenComparing(e -> counties.values().stream().filter(n -> n.name().equals(e.getKey()))
                        .map(OrgNode::code).findFirst().orElse(e.getKey())));
        List<Line> countyLines = countyEntries.stream().map(e -> e.getValue().line(e.getKey())).toList();
        List<Line> yearLines = new ArrayList<>();
        byYear.forEach((y, a) -> yearLines.add(a.line(y + "年")));
        Line t = total.line("合计");
        return new Figures(from, to, t, kindLines, countyLines, yearLines, sentence(from, to, t));
    }

    private static Acc cell(Map<Cell, Acc> cells, String kind, Long county, int year) {
        return cells.computeIfAbsent(new Cell(kind, county, year), k -> new Acc());
    }

    /** The seed's sentence, from the data: 「各级各类干部4876人次参训」 with the classes, rate and hours. */
    static String sentence(LocalDate from, LocalDate to, Line t) {
        return from + " 至 " + to + "，举办各类培训班次" + t.classes() + "个，各级各类干部" + t.enrolments() + "人次参训"
                + (t.ratePct() == null ? "" : "，出勤率" + t.ratePct().stripTrailingZeros().toPlainString() + "%")
                + "，累计培训" + t.hours().stripTrailingZeros().toPlainString() + "学时";
    }
}

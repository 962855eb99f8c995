package cn.zugong.prosperity.internal.joint;

import cn.zugong.prosperity.JointFigures;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.AbstractFigureSource;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 党建联建 for the annual review (ADR 081): committees and their paired units through {@link JointFigures} (the
 * figures page's own computation); the records by their own queries, scoped by the committee's node as the figures
 * are. Both are standings at the period's end: the committees founded by then, with every unit paired with them.
 */
@Component
class JointFigureSource extends AbstractFigureSource {

    private static final String COMMITTEES = """
             from joint_committee j join org_node n on n.id = j.node_id
            where n.path like :scopePath and j.founded_on <= :to""";
    private static final String PAIRS = """
             from joint_pair p join joint_committee j on j.id = p.committee_id join org_node n on n.id = j.node_id
             left join org_node o on o.id = p.org_id
            where n.path like :scopePath and j.founded_on <= :to""";

    private static final List<Measure> MEASURES = List.of(
            new Measure("committees", "联合党委", "个", MeasureKind.COUNT,
                    "设立单位在范围内、成立日期不晚于统计时段末日的联建联合党委（含功能型党委、党建联盟），时点数"),
            new Measure("pairs", "结对单位党组织", "个", MeasureKind.COUNT,
                    "上述联合党委登记的结对单位（系统内党组织和系统外单位），每条结对记录计一个，时点数"));

    private final JointFigures figures;
    private final JdbcClient jdbc;

    JointFigureSource(JointFigures figures, JdbcClient jdbc) {
        super("prosperity.joint", MEASURES, Reader.OFFICE);
        this.figures = figures;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        JointFigures.Row t = figures.of(scope, from, to).total();
        return valuesOf("committees", t.committees(), "pairs", t.pairs());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {

        return switch (measure) {
            case "committees" -> records("统计时段末日已成立的联合党委", List.of("名称", "设立单位", "成立日期"),
                    COMMITTEES, "select j.name, n.name as node, j.founded_on" + COMMITTEES
                            + " order by n.path, j.founded_on, j.id", scope, to, limit);
            case "pairs" -> records("上述联合党委的结对单位", List.of("结对单位", "联合党委", "结对日期"),
                    PAIRS, "select coalesce(o.name, p.outside_name) as unit, j.name, p.paired_on" + PAIRS
                            + " order by n.path, j.id, p.paired_on, p.id", scope, to, limit);
            default -> throw unknown(measure);
        };
    }

    /** The rows (three columns: a name, another, a date) and their count over all of them. */
    private FigureRecords records(String caption, List<String> columns, String from, String select, OrgScope scope,
                                  LocalDate to, int limit) {
        long total = jdbc.sql("select count(*)" + from).param("scopePath", scope.pathPattern()).param("to", to)
                .query(Long.class).single();
        List<List<String>> rows = jdbc.sql(select + " limit :limit").param("scopePath", scope.pathPattern())
                .param("to", to).param("limit", limit)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getDate(3))))
                .list();
        return new FigureRecords(caption, columns, rows, total, BigDecimal.valueOf(total));
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/prosperity/joint/figures?from=" + from + "&to=" + to;
    }
}

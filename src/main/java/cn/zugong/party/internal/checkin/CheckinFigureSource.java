package cn.zugong.party.internal.checkin;

import cn.zugong.party.CheckinFigures;
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
 * 党员报到 for the annual review (ADR 081): the figures through {@link CheckinFigures} (the page's own computation),
 * the records behind each figure by their own queries, scoped by the village as the figures are.
 */
@Component
class CheckinFigureSource extends AbstractFigureSource {

    /** A registration counted in the period: confirmed by the period's end, not ended before its start. */
    private static final String REPORTED = """
            r.status in ('ACTIVE', 'ENDED') and r.reported_on <= :to and (r.ended_on is null or r.ended_on >= :from)
              and r.village_id in (select s.id from org_node s where s.path like :sp)""";
    private static final String LOGS = """
            l.served_on between :from and :to and l.village_id in (select s.id from org_node s where s.path like :sp)""";
    /** Remote islands with a village in the scope where a member reported in the period. */
    private static final String COVERED = """
            i.remote = true and exists (select 1 from island_village iv join checkin_registration r
              on r.village_id = iv.village_id where iv.island_id = i.id and""" + " " + REPORTED + ")";

    private static final List<Measure> MEASURES = List.of(
            new Measure("members", "报到党员", "名", MeasureKind.COUNT,
                    "统计时段末日前经村（社区）确认报到、且未在时段开始前结束报到的党员，按报到村（社区）计入范围，同一党员只计一次"),
            new Measure("remoteIslandsCovered", "覆盖偏远小岛", "个", MeasureKind.COUNT,
                    "范围内有党员在统计时段内报到（口径同报到党员）的村（社区）所在的偏远小岛个数"),
            new Measure("elderlyVisits", "走访老年群众", "人次", MeasureKind.COUNT,
                    "服务日期在统计时段内的报到服务记录所记走访老年群众人次之和，按服务村（社区）计入范围"),
            new Measure("fundsYuan", "争取补助帮扶资金", "元", MeasureKind.AMOUNT,
                    "服务日期在统计时段内的报到服务记录所记争取补助帮扶资金（元）之和，按服务村（社区）计入范围"));

    private final CheckinFigures figures;
    private final JdbcClient jdbc;

    CheckinFigureSource(CheckinFigures figures, JdbcClient jdbc) {
        super("party.checkin", MEASURES, Reader.OFFICE);
        this.figures = figures;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        CheckinFigures.Figures f = figures.of(scope, from, to);
        return valuesOf("members", f.total().members(), "remoteIslandsCovered", f.remoteIslandsCovered(),
                "elderlyVisits", f.total().elderlyVisits(), "fundsYuan", f.total().fundsYuan());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {

        return switch (measure) {
            case "members" -> members(scope, from, to, limit);
            case "remoteIslandsCovered" -> islands(scope, from, to, limit);
            case "elderlyVisits" -> logs(scope, from, to, limit, true);
            case "fundsYuan" -> logs(scope, from, to, limit, false);
            default -> throw unknown(measure);
        };
    }

    private FigureRecords members(OrgScope scope, LocalDate from, LocalDate to, int limit) {
        long total = bind(jdbc.sql("select count(distinct r.member_id) from checkin_registration r where " + REPORTED),
                scope, from, to).query(Long.class).single();
        List<List<String>> rows = bind(jdbc.sql("""
                select m.name, min(v.name) as village, count(distinct r.village_id) as villages,
                       min(r.reported_on) as reported_on
                from checkin_registration r join party_member m on m.id = r.member_id
                join org_node v on v.id = r.village_id
                where""" + " " + REPORTED + """

                group by m.id, m.name order by min(r.reported_on), m.id limit :limit"""), scope, from, to)
                .param("limit", limit)
                .query((rs, i) -> List.of(rs.getString("name"), rs.getString("village"),
                        String.valueOf(rs.getLong("villages")), String.valueOf(rs.getDate("reported_on"))))
                .list();
        return new FigureRecords("统计时段内报到的党员（每人一行）", List.of("党员", "报到村（社区）", "报到村社数", "报到日期"),
                rows, total, BigDecimal.valueOf(total));
    }

    private FigureRecords islands(OrgScope scope, LocalDate from, LocalDate to, int limit) {
        long total = bind(jdbc.sql("select count(*) from island i where " + COVERED), scope, from, to)
                .query(Long.class).single();
        List<List<String>> rows = bind(jdbc.sql("""
                select i.name, c.name as county,
                       (select count(distinct r.member_id) from island_village iv join checkin_registration r
                          on r.village_id = iv.village_id where iv.island_id = i.id and""" + " " + REPORTED + """
                       ) as members
                from island i join org_node c on c.id = i.county_id
                where""" + " " + COVERED + " order by c.path, i.sort_order, i.id limit :limit"), scope, from, to)
                .param("limit", limit)
                .query((rs, i) -> List.of(rs.getString("name"), rs.getString("county"),
                        String.valueOf(rs.getLong("members"))))
                .list();
        return new FigureRecords("有党员报到的偏远小岛", List.of("海岛", "县（区）", "报到党员"), rows, total,
                BigDecimal.valueOf(total));
    }

    /**
     * The service logs of the period: for 走访老年群众 the records are the logs with visits and the total is the
     * visits they record (a visit is what the figure counts, the log says how many); for the funds, every log with
     * an amount, adding up to the sum.
     */
    private FigureRecords logs(OrgScope scope, LocalDate from, LocalDate to, int limit, boolean visits) {
        String column = visits ? "l.elderly_visits" : "l.funds_yuan";
        String where = LOGS + " and " + column + " > 0";
        BigDecimal sum = bind(jdbc.sql("select coalesce(sum(" + column + "), 0) from checkin_log l where " + where),
                scope, from, to).query(BigDecimal.class).single();
        List<List<String>> rows = bind(jdbc.sql("""
                select l.served_on, v.name as village, m.name as member, l.what, l.elderly_visits, l.funds_yuan
                from checkin_log l join org_node v on v.id = l.village_id join party_member m on m.id = l.member_id
                where""" + " " + where + " order by l.served_on, l.id limit :limit"), scope, from, to)
                .param("limit", limit)
                .query((rs, i) -> List.of(String.valueOf(rs.getDate("served_on")), rs.getString("village"),
                        rs.getString("member"), rs.getString("what"), String.valueOf(rs.getLong("elderly_visits")),
                        rs.getBigDecimal("funds_yuan").toPlainString()))
                .list();
        List<String> columns = List.of("服务日期", "村（社区）", "党员", "服务内容", "走访老年群众（人次）", "争取资金（元）");
        return visits
                ? new FigureRecords("统计时段内记有走访老年群众的服务记录，合计为走访人次", columns, rows,
                        sum.longValueExact(), sum)
                : new FigureRecords("统计时段内记有争取资金的服务记录", columns, rows, count(where, scope, from, to), sum);
    }

    private long count(String where, OrgScope scope, LocalDate from, LocalDate to) {
        return bind(jdbc.sql("select count(*) from checkin_log l where " + where), scope, from, to)
                .query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OrgScope scope, LocalDate from,
                                                 LocalDate to) {
        return spec.param("sp", scope.pathPattern()).param("from", from).param("to", to);
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/party/checkin/figures?from=" + from + "&to=" + to;
    }
}

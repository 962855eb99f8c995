package cn.zugong.party.internal.mobile;

import cn.zugong.party.MobileEventKind;
import cn.zugong.party.MobileFigures;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.AbstractFigureSource;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 流动党员 for the annual review (ADR 081): a state on a day, not a flow. The figures are {@link MobileFigures}'
 * standing at the period's end (the figures page's own computation, shown there as 「截至…」): the files replayed
 * from their dated events up to {@code to} (today when the period ends later). The records are those files, by
 * their own query, scoped by their branch as every read of the part is.
 */
@Component
class MobileFigureSource extends AbstractFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("active", "流动党员", "名", MeasureKind.COUNT,
                    "统计时段末日（晚于今天时取今天）所属党组织在范围内、已外出且按动态事件处于在外流动、流入或失联状态的在册流动党员，时点数"),
            new Measure("managed", "逐人纳管流动党员", "名", MeasureKind.COUNT,
                    "上述流动党员中，统计时段末日前已按“三个一批”由工作地、居住地或区域性党组织纳管的人数，时点数"));

    private final MobileFigures figures;
    private final JdbcClient jdbc;
    private final Clock clock;

    MobileFigureSource(MobileFigures figures, JdbcClient jdbc, Clock clock) {
        super("party.mobile", MEASURES, Reader.OFFICE);
        this.figures = figures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        MobileFigures.Standing s = figures.of(scope, from, to).periodEnd();
        return valuesOf("active", s.active(), "managed", s.managed());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        boolean managed = measure.equals("managed");
        LocalDate today = LocalDate.now(clock);
        LocalDate day = to.isAfter(today) ? today : to;
        String files = """
                 from (select f.id, f.name, f.city, b.name as branch, b.path, h.name as host, f.host_rule,
                              f.managed_on, %s as kind
                         from mobile_file f join org_node b on b.id = f.branch_id
                         left join mobile_host h on h.id = f.host_id
                         %s
                        where b.path like :scopePath and f.left_on <= :day) x
                where x.kind in %s""".formatted(MobileCounts.STATE_ON_DAY, MobileCounts.LAST_STATE_EVENT,
                MobileCounts.ACTIVE_KINDS)
                + (managed ? " and x.host_rule is not null and x.managed_on <= :day" : "");
        long total = jdbc.sql("select count(*)" + files).param("scopePath", scope.pathPattern()).param("day", day)
                .query(Long.class).single();
        List<List<String>> rows = jdbc.sql("select x.name, x.branch, x.city, x.kind, x.host, x.managed_on" + files
                        + " order by x.path, x.name, x.id limit :limit")
                .param("scopePath", scope.pathPattern()).param("day", day).param("limit", limit)
                .query((rs, i) -> List.of(rs.getString("name"), rs.getString("branch"), rs.getString("city"),
                        MobileEventKind.valueOf(rs.getString("kind")).leaves().label(),
                        rs.getString("host") == null || rs.getDate("managed_on") == null
                                || rs.getDate("managed_on").toLocalDate().isAfter(day) ? "未纳管"
                                : rs.getString("host")))
                .list();
        return new FigureRecords((managed ? "已纳管的流动党员，截至 " : "在册流动党员，截至 ") + day,
                List.of("姓名", "所在党组织", "流动去向", "当日状态", "纳管组织"), rows, total, BigDecimal.valueOf(total));
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/party/mobile/figures?from=" + from + "&to=" + to;
    }
}

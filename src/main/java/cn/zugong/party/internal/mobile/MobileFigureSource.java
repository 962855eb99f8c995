package cn.zugong.party.internal.mobile;

import cn.zugong.party.MobileFigures;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.FigureSource;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 流动党员 for the annual review (ADR 081): a state, not a flow. The figures are {@link MobileFigures}' standing of
 * the files (the figures page's own computation), which is the files' state as it stands when the figures are read:
 * the files keep their current state only (replayed from the events on each change), so a period ending before
 * today still reads today's standing — the 口径 says so. The records are the files themselves, scoped by their
 * branch as every read of the part is.
 */
@Component
class MobileFigureSource implements FigureSource {

    private static final String FILES = """
             from mobile_file f join org_node b on b.id = f.branch_id left join mobile_host h on h.id = f.host_id
            where b.path like :scopePath and\s""" + MobileRepository.ACTIVE;
    private static final String MANAGED = " and f.host_rule is not null";

    private static final List<Measure> MEASURES = List.of(
            new Measure("active", "流动党员", "名", MeasureKind.COUNT,
                    "所属党组织在范围内、状态为在外流动、流入或失联的在册流动党员（时点数，取统计时段末日的状态；档案只存当前状态，"
                            + "故为统计当日的状态，时段末日早于统计当日时不回溯，与流动党员成效页一致）"),
            new Measure("managed", "逐人纳管流动党员", "名", MeasureKind.COUNT,
                    "上述在册流动党员中已按“三个一批”由工作地、居住地或区域性党组织逐人纳管的人数，状态取法同上"));

    private final MobileFigures figures;
    private final JdbcClient jdbc;

    MobileFigureSource(MobileFigures figures, JdbcClient jdbc) {
        this.figures = figures;
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "party.mobile";
    }

    @Override
    public List<Measure> measures() {
        return MEASURES;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        MobileFigures.Totals t = figures.of(scope, from, to).totals();
        return Map.of("active", BigDecimal.valueOf(t.active()), "managed", BigDecimal.valueOf(t.managed()));
    }

    @Override
    public FigureRecords records(String measure, OrgScope scope, LocalDate from, LocalDate to, CurrentUser user,
                                 int limit) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("页面不存在");
        }
        String where = switch (measure) {
            case "active" -> FILES;
            case "managed" -> FILES + MANAGED;
            default -> throw new NotFoundException("没有这项数据：" + id() + "." + measure);
        };
        long total = jdbc.sql("select count(*)" + where).param("scopePath", scope.pathPattern())
                .query(Long.class).single();
        List<List<String>> rows = jdbc.sql("select f.name, b.name as branch, f.city, f.state, h.name as host"
                        + where + " order by b.path, f.name, f.id limit :limit")
                .param("scopePath", scope.pathPattern()).param("limit", limit)
                .query((rs, i) -> List.of(rs.getString("name"), rs.getString("branch"), rs.getString("city"),
                        cn.zugong.party.MobileState.valueOf(rs.getString("state")).label(),
                        rs.getString("host") == null ? "未纳管" : rs.getString("host")))
                .list();
        return new FigureRecords(measure.equals("active") ? "在册流动党员（档案当前状态）" : "已纳管的在册流动党员",
                List.of("姓名", "所在党组织", "流动去向", "状态", "纳管组织"), rows, total, BigDecimal.valueOf(total));
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/party/mobile/figures?from=" + from + "&to=" + to;
    }
}

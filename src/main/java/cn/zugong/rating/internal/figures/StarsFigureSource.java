package cn.zugong.rating.internal.figures;

import cn.zugong.rating.RatingFigures;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.RatingSchemes;
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
 * 星级评定 for the annual review (ADR 081): 五星双强 is {@link RatingFigures}' {@code topDoubleStrong} (at the best
 * level and both 党建强 and 发展强, as the results page's headline counts them) of the schemes that give five stars
 * and 双强 (两新党组织“五星双强”评定), in the rating year {@code to} falls in. The records are those organisations by
 * their own query over the same rounds: the year's published rounds of the scheme holding organisations of the
 * scope, or its current ones when none is published yet; stars are the stars now (after any 摘星).
 */
@Component
class StarsFigureSource extends AbstractFigureSource {

    private static final int FIVE = 5;
    /** The rounds the results page shows by default: published if any holds the scope's organisations, else the rest. */
    private static final String ENTRIES = """
             from rating_entry e join rating_round r on r.id = e.round_id join org_node n on n.id = e.node_id
            where r.scheme_code in (:schemes) and r.rating_year = :year and n.path like :scopePath
              and (r.status = 'PUBLISHED' or not exists (select 1 from rating_round p join rating_entry pe
                     on pe.round_id = p.id join org_node pn on pn.id = pe.node_id
                   where p.scheme_code = r.scheme_code and p.rating_year = r.rating_year and p.status = 'PUBLISHED'
                     and pn.path like :scopePath))
              and coalesce(e.stars, 0) >= :five and e.strong_party = true and e.strong_development = true""";

    private static final List<Measure> MEASURES = List.of(
            new Measure("fiveStarDoubleStrong", "五星双强党组织", "个", MeasureKind.COUNT,
                    "统计时段末日所在评定年度，“五星双强”评定中范围内现为五星（摘星后按现星级）且党建强、发展强同时达标的党组织；"
                            + "取该年度已发布的评定，尚未发布的取当前结果"));

    private final RatingFigures figures;
    private final RatingSchemes schemes;
    private final JdbcClient jdbc;

    StarsFigureSource(RatingFigures figures, RatingSchemes schemes, JdbcClient jdbc) {
        super("rating.stars", MEASURES, Reader.OFFICE);
        this.figures = figures;
        this.schemes = schemes;
        this.jdbc = jdbc;
    }

    /** The schemes that give 五星双强: five stars at best and 双强 conditions (their newest version). */
    private List<String> fiveStarDoubleStrongSchemes() {
        return schemes.all().stream().map(RatingScheme::code).distinct()
                .map(code -> schemes.latest(code).orElseThrow())
                .filter(s -> s.maxStars() == FIVE && !s.strong().isEmpty())
                .map(RatingScheme::code).toList();
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        List<String> codes = fiveStarDoubleStrongSchemes();
        long count = figures.of(scope, to.getYear()).stream().filter(f -> codes.contains(f.schemeCode()))
                .mapToLong(RatingFigures.SchemeFigures::topDoubleStrong).sum();
        return valuesOf("fiveStarDoubleStrong", count);
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {

        List<String> codes = fiveStarDoubleStrongSchemes();
        if (codes.isEmpty()) {
            return new FigureRecords("五星双强党组织", columns(), List.of(), 0, BigDecimal.ZERO);
        }
        long total = bind("select count(*)" + ENTRIES, codes, scope, to).query(Long.class).single();
        List<List<String>> rows = bind("select n.name, r.name as round, e.points, r.status" + ENTRIES
                + " order by e.points desc, n.sort_order, n.id limit :limit", codes, scope, to).param("limit", limit)
                .query((rs, i) -> List.of(rs.getString("name"), rs.getString("round"),
                        rs.getBigDecimal("points") == null ? "" : rs.getBigDecimal("points").toPlainString(),
                        "PUBLISHED".equals(rs.getString("status")) ? "已发布" : "未发布"))
                .list();
        return new FigureRecords(to.getYear() + "年度五星双强党组织", columns(), rows, total, BigDecimal.valueOf(total));
    }

    private static List<String> columns() {
        return List.of("党组织", "评定", "总分", "结果");
    }

    private JdbcClient.StatementSpec bind(String sql, List<String> codes, OrgScope scope, LocalDate to) {
        return jdbc.sql(sql).param("schemes", codes).param("year", to.getYear())
                .param("scopePath", scope.pathPattern()).param("five", FIVE);
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        List<String> codes = fiveStarDoubleStrongSchemes();
        return "/ratings/results?year=" + to.getYear() + (codes.isEmpty() ? "" : "&scheme=" + codes.get(0));
    }
}

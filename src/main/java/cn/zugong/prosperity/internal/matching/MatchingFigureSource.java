package cn.zugong.prosperity.internal.matching;

import cn.zugong.prosperity.MatchingFigures;
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
 * 聚力共富 for the annual review (ADR 081): the people engaged through {@link MatchingFigures} (the figures page's
 * own computation); the records are those people (the offers) by their own query, scoped by the need's node as the
 * figures are. Only the name and the kind are shown: post and phone are personal data the offer's page audits.
 */
@Component
class MatchingFigureSource extends AbstractFigureSource {

    private static final String ENGAGED = """
             from matching_engagement e join matching_need n on n.id = e.need_id
            where n.node_id in (select s.id from org_node s where s.path like :scopePath)
              and e.start_on between :from and :to""";

    private static final List<Measure> MEASURES = List.of(
            new Measure("peopleEngaged", "精准匹配挂职干部人才", "名", MeasureKind.COUNT,
                    "对接开始日期在统计时段内、需求方在范围内的对接所涉“给力”清单干部人才，同一人只计一次"));

    private final MatchingFigures figures;
    private final JdbcClient jdbc;

    MatchingFigureSource(MatchingFigures figures, JdbcClient jdbc) {
        super("prosperity.matching", MEASURES, Reader.OFFICE);
        this.figures = figures;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        // the scope's name only words the page's sentence, which the review does not read
        return valuesOf("peopleEngaged", figures.of(scope, "", from, to).peopleEngaged());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {

        long total = jdbc.sql("select count(distinct e.offer_id)" + ENGAGED).param("scopePath", scope.pathPattern())
                .param("from", from).param("to", to).query(Long.class).single();
        List<List<String>> rows = jdbc.sql("""
                        select o.name, o.kind, min(e.start_on) as first_on, count(*) as engagements
                          from matching_offer o join matching_engagement e on e.offer_id = o.id
                          join matching_need n on n.id = e.need_id
                         where n.node_id in (select s.id from org_node s where s.path like :scopePath)
                           and e.start_on between :from and :to
                         group by o.id, o.name, o.kind order by min(e.start_on), o.id limit :limit""")
                .param("scopePath", scope.pathPattern()).param("from", from).param("to", to).param("limit", limit)
                .query((rs, i) -> List.of(rs.getString("name"), "CADRE".equals(rs.getString("kind")) ? "干部" : "人才",
                        String.valueOf(rs.getDate("first_on")), String.valueOf(rs.getLong("engagements"))))
                .list();
        return new FigureRecords("统计时段内开始对接的干部人才（每人一行）", List.of("姓名", "类别", "首次对接开始", "对接数"),
                rows, total, BigDecimal.valueOf(total));
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/prosperity/matching/figures?from=" + from + "&to=" + to;
    }
}

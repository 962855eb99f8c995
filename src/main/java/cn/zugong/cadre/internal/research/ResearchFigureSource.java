package cn.zugong.cadre.internal.research;

import cn.zugong.cadre.ResearchFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.CadreFigureSource;
import cn.zugong.cadre.internal.FigureListing;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 调研课题's figures for the annual review (ADR 081): the values are {@link ResearchFigures}' total line. */
@Component
class ResearchFigureSource extends CadreFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("topics", "调研课题", "个", MeasureKind.COUNT,
                    "立项日期在统计时段内、由本范围内单位牵头的调研课题个数"),
            new Measure("keyTopics", "重点调研课题", "个", MeasureKind.COUNT, "上述调研课题中标记为重点课题的个数"),
            new Measure("solvedRate", "破难解题率", "％", MeasureKind.PERCENT,
                    "上述课题登记的问题中，截至统计时段截止日期已破解的个数 ÷ 发现问题总数 × 100，保留一位小数"));

    private static final String TOPICS = """
            select t.title as c1, p.name as c2, t.leader_post as c3, n.name as c4, t.starts_on as c5,
                   case when t.key_topic then '是' else '否' end as c6
              from research_topic t join org_node n on n.id = t.node_id join person p on p.id = t.leader_id
             where n.path like :scopePath and t.starts_on >= :from and t.starts_on <= :to""";
    private static final List<String> TOPIC_COLUMNS = List.of("课题", "领题领导", "职务", "牵头单位", "立项日期", "重点课题");

    private final ResearchFigures figures;

    ResearchFigureSource(ResearchFigures figures, FigureListing listing, CadreAccess access) {
        super("cadre.research", MEASURES, listing, access);
        this.figures = figures;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        ResearchFigures.Line t = figures.figures(scope, from, to).total();
        return valuesOf("topics", t.topics(), "keyTopics", t.keyTopics(), "solvedRate", t.solvedPct());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        Map<String, Object> p = period(scope, from, to);
        return switch (measure) {
            case "topics" -> listing.count("调研课题", TOPIC_COLUMNS, TOPICS, "c5, c1", p, limit);
            case "keyTopics" -> listing.count("重点调研课题", TOPIC_COLUMNS, TOPICS + " and t.key_topic", "c5, c1", p,
                    limit);
            case "solvedRate" -> listing.percent("课题发现的问题（截止日期前已破解为分子）",
                    List.of("问题", "课题", "发现日期", "已破解", "解决日期"),
                    "select r.description as c1, t.title as c2, r.found_on as c3, case when r.solved and r.solved_on"
                            + " <= :to then '是' else '否' end as c4, case when r.solved and r.solved_on <= :to then"
                            + " r.solved_on end as c5, case when r.solved and r.solved_on <= :to then 1 else 0 end"
                            + " as num from research_problem r join research_topic t on t.id = r.topic_id"
                            + " join org_node n on n.id = t.node_id where n.path like :scopePath"
                            + " and t.starts_on >= :from and t.starts_on <= :to",
                    "c3, c2, c1", p, limit, ResearchFigures::solvedPct);
            default -> throw unknown(measure);
        };
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/cadres/research/figures?from=" + from + "&to=" + to;
    }
}

package cn.zugong.service.internal;

import cn.zugong.service.CadreVisitCount;
import cn.zugong.service.NodeVisitCount;
import cn.zugong.service.VisitSummary;
import cn.zugong.shared.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** JSON for clients (HTTP Basic): a visit as the tickets module sees it, and the visit figures of a period. */
@RestController
class ServiceApiController {

    /** The figures of a period: per cadre and per node, with the period's dates. */
    record FiguresBody(LocalDate from, LocalDate to, List<CadreVisitCount> cadres, List<NodeVisitCount> nodes) {
    }

    private final ServiceQueries queries;
    private final VisitFiguresController figures;
    private final Clock clock;

    ServiceApiController(ServiceQueries queries, VisitFiguresController figures, Clock clock) {
        this.queries = queries;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/api/service/visits/{id}")
    VisitSummary visit(@PathVariable long id, CurrentUser user) {
        return queries.visit(id, user);
    }

    @GetMapping("/api/service/figures")
    FiguresBody figures(VisitFigureFilter filter, CurrentUser user) {
        var result = figures.figures(user, filter.resolve(LocalDate.now(clock)));
        return new FiguresBody(result.period().from(), result.period().to(), result.cadres(), result.nodes());
    }
}

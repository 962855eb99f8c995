package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.IndicatorResult;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.time.ReportPeriod;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 数字体检 over JSON: run an evaluation, read a node's results. Scoped like the pages. */
@RestController
@RequestMapping("/api/healthcheck")
class HealthCheckApiController {

    private final HealthCheckController pages;
    private final HealthCheckViews views;
    private final Evaluations evaluations;
    private final OrgTree tree;
    private final IndicatorDetail detail;
    private final HealthCheckFigures figures;
    private final Clock clock;

    HealthCheckApiController(HealthCheckController pages, HealthCheckViews views, Evaluations evaluations,
                             OrgTree tree, IndicatorDetail detail, HealthCheckFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
        this.detail = detail;
        this.pages = pages;
        this.views = views;
        this.evaluations = evaluations;
        this.tree = tree;
    }

    record NodeResults(long nodeId, String nodeName, Evaluation evaluation, List<IndicatorResult> results) {
    }

    /**
     * The figures of a period (from–to, both inclusive; bad or missing dates: the year to date) at a node of the
     * caller's scope (default: the whole scope; a node outside it is not found).
     */
    @GetMapping("/figures")
    HealthCheckFigures.PeriodFigures figures(@RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) Long nodeId, CurrentUser user) {
        var period = ReportPeriod.of("custom", null, null, null, from, to,
                LocalDate.now(clock));
        var scope = nodeId == null ? user.scope() : tree.get(nodeId, user.scope()).asScope();
        return figures.period(scope, period.from(), period.to());
    }

    @PostMapping("/evaluations")
    Evaluation run(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownOn,
                   CurrentUser user) {
        return pages.runFor(user, asOf, knownOn);
    }

    /** 与上次相比 of one indicator at a node: who entered and left its numerator since the previous evaluation. */
    @GetMapping("/nodes/{id}/indicators/{code}/moves")
    IndicatorDetail.Moves moves(@PathVariable long id, @PathVariable String code,
                                @RequestParam(required = false) Long evaluation, CurrentUser user) {
        return detail.moves(user, id, code, evaluation);
    }

    @GetMapping("/nodes/{id}")
    NodeResults node(@PathVariable long id, @RequestParam(required = false) Long evaluation, CurrentUser user) {
        OrgNode node = tree.get(id, user.scope());
        Evaluation current = views.evaluationFor(node, evaluation);
        if (current == null) {
            throw new NotFoundException("该范围尚未开展数字体检");
        }
        return new NodeResults(node.id(), node.name(), current,
                evaluations.results(current.id(), node.id(), user.scope()));
    }
}

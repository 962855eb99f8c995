package cn.zugong.talent.internal.grants;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 码上秒享 API: the office's runs, lines (masked ID numbers, with the explanation) and figures; the talent's own
 * grants. Reads only: computing, review and payment happen on the pages.
 */
@RestController
class GrantsApiController {

    private final GrantRuns runs;
    private final Clock clock;

    GrantsApiController(GrantRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    record LineView(long id, long talentId, String name, String idNumber, String rule, String ruleName, String kind,
                    int grantedPeriod, BigDecimal amount, String explanation, String runStatus) {
        static LineView of(GrantLine l, boolean withName) {
            return new LineView(l.id(), l.talentId(), withName ? l.talentName() : null,
                    withName ? l.maskedIdNumber() : null, l.ruleCode(), l.ruleName(), l.kind(), l.grantedPeriod(),
                    l.amount(), l.explanation(), l.runStatus());
        }
    }

    @GetMapping("/api/talent/grants/runs")
    List<GrantRun> list(@RequestParam(required = false) Integer year, CurrentUser user) {
        return runs.runs(user, year);
    }

    @GetMapping("/api/talent/grants/runs/{id}")
    Map<String, Object> run(@PathVariable long id, @RequestParam(required = false) String rule,
                            @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
                            CurrentUser user) {
        GrantRun r = runs.run(id, user);
        PageResult<GrantLine> lines = runs.lines(id, new GrantRuns.LineFilter(rule, kind, null),
                PageResult.clampPage(page), 100, user);
        return Map.of("run", r, "page", lines.page(), "total", lines.total(),
                "lines", lines.items().stream().map(l -> LineView.of(l, true)).toList());
    }

    @GetMapping("/api/talent/grants/figures")
    List<GrantRuns.Figure> figures(@RequestParam(required = false) Integer year, CurrentUser user) {
        return runs.figures(year == null ? LocalDate.now(clock).getYear() : year, user);
    }

    @GetMapping("/api/talent/my/grants")
    List<LineView> own(CurrentUser user) {
        return runs.own(user).stream().filter(l -> !"PENDING".equals(l.runStatus()))
                .map(l -> LineView.of(l, false)).toList();
    }
}

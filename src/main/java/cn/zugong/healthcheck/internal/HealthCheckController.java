package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.shared.legend.Colour;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 数字体检 pages. Every node, evaluation and person is looked up inside the caller's scope (404 outside). */
@Controller
class HealthCheckController {

    private final HealthCheckViews views;
    private final IndicatorDetail detail;
    private final Projection projection;
    private final Evaluations evaluations;
    private final IndicatorPacks packs;
    private final OrgTree tree;
    private final Clock clock;
    private final HealthCheckFigures figures;

    HealthCheckController(HealthCheckViews views, IndicatorDetail detail, Projection projection,
                          Evaluations evaluations, IndicatorPacks packs, OrgTree tree, Clock clock,
                          HealthCheckFigures figures) {
        this.figures = figures;
        this.views = views;
        this.detail = detail;
        this.projection = projection;
        this.evaluations = evaluations;
        this.packs = packs;
        this.tree = tree;
        this.clock = clock;
    }

    @GetMapping("/healthcheck")
    String home(CurrentUser user) {
        return "redirect:/healthcheck/nodes/" + user.scope().nodeId();
    }

    @GetMapping("/healthcheck/nodes/{id}")
    String node(@PathVariable long id, @RequestParam(required = false) Long evaluation,
                @RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        model.addAttribute("canRun", user.role() == Role.ADMIN);
        model.addAttribute("canRecheck", user.role().canEditRoster());
        model.addAttribute("colours", Colour.HEALTH_CHECK);
        var view = views.node(user, id, evaluation);
        if (view.isEmpty()) {
            model.addAttribute("node", tree.get(id, user.scope()));
            return "healthcheck/none";
        }
        model.addAttribute("view", view.get());
        // the year's figures of the node (what the annual review reads): a bad year falls back to this one
        int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("yearFigures", figures.period(view.get().node().asScope(), LocalDate.of(y, 1, 1),
                LocalDate.of(y, 12, 31)));
        return "healthcheck/node";
    }

    /** 开展体检: an organisation-department administrator evaluates the default pack for the own scope. */
    @PostMapping("/healthcheck/evaluations")
    String run(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownOn,
               CurrentUser user) {
        Evaluation done = runFor(user, asOf, knownOn);
        return "redirect:/healthcheck/nodes/" + user.scope().nodeId() + "?evaluation=" + done.id();
    }

    Evaluation runFor(CurrentUser user, LocalDate asOf) {
        return runFor(user, asOf, null);
    }

    /**
     * {@code knownOn} (按某日已知): read the roster as it was recorded by the end of that day (null: as known
     * now). It may not be after today; it may be before the evaluation date (what was known then of the
     * roster on that date, e.g. planned hires).
     */
    Evaluation runFor(CurrentUser user, LocalDate asOf, LocalDate knownOn) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有组织部管理员可以开展数字体检");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = asOf == null ? today : asOf;
        if (date.isAfter(today)) {
            throw new ForbiddenException("体检基准日不能晚于今天：" + date);
        }
        if (knownOn != null && knownOn.isAfter(today)) {
            throw new ForbiddenException("“按某日已知”的日期不能晚于今天：" + knownOn);
        }
        // known on a past day = everything recorded before the next day began
        java.time.LocalDateTime knownAt = knownOn == null || knownOn.equals(today) ? null
                : knownOn.plusDays(1).atStartOfDay().minusNanos(1000);
        return evaluations.evaluate(date, knownAt, packs.latest(HealthCheckViews.PACK).id(), user.scope(),
                user.username());
    }

    /**
     * 单位复检: after a unit's roster changed, its results in the evaluation (and its ancestors' roll-ups)
     * are recomputed in place. Administrators and the unit's own reporter may do it.
     */
    @PostMapping("/healthcheck/nodes/{id}/recheck")
    String recheck(@PathVariable long id, @RequestParam(required = false) Long evaluation, CurrentUser user,
                   org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        if (!user.role().canEditRoster()) {
            throw new ForbiddenException("只有组织部管理员和单位填报员可以复检");
        }
        OrgNode unit = tree.get(id, user.scope());
        if (!unit.isUnit()) {
            throw new NotFoundException("只有单位可以复检：" + unit.name());
        }
        Evaluation basis = views.evaluationFor(unit, evaluation);
        if (basis == null) {
            throw new NotFoundException("该范围尚未开展数字体检");
        }
        var done = evaluations.reevaluateUnit(basis.id(), unit.id(), user.username());
        flash.addFlashAttribute("recheck", "已按最新名册复检本单位：更新本单位 " + done.unitRowsChanged() + " 项、上级汇总 "
                + done.rollupRowsChanged() + " 项，用时 " + done.elapsedMs() + " 毫秒。");
        return "redirect:/healthcheck/nodes/" + unit.id() + "?evaluation=" + basis.id();
    }

    @GetMapping("/healthcheck/nodes/{id}/indicators/{code}")
    String indicator(@PathVariable long id, @PathVariable String code,
                     @RequestParam(required = false) Long evaluation, CurrentUser user, Model model) {
        var view = detail.indicator(user, id, code, evaluation);
        model.addAttribute("view", view);
        model.addAttribute("moves", detail.moves(user, id, code, view.evaluation().id()));
        model.addAttribute("canRectify", user.role() == Role.ADMIN && view.node().isUnit() && view.result() != null
                && (Colour.RED.is(view.result().colour()) || Colour.YELLOW.is(view.result().colour())));
        return "healthcheck/indicator";
    }

    @GetMapping("/healthcheck/nodes/{id}/indicators/{code}/people")
    String people(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) Long evaluation,
                  CurrentUser user, Model model) {
        model.addAttribute("view", detail.people(user, id, code, evaluation));
        return "healthcheck/people";
    }

    @GetMapping("/healthcheck/changes")
    String changes(@RequestParam(required = false) Long evaluation, CurrentUser user, Model model) {
        OrgNode node = tree.get(user.scope().nodeId(), user.scope());
        Evaluation current = views.evaluationFor(node, evaluation);
        if (current == null) {
            throw new NotFoundException("该范围尚未开展数字体检");
        }
        model.addAttribute("node", node);
        model.addAttribute("evaluation", current);
        model.addAttribute("previous", evaluations.previous(current.id()).orElse(null));
        model.addAttribute("changes", detail.changes(user, current));
        return "healthcheck/changes";
    }

    @GetMapping("/healthcheck/nodes/{id}/projection")
    String projection(@PathVariable long id, @RequestParam(defaultValue = "5") int years,
                      @RequestParam(required = false) Long evaluation, CurrentUser user, Model model) {
        OrgNode node = tree.get(id, user.scope());
        Evaluation basis = views.evaluationFor(node, evaluation);
        LocalDate asOf = basis == null ? LocalDate.now(clock) : basis.asOf();
        model.addAttribute("view", projection.of(user, id, asOf, years));
        return "healthcheck/projection";
    }
}

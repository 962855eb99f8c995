package cn.zugong.cadre.internal.research;

import cn.zugong.cadre.ResearchFigures.Figures;
import cn.zugong.cadre.internal.research.ResearchForms.ConcludeForm;
import cn.zugong.cadre.internal.research.ResearchForms.ProblemForm;
import cn.zugong.cadre.internal.research.ResearchForms.ProgressForm;
import cn.zugong.cadre.internal.research.ResearchForms.SolveForm;
import cn.zugong.cadre.internal.research.ResearchForms.TopicForm;
import cn.zugong.cadre.internal.research.ResearchViews.Problem;
import cn.zugong.cadre.internal.research.ResearchViews.Topic;
import cn.zugong.cadre.internal.research.ResearchViews.TopicDetail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.web.FormFields;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of 调研课题 (the pages' mirror): the same service, access rule and scope. */
@RestController
class ResearchApiController {

    static final String BASE = "/api/cadres/research";

    record Created(long id) {
    }

    private final ResearchService service;
    private final ResearchController pages;

    ResearchApiController(ResearchService service, ResearchController pages) {
        this.service = service;
        this.pages = pages;
    }

    @GetMapping(BASE + "/topics")
    List<Topic> topics(@RequestParam(required = false) String key, @RequestParam(required = false) Integer year,
                       CurrentUser user) {
        return service.topics(user, key == null || key.isBlank() ? null : FormFields.flag(key), year);
    }

    @PostMapping(BASE + "/topics")
    Created create(@RequestBody TopicForm form, CurrentUser user) {
        return new Created(service.createTopic(user, form));
    }

    @GetMapping(BASE + "/topics/{id}")
    TopicDetail detail(@PathVariable long id, CurrentUser user) {
        return service.detail(user, id);
    }

    @PostMapping(BASE + "/topics/{id}/progress")
    Created progress(@PathVariable long id, @RequestBody ProgressForm form, CurrentUser user) {
        return new Created(service.addProgress(user, id, form));
    }

    @PostMapping(BASE + "/topics/{id}/problems")
    Created problem(@PathVariable long id, @RequestBody ProblemForm form, CurrentUser user) {
        return new Created(service.addProblem(user, id, form));
    }

    @PostMapping(BASE + "/problems/{id}/solve")
    Problem solve(@PathVariable long id, @RequestBody SolveForm form, CurrentUser user) {
        service.solve(user, id, form);
        return service.visibleProblem(user, id);
    }

    @PostMapping(BASE + "/topics/{id}/conclude")
    Topic conclude(@PathVariable long id, @RequestBody ConcludeForm form, CurrentUser user) {
        service.conclude(user, id, form);
        return service.visibleTopic(user, id);
    }

    /** The 督办 list: open topics past their 计划结题日期, with the level reached today. */
    @GetMapping(BASE + "/dunning")
    List<ResearchViews.Overdue> dunning(CurrentUser user) {
        return service.overdue(user, 500);
    }

    @PostMapping(BASE + "/topics/{id}/dunning")
    ResearchViews.Dunning dun(@PathVariable long id, @RequestBody(required = false) ResearchForms.DunForm form,
                              CurrentUser user) {
        service.dun(user, id, form);
        var all = service.detail(user, id).dunning();
        return all.get(all.size() - 1);
    }

    @GetMapping(BASE + "/figures")
    Figures figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    CurrentUser user) {
        return pages.compute(from, to, user);
    }
}

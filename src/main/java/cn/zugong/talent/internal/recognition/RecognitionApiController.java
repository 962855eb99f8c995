package cn.zugong.talent.internal.recognition;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import cn.zugong.talent.internal.recognition.RecognitionModel.Case;
import cn.zugong.talent.internal.recognition.RecognitionModel.Route;
import cn.zugong.talent.internal.recognition.RecognitionModel.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The recognition API of the office: cases, a case with its reasons, the rules' evaluation, steps, the 公示 list. */
@RestController
@RequestMapping("/api/talent/recognition")
class RecognitionApiController {

    private final RecognitionService service;
    private final RefereeService referees;

    RecognitionApiController(RecognitionService service, RefereeService referees) {
        this.service = service;
        this.referees = referees;
    }

    @GetMapping("/cases")
    PageResult<Case> cases(@RequestParam(required = false) String status, @RequestParam(required = false) String route,
                           @RequestParam(required = false) String level, @RequestParam(required = false) String q,
                           @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                           CurrentUser user) {
        return service.find(new RecognitionRepository.Filter(Status.parse(status), Route.parse(route), level, q), page,
                size, user);
    }

    @GetMapping("/publicity")
    PageResult<Case> publicity(@RequestParam(required = false) Integer page, CurrentUser user) {
        return service.find(new RecognitionRepository.Filter(Status.PUBLICITY, null, null, null), page, 200, user);
    }

    @GetMapping("/cases/{id}")
    Map<String, Object> get(@PathVariable long id, CurrentUser user) {
        Case c = service.get(id, user);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", c);
        out.put("history", service.history(c));
        out.put("evidence", service.evidence(c));
        out.put("opinions", service.opinions(c));
        out.put("objections", service.objections(c));
        if (c.route() == Route.NOMINATED) {
            out.put("tally", service.tally(c));
            out.put("ballots", referees.ballotsForOffice(c));
        }
        return out;
    }

    /** The 常规认定 rules applied to a talent: the level, the rule and why the next level up did not match. */
    @GetMapping("/evaluation")
    Map<String, Object> evaluate(@RequestParam long talentId, CurrentUser user) {
        RecognitionRules.Evaluation e = service.evaluate(talentId, user);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("talentId", talentId);
        out.put("level", e.level());
        out.put("rule", e.matched() == null ? null : Map.of("id", e.matched().id(), "name", e.matched().name()));
        out.put("nextLevel", e.nextLevel());
        out.put("nextLevelMisses", e.nextMisses().stream().map(m -> Map.of("rule", m.rule().id(), "name",
                m.rule().name(), "failed", m.failures().stream().map(RecognitionRules.Failure::text).toList())).toList());
        out.put("directRecognition", e.directRecognition() == null ? null : e.directRecognition().id());
        out.put("directFinal", e.directFinal() == null ? null : e.directFinal().id());
        out.put("reason", e.reason());
        return out;
    }

    @PostMapping("/cases")
    Case open(@RequestBody RecognitionService.Application application, CurrentUser user) {
        return service.open(application, user);
    }

    @PostMapping("/cases/{id}/{action}")
    Case step(@PathVariable long id, @PathVariable String action,
              @RequestBody(required = false) RecognitionService.Step step, CurrentUser user) {
        return service.step(id, action, step == null ? RecognitionService.Step.note(null) : step, user);
    }

    @GetMapping("/groups")
    List<RecognitionModel.Group> groups(CurrentUser user) {
        return referees.groups(user);
    }
}

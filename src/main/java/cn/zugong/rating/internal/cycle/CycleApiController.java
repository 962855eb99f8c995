package cn.zugong.rating.internal.cycle;

import cn.zugong.rating.internal.cycle.CycleModel.Entry;
import cn.zugong.rating.internal.cycle.CycleModel.Evidence;
import cn.zugong.rating.internal.cycle.CycleModel.Objection;
import cn.zugong.rating.internal.cycle.CycleModel.Round;
import cn.zugong.rating.internal.cycle.CycleModel.Stage;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.Upload;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The yearly cycle as JSON: the same reads and actions as the pages, the same checks. */
@RestController
@RequestMapping("/api/ratings")
class CycleApiController {

    /** A round to open: scheme as code@version. */
    record RoundForm(String scheme, Integer year, LocalDate selfDue, LocalDate reviewDue, Integer publicityDays) {
    }

    /** Scores to save (criterion code → points, or the count of a per-item criterion), with the reason. */
    record ScoresForm(Map<String, String> scores, String reason, Integer version) {
    }

    /** A step (approve, return, recompute, submit, publish): comment or reason, and the version read. */
    record StepForm(String comment, String reason, Integer version) {
    }

    record VetoForm(String code, String reason, Integer version) {
    }

    record PublicityForm(LocalDate from, Integer version) {
    }

    record ObjectionForm(LocalDate raisedOn, String raisedBy, String content) {
    }

    record AnswerForm(String answer, Boolean upheld) {
    }

    record WithdrawForm(Integer stars, String reason, Integer version) {
    }

    private final RatingCycle cycle;

    CycleApiController(RatingCycle cycle) {
        this.cycle = cycle;
    }

    @GetMapping("/rounds")
    List<Round> rounds(CurrentUser user) {
        return cycle.rounds(user);
    }

    @PostMapping("/rounds")
    Round create(@RequestBody RoundForm form, CurrentUser user) {
        return cycle.create(new RatingCycle.NewRound(form.scheme(), form.year(), form.selfDue(), form.reviewDue(),
                form.publicityDays()), user);
    }

    @GetMapping("/rounds/{id}")
    Map<String, Object> round(@PathVariable long id, CurrentUser user) {
        Round r = cycle.round(id, user);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("round", r);
        out.put("stageCounts", cycle.stageCounts(r, user));
        out.put("starCounts", cycle.starCounts(r, user));
        return out;
    }

    @GetMapping("/rounds/{id}/entries")
    PageResult<Entry> entries(@PathVariable long id, @RequestParam(required = false) String stage,
                              @RequestParam(required = false) Long district, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size, CurrentUser user) {
        Round r = cycle.round(id, user);
        return cycle.entries(r, Stage.parse(stage), district, page, size, user);
    }

    @PostMapping("/rounds/{id}/publicity")
    Round publicity(@PathVariable long id, @RequestBody(required = false) PublicityForm form, CurrentUser user) {
        return cycle.startPublicity(id, form == null ? null : form.from(), form == null ? null : form.version(), user);
    }

    @PostMapping("/rounds/{id}/publish")
    Round publish(@PathVariable long id, @RequestBody(required = false) StepForm form, CurrentUser user) {
        return cycle.publish(id, form == null ? null : form.version(), user);
    }

    @GetMapping("/entries/{id}")
    Map<String, Object> sheet(@PathVariable long id, CurrentUser user) {
        RatingCycle.Sheet s = cycle.sheet(id, user);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entry", s.entry());
        out.put("round", Map.of("id", s.round().id(), "name", s.round().name(), "status", s.round().status()));
        out.put("title", s.title());
        out.put("result", s.result());
        out.put("chain", s.chain());
        out.put("scores", s.scores().values());
        out.put("computed", s.computed());
        out.put("vetoes", s.vetoes().values());
        out.put("changes", s.changes());
        out.put("steps", s.steps());
        out.put("evidence", s.evidence());
        out.put("objections", s.objections());
        return out;
    }

    @PostMapping("/entries/{id}/scores")
    Entry scores(@PathVariable long id, @RequestBody ScoresForm form, CurrentUser user) {
        return cycle.saveScores(id, form.scores() == null ? Map.of() : form.scores(), form.reason(), form.version(),
                user);
    }

    @PostMapping("/entries/{id}/recompute")
    Entry recompute(@PathVariable long id, @RequestBody(required = false) StepForm form, CurrentUser user) {
        return cycle.recompute(id, form == null ? null : form.version(), user);
    }

    /** 佐证材料 as multipart (the entry as a parameter: upload routes of the API carry no path variable). */
    @PostMapping("/entries/evidence")
    Evidence attach(@RequestParam("entryId") long id, @RequestParam(required = false) String criterion,
                    @RequestParam(required = false) String description,
                    @RequestParam(name = "file", required = false) MultipartFile file, CurrentUser user) {
        return cycle.attach(id, criterion, description, file == null || file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank() ? null
                : new Upload(file.getOriginalFilename(), file.getSize(), file::getBytes), user);
    }

    @PostMapping("/entries/{id}/submit")
    Entry submit(@PathVariable long id, @RequestBody(required = false) StepForm form, CurrentUser user) {
        return cycle.submit(id, form == null ? null : form.version(), user);
    }

    @PostMapping("/entries/{id}/approve")
    Entry approve(@PathVariable long id, @RequestBody(required = false) StepForm form, CurrentUser user) {
        return cycle.approve(id, form == null ? null : form.comment(), form == null ? null : form.version(), user);
    }

    @PostMapping("/entries/{id}/return")
    Entry returnBack(@PathVariable long id, @RequestBody(required = false) StepForm form, CurrentUser user) {
        return cycle.returnBack(id, form == null ? null : form.reason(), form == null ? null : form.version(), user);
    }

    @PostMapping("/entries/{id}/veto")
    Entry veto(@PathVariable long id, @RequestBody VetoForm form, CurrentUser user) {
        return cycle.veto(id, form.code(), form.reason(), form.version(), user);
    }

    @PostMapping("/entries/{id}/veto/lift")
    Entry liftVeto(@PathVariable long id, @RequestBody VetoForm form, CurrentUser user) {
        return cycle.liftVeto(id, form.code(), form.reason(), form.version(), user);
    }

    @PostMapping("/entries/{id}/objections")
    Objection object(@PathVariable long id, @RequestBody ObjectionForm form, CurrentUser user) {
        return cycle.object(id, form.raisedOn(), form.raisedBy(), form.content(), user);
    }

    @PostMapping("/entries/{id}/objections/{objectionId}/answer")
    Objection answer(@PathVariable long id, @PathVariable long objectionId, @RequestBody AnswerForm form,
                     CurrentUser user) {
        return cycle.answer(id, objectionId, form.answer(), form.upheld(), user);
    }

    @PostMapping("/entries/{id}/withdraw")
    Entry withdraw(@PathVariable long id, @RequestBody WithdrawForm form, CurrentUser user) {
        return cycle.withdraw(id, form.stars(), form.reason(), form.version(), user);
    }

    @PostMapping("/entries/{id}/restore")
    Entry restore(@PathVariable long id, @RequestBody(required = false) StepForm form, CurrentUser user) {
        return cycle.restore(id, form == null ? null : form.reason(), form == null ? null : form.version(), user);
    }
}

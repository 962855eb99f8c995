package cn.zugong.talent.internal.recognition;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Upload;
import cn.zugong.shared.ZugongException;
import cn.zugong.shared.web.Downloads;
import cn.zugong.talent.internal.recognition.RecognitionModel.Case;
import cn.zugong.talent.internal.recognition.RecognitionModel.Route;
import cn.zugong.talent.internal.recognition.RecognitionModel.Status;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's recognition pages: cases with filters, a case with its rule, steps and evidence, the 公示 list. */
@Controller
class RecognitionController {

    static final String BASE = "/talent/recognition";

    private final RecognitionService service;
    private final RefereeService referees;
    private final Certificates certificates;
    private final Clock clock;

    RecognitionController(RecognitionService service, RefereeService referees, Certificates certificates,
                          Clock clock) {
        this.service = service;
        this.referees = referees;
        this.certificates = certificates;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String route,
                @RequestParam(required = false) String level, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        Status s = Status.parse(status);
        Route r = Route.parse(route);
        model.addAttribute("cases", service.find(new RecognitionRepository.Filter(s, r, level, q), page, 20, user));
        model.addAttribute("counts", service.counts(user));
        model.addAttribute("status", s);
        model.addAttribute("route", r);
        model.addAttribute("level", level);
        model.addAttribute("q", q);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute("levels", service.rules().levelNames());
        model.addAttribute("groups", referees.groups(user));
        model.addAttribute("mayWrite", user.role() == cn.zugong.shared.Role.ADMIN);
        model.addAttribute("base", BASE + "?status=" + (s == null ? "" : s.name()) + "&route=" + (r == null ? ""
                : r.name()) + "&level=" + enc(level) + "&q=" + enc(q) + "&");
        return "talent/recognition/list";
    }

    @GetMapping(BASE + "/publicity")
    String publicity(@RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        model.addAttribute("cases", service.find(new RecognitionRepository.Filter(Status.PUBLICITY, null, null, null),
                page, 50, user));
        model.addAttribute("levels", service.rules().levelNames());
        model.addAttribute("workdays", service.rules().publicityWorkdays());
        model.addAttribute("today", LocalDate.now(clock));
        return "talent/recognition/publicity";
    }

    @GetMapping(BASE + "/groups")
    String groups(CurrentUser user, Model model) {
        model.addAttribute("groups", referees.groups(user));
        model.addAttribute("rules", service.rules());
        return "talent/recognition/groups";
    }

    /** The rules file as the office reads it: 常规认定 rules per level and the 10+10 lists. */
    @GetMapping(BASE + "/rules")
    String rules(CurrentUser user, Model model) {
        RecognitionService.requireOffice(user);
        model.addAttribute("rules", service.rules());
        model.addAttribute("levels", service.rules().levelNames());
        return "talent/recognition/rules";
    }

    @PostMapping(BASE)
    String open(@RequestParam(required = false) Long talentId, @RequestParam(required = false) String route,
                @RequestParam(required = false) String claimedLevel, @RequestParam(required = false) Long groupId,
                @RequestParam(required = false) String summary, CurrentUser user, RedirectAttributes flash) {
        try {
            Case c = service.open(new RecognitionService.Application(talentId, route, claimedLevel, groupId, summary),
                    user);
            flash.addFlashAttribute("message", "已受理认定申报：" + c.caseNo());
            return "redirect:" + BASE + "/" + c.id();
        } catch (ZugongException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + BASE;
        }
    }

    @GetMapping(BASE + "/{id}")
    String show(@PathVariable long id, CurrentUser user, Model model) {
        Case c = service.get(id, user);
        model.addAttribute("c", c);
        model.addAttribute("history", service.history(c));
        model.addAttribute("evidence", service.evidence(c));
        model.addAttribute("opinions", service.opinions(c));
        model.addAttribute("objections", service.objections(c));
        model.addAttribute("levels", service.rules().levelNames());
        model.addAttribute("rules", service.rules());
        model.addAttribute("mayWrite", user.role() == cn.zugong.shared.Role.ADMIN);
        model.addAttribute("today", LocalDate.now(clock));
        if (c.route() == Route.NOMINATED) {
            model.addAttribute("tally", service.tally(c));
            model.addAttribute("ballots", referees.ballotsForOffice(c));
        }
        return "talent/recognition/case";
    }

    @PostMapping(BASE + "/{id}/evidence")
    String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  CurrentUser user, RedirectAttributes flash) {
        // a refused file answers 4xx with its reason (not a redirect), as every upload of the platform does
        RecognitionModel.Evidence e = service.attach(id, file == null ? null
                : new Upload(file.getOriginalFilename(), file.getSize(), file::getBytes), user);
        flash.addFlashAttribute("message", "已上传佐证材料：" + e.fileName());
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId, CurrentUser user) {
        RecognitionModel.Evidence e = service.evidenceOf(id, evidenceId, user);
        return Downloads.attachment(service.evidenceContent(id, evidenceId, user), e.fileName(), e.contentType());
    }

    @GetMapping(BASE + "/{id}/certificate")
    ResponseEntity<byte[]> certificate(@PathVariable long id, CurrentUser user) {
        Case c = service.get(id, user);
        return Downloads.attachment(certificates.pdf(c), "人才认定证书-" + c.certificateNo() + ".pdf",
                "application/pdf");
    }

    @PostMapping(BASE + "/{id}/{action}")
    String step(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
                @RequestParam(required = false) String level, @RequestParam(required = false) String memberName,
                @RequestParam(required = false) Boolean agree, @RequestParam(required = false) String raisedBy,
                @RequestParam(required = false) String content,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                @RequestParam(required = false) Long objectionId, @RequestParam(required = false) Boolean upheld,
                CurrentUser user, RedirectAttributes flash) {
        RecognitionService.Step s = new RecognitionService.Step(note, level, memberName, agree, raisedBy, content,
                receivedOn, objectionId, upheld);
        return act(id, flash, () -> {
            Case after = service.step(id, action, s, user);
            return RecognitionFlow.parse(action).map(RecognitionFlow::label).orElse(action) + "：已完成，案件"
                    + after.status().label() + "。";
        });
    }

    private static String enc(String value) {
        return value == null ? "" : org.springframework.web.util.UriUtils.encodeQueryParam(value,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A refused step (400/409) comes back to the case page with the reason; 403/404 answer as such. */
    private String act(long id, RedirectAttributes flash, Supplier<String> work) {
        try {
            flash.addFlashAttribute("message", work.get());
        } catch (ZugongException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + BASE + "/" + id;
    }
}

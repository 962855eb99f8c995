package cn.zugong.rating.internal.evaluation;

import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Campaign;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Subject;
import cn.zugong.shared.ZugongException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The raters' phone page (public, no account): the one-time code → the village's subjects with their 述职 and a
 * grade per subject (abstaining allowed) → confirm → the one ballot box (ONLINE) → thanks, with no score echoed.
 * Wrong codes are limited per client address ({@link WrongCodeThrottle}, shared with the JSON vote API): right codes
 * do not count, so a village voting together behind one address is not slowed by them; past the limit every code
 * from the address waits for the next minute, so guessing gains nothing.
 */
@Controller
class VoteController {

    static final String PAGE = "/ratings/vote";

    /** A refusal shown on the page, with its HTTP status. */
    private record Refusal(int status, String message) {
    }

    private final RaterCodes codes;
    private final EvaluationStore store;
    private final EvaluationService service;
    private final BallotBox box;
    private final WrongCodeThrottle throttle;
    private final Clock clock;

    VoteController(RaterCodes codes, EvaluationStore store, EvaluationService service, BallotBox box, Clock clock,
                   WrongCodeThrottle throttle) {
        this.codes = codes;
        this.store = store;
        this.service = service;
        this.box = box;
        this.clock = clock;
        this.throttle = throttle;
    }

    /** For tests and benchmarks: the wrong-code limit per minute (0 = off). */
    void perMinute(int limit) {
        throttle.perMinute(limit);
    }

    @GetMapping(PAGE)
    String page() {
        return "rating/evaluation/vote";
    }

    @PostMapping(PAGE)
    String open(@RequestParam(required = false) String code, @RequestParam Map<String, String> form,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Object opened = opened(code, request);
        if (opened instanceof Refusal r) {
            return refused(r, code, response, model);
        }
        sheet((Ballot) opened, code, form, model);
        return "rating/evaluation/vote-sheet";
    }

    @PostMapping(PAGE + "/confirm")
    String confirm(@RequestParam(required = false) String code, @RequestParam Map<String, String> form,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        Object opened = opened(code, request);
        if (opened instanceof Refusal r) {
            return refused(r, code, response, model);
        }
        Ballot b = (Ballot) opened;
        sheet(b, code, form, model);
        model.addAttribute("labels", labels(b.scheme()));
        return "rating/evaluation/vote-confirm";
    }

    /** What the sheet and its confirmation show: the village's subjects, the grades and the marks chosen so far. */
    private void sheet(Ballot b, String code, Map<String, String> form, Model model) {
        model.addAttribute("code", code.strip());
        model.addAttribute("village", b.village());
        model.addAttribute("c", b.campaign());
        model.addAttribute("subjects", b.subjects());
        model.addAttribute("grades", b.scheme().grades());
        model.addAttribute("chosen", marks(form, b.scheme()));
    }

    @PostMapping(PAGE + "/cast")
    String cast(@RequestParam(required = false) String code, @RequestParam Map<String, String> form,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Object opened = opened(code, request);
        if (opened instanceof Refusal r) {
            return refused(r, code, response, model);
        }
        Ballot b = (Ballot) opened;
        Map<Long, String> chosen = marks(form, b.scheme());
        List<BallotBox.Mark> marks = new ArrayList<>();
        chosen.forEach((subject, grade) -> marks.add(new BallotBox.Mark(subject, grade, null)));
        try {
            box.cast(b.campaign().id(), List.of(new BallotBox.Sheet(b.rater().raterId(), marks)),
                    BallotBox.Channel.ONLINE);
        } catch (ZugongException e) {
            return refused(new Refusal(e.status() == 404 ? 400 : e.status(), voterMessage(e)), code, response, model);
        }
        return "rating/evaluation/vote-done";
    }

    /** The rater's view of a refusal: the ballot box names the rater's number, which the rater need not see. */
    private static String voterMessage(ZugongException e) {
        String m = e.getMessage();
        if (m.contains("已在线投票")) {
            return "该评议码已在线投过票，每人只能投票一次";
        }
        if (m.contains("已录入纸质票")) {
            return "您已通过纸质票参加评议，不能再在线投票";
        }
        if (m.contains("不是本村社的评议对象")) {
            return "评议票中含有不属于本村（社区）的评议对象，请返回重新填写";
        }
        return m;
    }

    private record Ballot(RaterCodes.RaterRef rater, Campaign campaign, EvaluationScheme scheme, String village,
                          List<Subject> subjects) {
    }

    /** The code's rater and campaign, or why it cannot vote now. */
    private Object opened(String code, HttpServletRequest request) {
        if (code == null || code.isBlank()) {
            return new Refusal(400, "请输入评议码");
        }
        throttle.check(request.getRemoteAddr());
        var ref = codes.find(code.strip().toUpperCase());
        if (ref.isEmpty()) {
            throttle.wrong(request.getRemoteAddr());
            return new Refusal(400, "评议码不正确，请核对纸条上的评议码后重新输入");
        }
        RaterCodes.RaterRef r = ref.get();
        if (r.channel() != null) {
            return new Refusal(409, "ONLINE".equals(r.channel()) ? "该评议码已在线投过票，每人只能投票一次"
                    : "您已通过纸质票参加评议，不能再在线投票");
        }
        service.closeOverdue();
        Campaign c = store.campaign(r.campaignId()).orElseThrow();
        Instant now = clock.instant();
        if ("DRAFT".equals(c.status()) || now.isBefore(c.opensAt())) {
            return new Refusal(409, "评议尚未开始，开始时间：" + EvaluationController.local(c.opensAt(), clock.getZone()));
        }
        if (!"OPEN".equals(c.status()) || !now.isBefore(c.closesAt())) {
            return new Refusal(409, "评议已截止，不能再投票");
        }
        String village = store.villageName(r.orgNodeId());
        return new Ballot(r, c, service.scheme(c), village, store.subjectsOf(c.id(), r.orgNodeId()));
    }

    private static Map<Long, String> marks(Map<String, String> form, EvaluationScheme scheme) {
        Map<Long, String> chosen = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("g_") && v != null && !v.isBlank()) {
                try {
                    chosen.put(Long.parseLong(k.substring(2)), v.strip());
                } catch (NumberFormatException ignored) {
                    // not a subject field
                }
            }
        });
        return chosen;
    }

    private static Map<String, String> labels(EvaluationScheme scheme) {
        Map<String, String> labels = new LinkedHashMap<>();
        scheme.grades().forEach(g -> labels.put(g.code(), g.label()));
        return labels;
    }

    private String refused(Refusal r, String code, HttpServletResponse response, Model model) {
        response.setStatus(r.status());
        model.addAttribute("problem", r.message());
        return "rating/evaluation/vote";
    }
}

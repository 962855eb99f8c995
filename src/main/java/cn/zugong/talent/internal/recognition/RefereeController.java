package cn.zugong.talent.internal.recognition;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ZugongException;
import cn.zugong.talent.internal.recognition.RecognitionModel.Case;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 举荐委员's pages and API (role TALENT_REFEREE only, checked here as well as by the security chain): the
 * nominees of the own groups, the ballot, and the others' ballots only once the own is in (404 before).
 */
@Controller
class RefereeController {

    private final RefereeService referees;
    private final RecognitionRules rules;

    RefereeController(RefereeService referees, RecognitionRules rules) {
        this.referees = referees;
        this.rules = rules;
    }

    @GetMapping("/talent/referee")
    String home(CurrentUser user, Model model) {
        model.addAttribute("groups", referees.groupsOf(user).stream().map(referees::named).toList());
        List<Case> cases = referees.cases(user);
        model.addAttribute("cases", cases);
        Map<Long, Boolean> mine = new LinkedHashMap<>();
        cases.forEach(c -> mine.put(c.id(), referees.submitted(c, user)));
        model.addAttribute("submitted", mine);
        return "talent/referee/home";
    }

    @GetMapping("/talent/referee/cases/{id}")
    String show(@PathVariable long id, CurrentUser user, Model model) {
        Case c = referees.get(id, user);
        boolean submitted = referees.submitted(c, user);
        model.addAttribute("c", c);
        model.addAttribute("nominee", referees.nominee(c));
        model.addAttribute("dimensions", rules.dimensions());
        model.addAttribute("levels", rules.levelNames());
        model.addAttribute("submitted", submitted);
        model.addAttribute("count", referees.ballotCount(c));
        if (submitted) {
            model.addAttribute("own", referees.own(id, user));
            model.addAttribute("ballots", referees.ballots(id, user));
        }
        return "talent/referee/case";
    }

    @PostMapping("/talent/referee/cases/{id}/ballot")
    String submit(@PathVariable long id, @RequestParam Map<String, String> form, CurrentUser user,
                  RedirectAttributes flash) {
        referees.get(id, user); // 404 before anything of the form is read
        Map<String, Integer> points = new LinkedHashMap<>();
        for (RecognitionRules.Dimension d : rules.dimensions()) {
            String v = form.get("points." + d.code());
            try {
                points.put(d.code(), v == null || v.isBlank() ? null : Integer.valueOf(v.strip()));
            } catch (NumberFormatException e) {
                flash.addFlashAttribute("error", d.name() + "（" + d.code() + "）：应为整数，实际为“" + v + "”");
                return "redirect:/talent/referee/cases/" + id;
            }
        }
        try {
            String level = form.get("level");
            if (level == null || level.isBlank()) {
                flash.addFlashAttribute("error", "人才层次意见 level：请选择等级或“不予举荐”");
                return "redirect:/talent/referee/cases/" + id;
            }
            referees.submit(id, new RefereeService.BallotForm(points, "NONE".equals(level) ? null : level,
                    form.get("reason")), user);
            flash.addFlashAttribute("message", "评议已提交。");
        } catch (ZugongException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/talent/referee/cases/" + id;
    }

    // ---- API

    @GetMapping("/api/talent/referee/cases")
    @ResponseBody
    List<Map<String, Object>> apiCases(CurrentUser user) {
        return referees.cases(user).stream().map(c -> brief(c, user)).toList();
    }

    @GetMapping("/api/talent/referee/cases/{id}")
    @ResponseBody
    Map<String, Object> apiCase(@PathVariable long id, CurrentUser user) {
        Case c = referees.get(id, user);
        Map<String, Object> out = brief(c, user);
        out.put("nominee", referees.nominee(c));
        out.put("dimensions", rules.dimensions());
        return out;
    }

    /** The own ballot: 404 before it is submitted. */
    @GetMapping("/api/talent/referee/cases/{id}/ballot")
    @ResponseBody
    RecognitionModel.Ballot apiOwn(@PathVariable long id, CurrentUser user) {
        return referees.own(id, user);
    }

    /** Every ballot: 404 before the caller's own is submitted. */
    @GetMapping("/api/talent/referee/cases/{id}/ballots")
    @ResponseBody
    List<RecognitionModel.Ballot> apiBallots(@PathVariable long id, CurrentUser user) {
        return referees.ballots(id, user);
    }

    @PostMapping("/api/talent/referee/cases/{id}/ballot")
    @ResponseBody
    RecognitionModel.Ballot apiSubmit(@PathVariable long id, @RequestBody(required = false) RefereeService.BallotForm form,
                                      CurrentUser user) {
        referees.get(id, user);
        return referees.submit(id, form == null ? new RefereeService.BallotForm(null, null, null) : form, user);
    }

    private Map<String, Object> brief(Case c, CurrentUser user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("caseNo", c.caseNo());
        m.put("talentName", c.talentName());
        m.put("group", c.groupName());
        m.put("status", c.status().name());
        m.put("statusLabel", c.status().label());
        m.put("claimedLevel", c.claimedLevel());
        m.put("summary", c.summary());
        m.put("submitted", referees.submitted(c, user));
        m.put("ballotsIn", referees.ballotCount(c));
        return m;
    }
}

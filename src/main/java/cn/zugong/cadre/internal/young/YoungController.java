package cn.zugong.cadre.internal.young;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.YoungCadreFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.young.YoungViews.Cadre;
import cn.zugong.people.YoungCadreRoster;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 干部科's pages of 年轻干部: the pool, who qualifies, one entry (预审, 导师, 挂职, 退出), cohorts, figures. */
@Controller
class YoungController {

    static final List<String> STATUSES = List.of("REVIEW", "IN_POOL", "REFUSED", "EXITED");

    private final YoungService service;
    private final YoungStore store;
    private final EntryRules rules;
    private final YoungCadreRoster roster;
    private final YoungCadreFigures figures;
    private final CadreAccess access;
    private final AuditTrail audit;

    YoungController(YoungService service, YoungStore store, EntryRules rules, YoungCadreRoster roster,
                    YoungCadreFigures figures, CadreAccess access, AuditTrail audit) {
        this.service = service;
        this.store = store;
        this.rules = rules;
        this.roster = roster;
        this.figures = figures;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/cadres/young")
    String index(@RequestParam(required = false) String status, @RequestParam(required = false) String level,
                 @RequestParam(required = false) String q, CurrentUser user, Model model) {
        access.requireRead(user);
        String s = blank(status);
        if (s != null && !STATUSES.contains(s)) {
            throw new BadRequestException("「状态」无效：" + s);
        }
        String l = blank(level);
        if (l != null && !rules.has(l)) {
            throw new BadRequestException("「类别」无效：" + l);
        }
        List<Cadre> rows = store.cadres(user.scope(), s, l, 300);
        audit.record(AuditEvent.read("young_cadre", user.scope().nodeId(), "查看年轻干部库 " + rows.size() + " 人"));
        model.addAttribute("rows", rows);
        model.addAttribute("status", s);
        model.addAttribute("level", l);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("rules", rules.all());
        model.addAttribute("levelLabels", rules.all().stream().collect(java.util.stream.Collectors.toMap(
                r -> r.level(), r -> r.label(), (x, y) -> x)));
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        String name = blank(q);
        model.addAttribute("q", name);
        model.addAttribute("found", name == null ? List.of() : roster.byName(name, user.scope(), 20));
        return "cadres/young/index";
    }

    @GetMapping("/cadres/young/qualifying")
    String qualifying(@RequestParam(required = false) String level, CurrentUser user, Model model) {
        access.requireRead(user);
        EntryRules.Rule rule = rules.of(blank(level) == null ? rules.all().get(0).level() : level);
        List<YoungCadreRoster.Candidate> rows = roster.qualifying(rule.criteria(), user.scope(),
                service.now().toLocalDate(), 500);
        audit.record(AuditEvent.read("young_cadre", user.scope().nodeId(), "查看符合" + rule.label() + "入库条件人员 "
                + rows.size() + " 人"));
        model.addAttribute("rule", rule);
        model.addAttribute("rules", rules.all());
        model.addAttribute("rows", rows);
        model.addAttribute("today", service.now().toLocalDate());
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        return "cadres/young/qualifying";
    }

    @PostMapping("/cadres/young")
    String propose(@RequestParam(required = false) Long personId, @RequestParam(required = false) String level,
                   @RequestParam(required = false) String cohort, CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        // a refused nomination answers 4xx with its reason (the error page), so that a refusal is never a redirect
        if (personId == null) {
            throw new BadRequestException("「人员」必填：请先选择要提名的人员");
        }
        long id = service.propose(user, personId, level,
                blank(cohort) == null ? null : Forms.number(cohort, "选调生届别", 2000, 2100));
        flash.addFlashAttribute("message", "已提名，待预审");
        return "redirect:/cadres/young/" + id;
    }

    @GetMapping("/cadres/young/{id}")
    String cadre(@PathVariable long id, CurrentUser user, Model model) {
        Cadre c = service.read(user, id);
        audit.record(AuditEvent.read("young_cadre", id, "查看年轻干部：" + c.name()));
        model.addAttribute("c", c);
        model.addAttribute("rule", rules.of(c.level()));
        model.addAttribute("failures", "REVIEW".equals(c.status()) ? service.failures(c) : List.of());
        model.addAttribute("notes", store.notes(id));
        model.addAttribute("postings", store.postings(id));
        model.addAttribute("grades", YoungService.GRADES);
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("today", service.now().toLocalDate());
        return "cadres/young/cadre";
    }

    @PostMapping("/cadres/young/{id}/review")
    String review(@PathVariable long id, @RequestParam(required = false) String result,
                  @RequestParam(required = false) String reason, CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, id, () -> service.review(user, id, result, reason), "预审结论已记录");
    }

    @PostMapping("/cadres/young/{id}/mentor")
    String mentor(@PathVariable long id, @RequestParam(required = false) String mentorId, CurrentUser user,
                  RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, id, () -> service.mentor(user, id, Forms.id(mentorId, "导师")), "导师已配备");
    }

    @PostMapping("/cadres/young/{id}/notes")
    String note(@PathVariable long id, @RequestParam(required = false) String metOn,
                @RequestParam(required = false) String content, CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, id, () -> service.note(user, id, metOn, content), "谈话已记录");
    }

    @PostMapping("/cadres/young/{id}/postings")
    String posting(@PathVariable long id, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String hostUnit, @RequestParam(required = false) String post,
                   @RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
                   CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, id, () -> service.openPosting(user, id, kind, hostUnit, post, startsOn, endsOn),
                "挂职已安排");
    }

    @PostMapping("/cadres/young/postings/{postingId}/end")
    String endPosting(@PathVariable long postingId, @RequestParam(required = false) String grade,
                      @RequestParam(required = false) String comment, CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        long cadreId = service.posting(user, postingId).cadreId();
        return done(flash, cadreId, () -> service.endPosting(user, postingId, grade, comment), "挂职已结束并记录考核");
    }

    @PostMapping("/cadres/young/{id}/exit")
    String exit(@PathVariable long id, @RequestParam(required = false) String reason, CurrentUser user,
                RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, id, () -> service.exit(user, id, reason), "已退出年轻干部库");
    }

    @GetMapping("/cadres/young/cohorts")
    String cohorts(CurrentUser user, Model model) {
        access.requireRead(user);
        var rows = store.cohorts(user.scope());
        audit.record(AuditEvent.read("young_cadre", user.scope().nodeId(), "查看选调生 " + rows.size() + " 人"));
        model.addAttribute("rows", rows);
        return "cadres/young/cohorts";
    }

    @GetMapping("/cadres/young/figures")
    String figures(@RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        access.requireRead(user);
        int y = year == null ? service.now().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new BadRequestException("「年度」无效：" + y);
        }
        model.addAttribute("f", figures.of(user.scope(), y));
        model.addAttribute("ranking", store.ranking(user.scope(), y));
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        return "cadres/young/figures";
    }

    @PostMapping("/cadres/young/ranking")
    String rank(@RequestParam(required = false) String year, CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        int y = Forms.number(year, "年度", 2000, 2100);
        int n = service.rank(user, y);
        flash.addFlashAttribute("message", y + "年度比选排名已生成：" + n + "人");
        return "redirect:/cadres/young/figures?year=" + y;
    }

    private static String done(RedirectAttributes flash, long id, Runnable action, String message) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cadres/young/" + id;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

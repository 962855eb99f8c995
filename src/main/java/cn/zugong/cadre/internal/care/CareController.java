package cn.zugong.cadre.internal.care;

import cn.zugong.cadre.CareFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.CareRecords.Check;
import cn.zugong.cadre.CareRecords.Decide;
import cn.zugong.cadre.CareRecords.NewBatch;
import cn.zugong.cadre.CareRecords.NewCase;
import cn.zugong.cadre.CareRecords.NewClearance;
import cn.zugong.cadre.CareRecords.NewDiscipline;
import cn.zugong.cadre.CareRecords.NewItem;
import cn.zugong.cadre.CareRecords.NewNomination;
import cn.zugong.cadre.CareRecords.NewReuse;
import cn.zugong.cadre.CareRecords.NewVisit;
import cn.zugong.cadre.CareRecords.Publicity;
import cn.zugong.cadre.CareRecords.Review;
import cn.zugong.cadre.CareRecords.Verify;
import cn.zugong.cadre.internal.care.CareViews.Criterion;
import cn.zugong.people.CadreCarePeople;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 干部监督 and 干部科 pages of 激励关爱 (ADR 077). Every route answers 404 to anyone but ADMIN and 干部监督 (ADR
 * 074); every page showing records is an audited read.
 */
@Controller
class CareController {

    static final String BASE = "/cadres/care";

    private final CareService service;
    private final CareReads reads;
    private final CareFigures figures;
    private final CareExport export;
    private final CadreCarePeople people;
    private final CadreAccess access;

    CareController(CareService service, CareReads reads, CareFigures figures, CareExport export,
                   CadreCarePeople people, CadreAccess access) {
        this.service = service;
        this.reads = reads;
        this.figures = figures;
        this.export = export;
        this.people = people;
        this.access = access;
    }

    /** The tab, and the people found by the 人员查找 box of the page (names and units of the scope). */
    private void common(String tab, String q, CurrentUser user, Model model) {
        access.requireSensitive(user);
        model.addAttribute("tab", tab);
        model.addAttribute("q", q);
        model.addAttribute("found", q == null || q.isBlank() ? List.of() : people.search(q, user.scope(), 20));
        model.addAttribute("today", reads.today());
    }

    @GetMapping(BASE)
    String figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
                   CurrentUser user, Model model) {
        common("figures", q, user, model);
        CarePeriod p = CarePeriod.of(from, to, year, reads.today());
        model.addAttribute("period", p);
        model.addAttribute("f", figures.of(user.scope(), p.from(), p.to(), reads.today()));
        model.addAttribute("years", List.of(reads.today().getYear(), reads.today().getYear() - 1,
                reads.today().getYear() - 2));
        return "cadres/care/figures";
    }

    @GetMapping(BASE + "/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate to, @RequestParam(required = false) Integer year, CurrentUser user) {
        return export.download(CarePeriod.of(from, to, year, reads.today()), user);
    }

    private String done(String target, RedirectAttributes flash, Runnable write, String message) {
        try {
            write.run();
            flash.addFlashAttribute("message", message);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + target;
    }

    private String created(String list, String detail, RedirectAttributes flash, LongSupplier write, String message) {
        try {
            long id = write.getAsLong();
            flash.addFlashAttribute("message", message);
            return "redirect:" + (detail == null ? list : detail + id);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + list;
        }
    }

    // ------------------------------------------------------------------ 容错纠错

    @GetMapping(BASE + "/cases")
    String cases(@RequestParam(required = false) String q, CurrentUser user, Model model) {
        common("cases", q, user, model);
        model.addAttribute("cases", reads.cases(user));
        return "cadres/care/cases";
    }

    @PostMapping(BASE + "/cases")
    String apply(NewCase form, CurrentUser user, RedirectAttributes flash) {
        return created(BASE + "/cases", BASE + "/cases/", flash, () -> service.apply(form, user), "已登记容错纠错申请。");
    }

    @GetMapping(BASE + "/cases/{id}")
    String caseDetail(@PathVariable long id, CurrentUser user, Model model) {
        common("cases", null, user, model);
        model.addAttribute("d", reads.caseDetail(id, user));
        model.addAttribute("criteria", reads.criteria(user));
        model.addAttribute("results", CareRules.RESULTS);
        return "cadres/care/case";
    }

    @PostMapping(BASE + "/cases/{id}/verify")
    String verify(@PathVariable long id, Verify form, CurrentUser user, RedirectAttributes flash) {
        return done(BASE + "/cases/" + id, flash, () -> service.verify(id, form, user), "已核实。");
    }

    /** 认定 from the page: the criteria come as met_{id} (yes / no) and note_{id}. */
    @PostMapping(BASE + "/cases/{id}/decide")
    String decide(@PathVariable long id, @RequestParam Map<String, String> form, CurrentUser user,
                  RedirectAttributes flash) {
        return done(BASE + "/cases/" + id, flash, () -> {
            List<Check> checks = new ArrayList<>();
            for (Criterion k : reads.criteria(user)) {
                String met = form.get("met_" + k.id());
                checks.add(new Check(k.id(), met == null || met.isBlank() ? null : Boolean.valueOf(met),
                        form.get("note_" + k.id())));
            }
            LocalDate on;
            try {
                on = form.get("decidedOn") == null || form.get("decidedOn").isBlank() ? null
                        : LocalDate.parse(form.get("decidedOn"));
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadRequestException("认定日期：格式应为 年-月-日");
            }
            service.decide(id, new Decide(form.get("result"), form.get("note"), on, checks), user);
        }, "已认定。");
    }

    // ------------------------------------------------------------------ 澄清正名

    @GetMapping(BASE + "/clearances")
    String clearances(@RequestParam(required = false) String q, CurrentUser user, Model model) {
        common("clearances", q, user, model);
        model.addAttribute("clearances", reads.clearances(user));
        model.addAttribute("published", CareRules.PUBLISHED);
        model.addAttribute("reach", CareRules.REACH);
        return "cadres/care/clearances";
    }

    @PostMapping(BASE + "/clearances")
    String clear(NewClearance form, CurrentUser user, RedirectAttributes flash) {
        return created(BASE + "/clearances", null, flash, () -> service.clear(form, user), "已登记澄清正名。");
    }

    // ------------------------------------------------------------------ 暖心回访

    @GetMapping(BASE + "/visits")
    String visits(@RequestParam(required = false) String q, CurrentUser user, Model model) {
        common("visits", q, user, model);
        model.addAttribute("overdue", reads.overdue(user));
        model.addAttribute("disciplines", reads.disciplines(user));
        model.addAttribute("kinds", CareRules.DISCIPLINE_MONTHS.keySet());
        return "cadres/care/visits";
    }

    @PostMapping(BASE + "/disciplines")
    String discipline(NewDiscipline form, CurrentUser user, RedirectAttributes flash) {
        return created(BASE + "/visits", BASE + "/disciplines/", flash, () -> service.discipline(form, user),
                "已登记处理处分，回访计划已生成。");
    }

    @GetMapping(BASE + "/disciplines/{id}")
    String disciplineDetail(@PathVariable long id, CurrentUser user, Model model) {
        common("visits", null, user, model);
        var d = reads.discipline(id, user);
        model.addAttribute("d", d);
        model.addAttribute("candidates", reads.reuseCandidates(d));
        return "cadres/care/discipline";
    }

    @PostMapping(BASE + "/disciplines/{id}/visits")
    String visit(@PathVariable long id, NewVisit form, CurrentUser user, RedirectAttributes flash) {
        return done(BASE + "/disciplines/" + id, flash, () -> service.visit(id, form, user), "已登记回访。");
    }

    @PostMapping(BASE + "/disciplines/{id}/dunning")
    String dun(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        return done(BASE + "/disciplines/" + id, flash, () -> service.dun(id, user), "已督办。");
    }

    @PostMapping(BASE + "/disciplines/{id}/reuses")
    String reuse(@PathVariable long id, @RequestParam(required = false) Long appointmentId, CurrentUser user,
                 RedirectAttributes flash) {
        return done(BASE + "/disciplines/" + id, flash, () -> service.reuse(new NewReuse(id, appointmentId), user),
                "已登记处分后进一步使用或提拔任用。");
    }

    @GetMapping(BASE + "/reuses")
    String reuses(@RequestParam(required = false) String q, CurrentUser user, Model model) {
        common("reuses", q, user, model);
        model.addAttribute("reuses", reads.reuses(user));
        return "cadres/care/reuses";
    }

    // ------------------------------------------------------------------ 及时奖励

    @GetMapping(BASE + "/rewards")
    String rewards(@RequestParam(required = false) String q, CurrentUser user, Model model) {
        common("rewards", q, user, model);
        model.addAttribute("batches", reads.batches(user));
        return "cadres/care/rewards";
    }

    @PostMapping(BASE + "/rewards")
    String batch(NewBatch form, CurrentUser user, RedirectAttributes flash) {
        return created(BASE + "/rewards", BASE + "/rewards/", flash, () -> service.batch(new NewBatch(form.name(),
                form.awardedOn(), form.basis(), List.of()), user), "已新建奖励批次，请添加奖励对象。");
    }

    @GetMapping(BASE + "/rewards/{id}")
    String reward(@PathVariable long id, @RequestParam(required = false) String q, CurrentUser user, Model model) {
        common("rewards", q, user, model);
        model.addAttribute("d", reads.batch(id, user));
        return "cadres/care/reward";
    }

    @PostMapping(BASE + "/rewards/{id}/items")
    String item(@PathVariable long id, NewItem form, CurrentUser user, RedirectAttributes flash) {
        return done(BASE + "/rewards/" + id, flash, () -> service.item(id, form, user), "已添加奖励对象。");
    }

    // ------------------------------------------------------------------ 担当作为好干部

    @GetMapping(BASE + "/exemplars")
    String exemplars(@RequestParam(required = false) String q, CurrentUser user, Model model) {
        common("exemplars", q, user, model);
        model.addAttribute("exemplars", reads.exemplars(user));
        return "cadres/care/exemplars";
    }

    @PostMapping(BASE + "/exemplars")
    String nominate(NewNomination form, CurrentUser user, RedirectAttributes flash) {
        return created(BASE + "/exemplars", BASE + "/exemplars/", flash, () -> service.nominate(form, user), "已提名。");
    }

    @GetMapping(BASE + "/exemplars/{id}")
    String exemplar(@PathVariable long id, CurrentUser user, Model model) {
        common("exemplars", null, user, model);
        model.addAttribute("e", reads.exemplar(id, user));
        return "cadres/care/exemplar";
    }

    @PostMapping(BASE + "/exemplars/{id}/review")
    String review(@PathVariable long id, Review form, CurrentUser user, RedirectAttributes flash) {
        return done(BASE + "/exemplars/" + id, flash, () -> service.review(id, form, user), "已审核。");
    }

    @PostMapping(BASE + "/exemplars/{id}/publicity")
    String publicize(@PathVariable long id, Publicity form, CurrentUser user, RedirectAttributes flash) {
        return done(BASE + "/exemplars/" + id, flash, () -> service.publicize(id, form, user), "已开始公示。");
    }

    @PostMapping(BASE + "/exemplars/{id}/publish")
    String publish(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        return done(BASE + "/exemplars/" + id, flash, () -> service.publish(id, user), "已发布。");
    }
}

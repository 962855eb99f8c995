package cn.zugong.cadre.internal.research;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.ResearchFigures.Figures;
import cn.zugong.cadre.ResearchFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.research.ResearchForms.ConcludeForm;
import cn.zugong.cadre.internal.research.ResearchForms.DunForm;
import cn.zugong.cadre.internal.research.ResearchForms.ProblemForm;
import cn.zugong.cadre.internal.research.ResearchForms.ProgressForm;
import cn.zugong.cadre.internal.research.ResearchForms.SolveForm;
import cn.zugong.cadre.internal.research.ResearchForms.TopicForm;
import cn.zugong.cadre.internal.research.ResearchViews.Problem;
import cn.zugong.cadre.internal.research.ResearchViews.TopicDetail;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.FiguresWorkbook;
import cn.zugong.shared.web.Downloads;
import cn.zugong.shared.web.FormFields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of 调研课题: the topics, a topic (progress, problems, conclusion), the figures. */
@Controller
class ResearchController {

    static final String BASE = "/cadres/research";

    private final ResearchService service;
    private final ResearchFigures figures;
    private final CadreAccess access;
    private final OrgTree tree;
    private final AuditTrail audit;

    ResearchController(ResearchService service, ResearchFigures figures, CadreAccess access, OrgTree tree,
                       AuditTrail audit) {
        this.service = service;
        this.figures = figures;
        this.access = access;
        this.tree = tree;
        this.audit = audit;
    }

    @GetMapping(BASE)
    String index(@RequestParam(required = false) String key, @RequestParam(required = false) Integer year,
                 CurrentUser user, Model model) {
        Boolean k = key == null || key.isBlank() ? null : FormFields.flag(key);
        model.addAttribute("topics", service.topics(user, k, year));
        model.addAttribute("key", key);
        model.addAttribute("year", year);
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("today", service.today());
        List<OrgNode> nodes = new ArrayList<>();
        if (CadreAccess.canWrite(user)) {
            nodes.add(tree.get(user.scope().nodeId(), user.scope()));
            nodes.addAll(tree.children(user.scope().nodeId(), user.scope()).stream()
                    .filter(n -> n.kind() == NodeKind.COUNTY || n.kind() == NodeKind.UNIT).toList());
        }
        model.addAttribute("nodes", nodes);
        model.addAttribute("dueDefault", service.today().plusMonths(6));
        return "cadres/research/index";
    }

    @PostMapping(BASE + "/topics")
    String create(@ModelAttribute TopicForm form, CurrentUser user, RedirectAttributes flash) {
        try {
            long id = service.createTopic(user, form);
            flash.addFlashAttribute("message", "已新建调研课题");
            return "redirect:" + BASE + "/topics/" + id;
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + BASE;
        }
    }

    @GetMapping(BASE + "/topics/{id}")
    String detail(@PathVariable long id, CurrentUser user, Model model) {
        TopicDetail d = service.detail(user, id);
        model.addAttribute("t", d.topic());
        model.addAttribute("progress", d.progress());
        model.addAttribute("problems", d.problems());
        model.addAttribute("dunning", d.dunning());
        model.addAttribute("overdue", d.topic().overdueOn(service.today()));
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("today", service.today());
        return "cadres/research/topic";
    }

    @PostMapping(BASE + "/topics/{id}/progress")
    String progress(@PathVariable long id, @ModelAttribute ProgressForm form, CurrentUser user, RedirectAttributes flash) {
        service.visibleTopic(user, id);
        return done(flash, id, () -> service.addProgress(user, id, form), "已登记进展");
    }

    @PostMapping(BASE + "/topics/{id}/problems")
    String problem(@PathVariable long id, @ModelAttribute ProblemForm form, CurrentUser user, RedirectAttributes flash) {
        service.visibleTopic(user, id);
        return done(flash, id, () -> service.addProblem(user, id, form), "已登记发现的问题");
    }

    @PostMapping(BASE + "/problems/{id}/solve")
    String solve(@PathVariable long id, @ModelAttribute SolveForm form, CurrentUser user, RedirectAttributes flash) {
        Problem p = service.visibleProblem(user, id);
        return done(flash, p.topicId(), () -> service.solve(user, id, form), "已登记问题破解");
    }

    @PostMapping(BASE + "/topics/{id}/conclude")
    String conclude(@PathVariable long id, @ModelAttribute ConcludeForm form, CurrentUser user, RedirectAttributes flash) {
        service.visibleTopic(user, id);
        return done(flash, id, () -> service.conclude(user, id, form), "课题已结题");
    }

    /** 督办: the open topics of the scope past their 计划结题日期 without a 结题. */
    @GetMapping(BASE + "/dunning")
    String dunning(CurrentUser user, Model model) {
        model.addAttribute("rows", service.overdue(user, 500));
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("today", service.today());
        model.addAttribute("rule", service.ruleText());
        return "cadres/research/dunning";
    }

    @PostMapping(BASE + "/topics/{id}/dunning")
    String dun(@PathVariable long id, @ModelAttribute DunForm form, @RequestParam(required = false) String back,
               CurrentUser user, RedirectAttributes flash) {
        service.visibleTopic(user, id);
        try {
            flash.addFlashAttribute("message", "已" + service.dun(user, id, form).label());
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + ("list".equals(back) ? BASE + "/dunning" : BASE + "/topics/" + id);
    }

    private static String done(RedirectAttributes flash, long topicId, Runnable action, String message) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + BASE + "/topics/" + topicId;
    }

    // ------------------------------------------------------------------ figures

    @GetMapping(BASE + "/figures")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   CurrentUser user, Model model) {
        model.addAttribute("f", compute(from, to, user));
        return "cadres/research/figures";
    }

    @GetMapping(BASE + "/figures.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 CurrentUser user) {
        Figures f = compute(from, to, user);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "research_figures", user.scope().nodeId(),
                "导出调研课题统计 " + f.from() + " 至 " + f.to()));
        return Downloads.attachment(workbook(f), "调研课题统计-" + f.from() + "-" + f.to() + ".xlsx", Downloads.XLSX);
    }

    Figures compute(String from, String to, CurrentUser user) {
        access.requireRead(user);
        LocalDate today = service.today();
        LocalDate f = parse(from, "起始日期", LocalDate.of(today.getYear(), 1, 1));
        LocalDate t = parse(to, "截止日期", LocalDate.of(today.getYear(), 12, 31));
        if (t.isBefore(f)) {
            throw new BadRequestException("「截止日期」早于「起始日期」");
        }
        if (f.plusYears(20).isBefore(t)) {
            throw new BadRequestException("统计期间不能超过 20 年");
        }
        return figures.figures(user.scope(), f, t);
    }

    private static LocalDate parse(String value, String label, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("「" + label + "」应为日期（如 2026-01-01）：" + value);
        }
    }

    private static byte[] workbook(Figures f) {
        List<String> h = List.of("名称", "调研课题（个）", "重点课题（个）", "已结题（个）", "发现问题（个）", "已破解（个）",
                "破难解题率（%）");
        FiguresWorkbook book = new FiguresWorkbook().sheet("调研课题统计").text(f.sentence()).text("");
        for (var part : List.of(Map.entry("按县（市、区）", f.byCounty()), Map.entry("按年度", f.byYear()))) {
            book.table(part.getKey(), h, part.getValue().stream().map(l -> java.util.Arrays.<Object>asList(l.name(),
                    l.topics(), l.keyTopics(), l.concluded(), l.problems(), l.solved(), l.solvedPct())).toList());
        }
        return book.bytes();
    }
}

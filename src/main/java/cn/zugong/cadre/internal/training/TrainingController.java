package cn.zugong.cadre.internal.training;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.TrainingFigures.Figures;
import cn.zugong.cadre.TrainingFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.training.TrainingForms.ClassForm;
import cn.zugong.cadre.internal.training.TrainingForms.CompletionForm;
import cn.zugong.cadre.internal.training.TrainingForms.SessionForm;
import cn.zugong.cadre.internal.training.TrainingViews.ClassDetail;
import cn.zugong.cadre.internal.training.TrainingViews.Enrolment;
import cn.zugong.cadre.internal.training.TrainingViews.Session;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.FiguresWorkbook;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.web.Downloads;
import cn.zugong.shared.web.FormFields;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of 干部培训: classes, a class (sessions, enrolment, attendance, imports), the figures. */
@Controller
class TrainingController {

    static final String BASE = "/cadres/training";

    private final TrainingService service;
    private final TrainingImport imports;
    private final TrainingFigures figures;
    private final CadreAccess access;
    private final OrgTree tree;
    private final AuditTrail audit;

    TrainingController(TrainingService service, TrainingImport imports, TrainingFigures figures, CadreAccess access,
                       OrgTree tree, AuditTrail audit) {
        this.service = service;
        this.imports = imports;
        this.figures = figures;
        this.access = access;
        this.tree = tree;
        this.audit = audit;
    }

    @GetMapping(BASE)
    String index(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                 CurrentUser user, Model model) {
        String k = kind == null || kind.isBlank() ? null : kind;
        model.addAttribute("classes", service.classes(user, k, year));
        model.addAttribute("kinds", service.kinds());
        model.addAttribute("kind", k);
        model.addAttribute("year", year);
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("scopeNodeId", user.scope().nodeId());
        model.addAttribute("nodes", CadreAccess.canWrite(user) ? organisers(user) : List.of());
        return "cadres/training/index";
    }

    /** The nodes a class may be organised by: the scope's own node, its counties and the units under it. */
    private List<cn.zugong.org.OrgNode> organisers(CurrentUser user) {
        List<cn.zugong.org.OrgNode> out = new java.util.ArrayList<>();
        out.add(tree.get(user.scope().nodeId(), user.scope()));
        out.addAll(tree.children(user.scope().nodeId(), user.scope()).stream()
                .filter(n -> n.kind() == cn.zugong.org.NodeKind.COUNTY || n.kind() == cn.zugong.org.NodeKind.UNIT)
                .toList());
        return out;
    }

    @PostMapping(BASE + "/classes")
    String create(@ModelAttribute ClassForm form, CurrentUser user, RedirectAttributes flash) {
        try {
            long id = service.createClass(user, form);
            flash.addFlashAttribute("message", "已新建班次");
            return "redirect:" + BASE + "/classes/" + id;
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + BASE;
        }
    }

    @GetMapping(BASE + "/classes/{id}")
    String detail(@PathVariable long id, CurrentUser user, Model model) {
        ClassDetail d = service.detail(user, id);
        model.addAttribute("c", d.trainingClass());
        model.addAttribute("sessions", d.sessions());
        model.addAttribute("enrolments", d.enrolments());
        model.addAttribute("attendance", d.attendance());
        model.addAttribute("canWrite", CadreAccess.canWrite(user) && user.scope().contains(d.trainingClass().nodePath()));
        model.addAttribute("today", service.today());
        return "cadres/training/class";
    }

    @PostMapping(BASE + "/classes/{id}/sessions")
    String session(@PathVariable long id, @ModelAttribute SessionForm form, CurrentUser user, RedirectAttributes flash) {
        service.visibleClass(user, id);
        return done(flash, id, () -> service.addSession(user, id, form), "已新增课次");
    }

    @PostMapping(BASE + "/classes/{id}/enrolments")
    String enrol(@PathVariable long id, @RequestParam(required = false) String personId, CurrentUser user,
                 RedirectAttributes flash) {
        service.visibleClass(user, id);
        return done(flash, id, () -> service.enrol(user, id, List.of(FormFields.id(personId, "人员编号")), ""),
                "已报名");
    }

    @PostMapping(BASE + "/sessions/{id}/attendance")
    String attend(@PathVariable long id, @RequestParam Map<String, String> params, CurrentUser user,
                  RedirectAttributes flash) {
        Session s = service.visibleSession(user, id);
        Map<Long, String> statuses = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("p") && k.length() > 1 && k.substring(1).chars().allMatch(Character::isDigit)
                    && v != null && !v.isBlank()) {
                statuses.put(Long.parseLong(k.substring(1)), v);
            }
        });
        return done(flash, s.classId(), () -> service.attendMany(user, id, statuses), "已登记考勤：" + s.heldOn());
    }

    @PostMapping(BASE + "/enrolments/{id}/completion")
    String complete(@PathVariable long id, @ModelAttribute CompletionForm form, CurrentUser user,
                    RedirectAttributes flash) {
        Enrolment e = service.visibleEnrolment(user, id);
        return done(flash, e.classId(), () -> service.complete(user, id, form), "已登记完成学时：" + e.personName());
    }

    @GetMapping(BASE + "/classes/{id}/enrolments-template.xlsx")
    ResponseEntity<byte[]> enrolTemplate(@PathVariable long id, CurrentUser user) {
        return Downloads.attachment(imports.template(user, id, false), "培训报名导入模板.xlsx", Downloads.XLSX);
    }

    @GetMapping(BASE + "/classes/{id}/attendance-template.xlsx")
    ResponseEntity<byte[]> attendTemplate(@PathVariable long id, CurrentUser user) {
        return Downloads.attachment(imports.template(user, id, true), "培训考勤导入模板.xlsx", Downloads.XLSX);
    }

    @PostMapping(BASE + "/classes/{id}/enrolments/import")
    String importEnrolments(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                            CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes flash) {
        service.visibleClass(user, id);
        return imported(id, file, in -> imports.enrolments(user, id, TrainingApiController.name(file), in), user,
                model, response, flash);
    }

    @PostMapping(BASE + "/classes/{id}/attendance/import")
    String importAttendance(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                            CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes flash) {
        service.visibleClass(user, id);
        return imported(id, file, in -> imports.attendance(user, id, TrainingApiController.name(file), in), user,
                model, response, flash);
    }

    /**
     * An import: done, back to the class page with the count; refused (no file, not a workbook, any row wrong), the
     * class page again with 400, the reason and every problem (nothing was written).
     */
    private String imported(long id, MultipartFile file, TrainingApiController.Run run, CurrentUser user, Model model,
                            HttpServletResponse response, RedirectAttributes flash) {
        String error;
        List<String> problems = List.of();
        if (file == null || file.isEmpty()) {
            error = "请选择要上传的 Excel 文件（.xlsx）";
        } else {
            try (InputStream in = file.getInputStream()) {
                TrainingImport.Outcome o = run.run(in);
                if (o.ok()) {
                    flash.addFlashAttribute("message", "已导入 " + o.written() + " 条");
                    return "redirect:" + BASE + "/classes/" + id;
                }
                error = "导入失败，文件中有 " + o.problems().size() + " 处错误，未导入任何数据";
                problems = o.problems().stream().map(TrainingImport.Problem::text).toList();
            } catch (SheetException | BadRequestException | ConflictException e) {
                error = e.getMessage();
            } catch (IOException e) {
                error = "读取上传文件失败，请重新上传";
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", error);
        model.addAttribute("problems", problems.isEmpty() ? null : problems);
        return detail(id, user, model);
    }

    private static String done(RedirectAttributes flash, long classId, Runnable action, String message) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + BASE + "/classes/" + classId;
    }

    // ------------------------------------------------------------------ figures

    @GetMapping(BASE + "/figures")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   CurrentUser user, Model model) {
        model.addAttribute("f", compute(from, to, user));
        return "cadres/training/figures";
    }

    @GetMapping(BASE + "/figures.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 CurrentUser user) {
        Figures f = compute(from, to, user);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "training_figures", user.scope().nodeId(),
                "导出干部培训统计 " + f.from() + " 至 " + f.to()));
        return Downloads.attachment(workbook(f), "干部培训统计-" + f.from() + "-" + f.to() + ".xlsx", Downloads.XLSX);
    }

    /** The period (default: this year) and the figures of the caller's scope. */
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
        List<String> h = List.of("名称", "班次（个）", "参训（人次）", "考勤（人次）", "出勤（人次）", "出勤率（%）", "学时");
        FiguresWorkbook book = new FiguresWorkbook().sheet("干部培训统计").text(f.sentence()).text("");
        for (var part : List.of(Map.entry("按类型", f.byKind()), Map.entry("按县（市、区）", f.byCounty()),
                Map.entry("按年度", f.byYear()))) {
            book.table(part.getKey(), h, part.getValue().stream().map(l -> java.util.Arrays.<Object>asList(l.name(),
                    l.classes(), l.enrolments(), l.marked(), l.attended(), l.ratePct(), l.hours())).toList());
        }
        return book.bytes();
    }
}

package cn.zugong.prosperity.internal.workshops;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.prosperity.WorkshopFigures;
import cn.zugong.prosperity.WorkshopPeriod;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Filter;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The office's pages of 共富工坊: the register, a workshop, the phone ledger page, the import and the figures. */
@Controller
class WorkshopController {

    static final String BASE = "/prosperity/workshops";

    private final Workshops workshops;
    private final LedgerImport ledgerImport;
    private final WorkshopFigures figures;
    private final AuditTrail audit;

    WorkshopController(Workshops workshops, LedgerImport ledgerImport, WorkshopFigures figures, AuditTrail audit) {
        this.workshops = workshops;
        this.ledgerImport = ledgerImport;
        this.figures = figures;
        this.audit = audit;
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) Long county, @RequestParam(required = false) String type,
                @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        Filter filter = new Filter(county, blank(type), blank(status), blank(q));
        model.addAttribute("page", workshops.list(user, filter, page, 50));
        model.addAttribute("filter", filter);
        model.addAttribute("types", workshops.types());
        model.addAttribute("counties", workshops.counties(user));
        model.addAttribute("canAdmin", user.role() == cn.zugong.shared.Role.ADMIN);
        model.addAttribute("canLedger", Access.canEnterLedger(user));
        return "prosperity/workshops/list";
    }

    @GetMapping(BASE + "/new")
    String newForm(CurrentUser user, Model model) {
        Access.requireAdmin(user);
        return form(model, user, new Workshops.Form(null, null, null, null, null, false, List.of(), null, null, null),
                null, Map.of());
    }

    @PostMapping(BASE)
    String create(Workshops.Form form, CurrentUser user, Model model, HttpServletResponse response) {
        try {
            long id = workshops.create(form, user);
            return "redirect:" + BASE + "/" + id + "?saved";
        } catch (FormRefused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, user, form, null, e.fields());
        }
    }

    @GetMapping(BASE + "/{id}")
    String detail(@PathVariable long id, CurrentUser user, Model model) {
        var d = workshops.detail(id, user);
        model.addAttribute("d", d);
        model.addAttribute("canAdmin", user.role() == cn.zugong.shared.Role.ADMIN);
        model.addAttribute("canLedger", Access.canEnterLedger(user));
        return "prosperity/workshops/detail";
    }

    @GetMapping(BASE + "/{id}/edit")
    String edit(@PathVariable long id, CurrentUser user, Model model) {
        Access.requireAdmin(user);
        var d = workshops.detail(id, user);
        var w = d.workshop();
        String runners = String.join("\n", d.runners().stream().map(r -> r.name() + " " + r.creditCode()).toList());
        return form(model, user, new Workshops.Form(w.name(), w.nodeId(), w.typeCode(), w.products(),
                w.startedOn().toString(), w.provincialModel(), d.villages().stream().map(WorkshopStore.Named::id)
                .toList(), runners, w.closedOn() == null ? null : w.closedOn().toString(), w.version()), w, Map.of());
    }

    @PostMapping(BASE + "/{id}")
    String update(@PathVariable long id, Workshops.Form form, CurrentUser user, Model model,
                  HttpServletResponse response) {
        try {
            workshops.update(id, form, user);
            return "redirect:" + BASE + "/" + id + "?saved";
        } catch (FormRefused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, user, form, workshops.get(id, user), e.fields());
        }
    }

    private String form(Model model, CurrentUser user, Workshops.Form form, WorkshopStore.Row existing,
                        Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("types", workshops.types());
        model.addAttribute("nodes", workshops.nodeChoices(user));
        model.addAttribute("villages", workshops.villageChoices(user));
        return "prosperity/workshops/form";
    }

    // ---- the phone ledger page

    @GetMapping(BASE + "/{id}/ledger")
    String ledger(@PathVariable long id, @RequestParam(required = false) String month,
                  @RequestParam(required = false) String saved, CurrentUser user, Model model) {
        Access.requireLedgerWrite(user);
        var d = workshops.detail(id, user);
        YearMonth m = month(month, workshops.currentMonth().minusMonths(1));
        var row = d.ledger().stream().filter(l -> l.month() == WorkshopPeriod.key(m)).findFirst().orElse(null);
        Workshops.LedgerForm form = row == null ? new Workshops.LedgerForm(m.toString(), null, null, null, null, null)
                : new Workshops.LedgerForm(m.toString(), String.valueOf(row.employed()),
                String.valueOf(row.lowIncome()), row.wages().toPlainString(), row.sales().toPlainString(),
                row.collectiveIncome().toPlainString());
        return ledgerPage(model, d, form, row != null, Map.of(), saved != null);
    }

    @PostMapping(BASE + "/{id}/ledger")
    String enterLedger(@PathVariable long id, Workshops.LedgerForm form, CurrentUser user, Model model,
                       HttpServletResponse response) {
        try {
            Workshops.Saved saved = workshops.enterLedger(id, form, user, "FORM");
            return "redirect:" + BASE + "/" + id + "/ledger?month=" + WorkshopPeriod.month(saved.row().month())
                    + "&saved=" + (saved.replaced() ? "corrected" : "added");
        } catch (FormRefused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            var d = workshops.detail(id, user);
            return ledgerPage(model, d, form, false, e.fields(), false);
        }
    }

    private String ledgerPage(Model model, Workshops.Detail d, Workshops.LedgerForm form, boolean existing,
                              Map<String, String> errors, boolean saved) {
        model.addAttribute("d", d);
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("maxMonth", workshops.currentMonth().toString());
        model.addAttribute("recent", d.ledger().stream().limit(6).toList());
        return "prosperity/workshops/ledger";
    }

    private static YearMonth month(String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestException("月份格式应为 yyyy-MM：" + text.strip());
        }
    }

    // ---- the Excel import

    @GetMapping(BASE + "/import")
    String importPage(CurrentUser user) {
        Access.requireLedgerWrite(user);
        return "prosperity/workshops/import";
    }

    @GetMapping(BASE + "/import/template.xlsx")
    ResponseEntity<byte[]> template(CurrentUser user) {
        return Downloads.attachment(ledgerImport.template(user), "共富工坊月度台账导入模板.xlsx", Downloads.XLSX);
    }

    @PostMapping(BASE + "/import")
    String importLedger(@RequestParam(required = false) MultipartFile file, CurrentUser user, Model model,
                        HttpServletResponse response) {
        Access.requireLedgerWrite(user);
        if (file != null) {
            model.addAttribute("fileName", file.getOriginalFilename());
        }
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            LedgerImport.Outcome outcome = ledgerImport.importSheet(in, user);
            model.addAttribute("outcome", outcome);
            if (!outcome.ok()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                ledgerImport.auditFailure(outcome.problems().size() + " 处错误，首个：" + outcome.problems().get(0).text(),
                        outcome.problems().size(), user);
            }
        } catch (SheetException e) {
            model.addAttribute("fileError", e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            ledgerImport.auditFailure(e.getMessage(), 1, user);
        } catch (IOException e) {
            model.addAttribute("fileError", "读取上传文件失败，请重新上传");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "prosperity/workshops/import";
    }

    // ---- figures

    @GetMapping(BASE + "/figures")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   CurrentUser user, Model model) {
        Access.requireOffice(user);
        WorkshopPeriod period = Periods.parse(from, to, workshops.currentMonth());
        model.addAttribute("f", figures.of(user.scope(), period));
        model.addAttribute("p", figures.pairs(user.scope()));
        model.addAttribute("from", period.from() == null ? "" : period.from().toString());
        model.addAttribute("to", period.to().toString());
        model.addAttribute("maxMonth", workshops.currentMonth().toString());
        model.addAttribute("basis", FiguresExcel.BASIS);
        return "prosperity/workshops/figures";
    }

    @GetMapping(BASE + "/figures.xlsx")
    ResponseEntity<byte[]> figuresExcel(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to, CurrentUser user) {
        Access.requireOffice(user);
        WorkshopPeriod period = Periods.parse(from, to, workshops.currentMonth());
        byte[] file = FiguresExcel.write(user.scopeName(), figures.of(user.scope(), period), figures.pairs(user.scope()));
        audit.record(new AuditEvent(AuditAction.EXPORT, "workshop_figures", null, "导出共富工坊成效：" + period.label(),
                null, null, user.username()));
        return Downloads.attachment(file, "共富工坊成效-" + period.to() + ".xlsx", Downloads.XLSX);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

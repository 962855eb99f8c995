package cn.zugong.talent.internal.grants;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.Role;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.web.Downloads;
import cn.zugong.talent.internal.TalentAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 码上秒享 office pages: runs, a run's lines with their explanations, review, payment list, fact imports, figures. */
@Controller
class GrantsController {

    static final String BASE = "/talent/grants";

    private final GrantRuns runs;
    private final FactImport facts;
    private final PaymentList payments;
    private final AuditTrail audit;
    private final Clock clock;

    GrantsController(GrantRuns runs, FactImport facts, PaymentList payments, AuditTrail audit, Clock clock) {
        this.runs = runs;
        this.facts = facts;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String home(@RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        int y = year(year);
        List<GrantRun> list = runs.runs(user, y);
        List<GrantRuns.Figure> figures = runs.figures(y, user);
        BigDecimal max = figures.stream().map(GrantRuns.Figure::amount).filter(a -> a.signum() > 0)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        model.addAttribute("year", y);
        model.addAttribute("runs", list);
        model.addAttribute("figures", figures);
        model.addAttribute("figureMax", max);
        model.addAttribute("figureTotal", figures.stream().map(GrantRuns.Figure::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("rules", runs.rules().rules());
        model.addAttribute("kinds", FactKind.values());
        model.addAttribute("isAdmin", user.role() == Role.ADMIN);
        model.addAttribute("thisMonth", YearMonth.now(clock).toString());
        return "talent/grants/home";
    }

    @PostMapping(BASE + "/runs")
    String compute(@RequestParam(required = false) String period, CurrentUser user, RedirectAttributes flash) {
        TalentAccess.requireAdmin(user);
        GrantRun r = runs.compute(month(period), user);
        flash.addFlashAttribute("message", r.periodLabel() + "核算完成：" + r.lineCount() + " 条，合计 "
                + GrantLine.yuan(r.totalAmount()) + " 元，请交另一位管理员或审核员审核。");
        return "redirect:" + BASE + "/runs/" + r.id();
    }

    @GetMapping(BASE + "/runs/{id}")
    String run(@PathVariable long id, @RequestParam(required = false) String rule,
               @RequestParam(required = false) String kind, @RequestParam(required = false) String name,
               @RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        GrantRun r = runs.run(id, user);
        if (kind != null && !kind.isBlank() && !kind.equals("GRANT") && !kind.equals("CORRECTION")) {
            throw new BadRequestException("类型不正确：" + kind);
        }
        if (name != null && name.length() > 50) {
            throw new BadRequestException("姓名不能超过 50 个字");
        }
        PageResult<GrantLine> lines = runs.lines(id, new GrantRuns.LineFilter(rule, kind, name),
                PageResult.clampPage(page), 50, user);
        model.addAttribute("run", r);
        model.addAttribute("lines", lines);
        model.addAttribute("rule", rule);
        model.addAttribute("kind", kind);
        model.addAttribute("name", name);
        model.addAttribute("ruleNames", runs.rules().names());
        model.addAttribute("mayReview", r.status() == GrantRun.Status.PENDING
                && (user.role() == Role.ADMIN || user.role() == Role.REVIEWER)
                && !r.computedBy().equals(user.username()) && user.scope().contains(r.nodePath()));
        model.addAttribute("isAdmin", user.role() == Role.ADMIN);
        model.addAttribute("pagerBase", BASE + "/runs/" + id + "?rule=" + enc(rule) + "&kind=" + enc(kind) + "&name="
                + enc(name) + "&");
        return "talent/grants/run";
    }

    @PostMapping(BASE + "/runs/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, CurrentUser user,
                   RedirectAttributes flash) {
        GrantRun r = runs.approve(id, note, user);
        flash.addFlashAttribute("message", r.periodLabel() + "发放批次已审核通过，可下载发放清单报财政局。");
        return "redirect:" + BASE + "/runs/" + id;
    }

    @PostMapping(BASE + "/runs/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String note, CurrentUser user,
                  RedirectAttributes flash) {
        GrantRun r = runs.reject(id, note, user);
        flash.addFlashAttribute("message", r.periodLabel() + "发放批次已退回，可在数据更正后重新核算。");
        return "redirect:" + BASE + "/runs/" + id;
    }

    @PostMapping(BASE + "/runs/{id}/paid")
    String paid(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        GrantRun r = runs.markPaid(id, user);
        flash.addFlashAttribute("message", r.periodLabel() + "发放批次已登记为已发放。");
        return "redirect:" + BASE + "/runs/" + id;
    }

    /** The payment list with full ID numbers: ADMIN only, approved or paid runs only, audited. */
    @GetMapping(BASE + "/runs/{id}/payments")
    ResponseEntity<byte[]> paymentList(@PathVariable long id, CurrentUser user) {
        GrantRun r = runs.run(id, user);
        TalentAccess.requireAdmin(user);
        if (r.status() != GrantRun.Status.APPROVED && r.status() != GrantRun.Status.PAID) {
            throw new ConflictException("批次审核通过后才能下载发放清单（当前：" + r.status().label() + "）");
        }
        List<GrantLine> lines = runs.allLines(id, user);
        byte[] file = payments.write(r, lines);
        audit.record(new AuditEvent(AuditAction.EXPORT, "talent_grant_run", String.valueOf(id), "导出码上秒享发放清单："
                + r.periodLabel() + "，" + lines.size() + " 条", null, Map.of("lines", lines.size()), user.username()));
        return Downloads.attachment(file, "码上秒享发放清单-" + r.period() + "-" + id + ".xlsx", Downloads.XLSX);
    }

    @GetMapping(BASE + "/facts/template")
    ResponseEntity<byte[]> template(@RequestParam(required = false) String kind, CurrentUser user) {
        FactKind k = FactKind.parse(kind);
        if (!user.role().isOffice()) {
            throw new cn.zugong.shared.NotFoundException("没有该页面");
        }
        return Downloads.attachment(facts.template(k), "码上秒享" + k.label() + "导入模板.xlsx", Downloads.XLSX);
    }

    @PostMapping(BASE + "/facts/import")
    String importFacts(@RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
                       CurrentUser user, Model model, HttpServletResponse response) {
        TalentAccess.requireAdmin(user);
        FactKind k = FactKind.parse(kind);
        model.addAttribute("kind", k);
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            FactImport.Outcome outcome = facts.importSheet(k, in, user);
            model.addAttribute("outcome", outcome);
            if (!outcome.ok()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                facts.auditFailure(k, outcome.problems().size() + " 处错误，首个：" + outcome.problems().get(0).text(),
                        outcome.problems().size(), user);
            }
        } catch (SheetException e) {
            model.addAttribute("fileError", e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            facts.auditFailure(k, e.getMessage(), 1, user);
        } catch (IOException e) {
            model.addAttribute("fileError", "读取上传文件失败，请重新上传");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "talent/grants/import";
    }

    private int year(Integer year) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new BadRequestException("年度不正确：" + y);
        }
        return y;
    }

    static YearMonth month(String period) {
        if (period == null || period.isBlank()) {
            throw new BadRequestException("请选择发放月份");
        }
        try {
            return YearMonth.parse(period.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("发放月份格式应为 yyyy-MM：" + period);
        }
    }

    private static String enc(String s) {
        return s == null ? "" : org.springframework.web.util.UriUtils.encodeQueryParam(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}

package cn.zugong.audit.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志, the security auditor's page: filtered list, chain verification, Excel export. */
@Controller
class AuditController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditQueries queries;
    private final AuditChain chain;
    private final AuditExcel excel;
    private final AuditTrail trail;
    private final Clock clock;

    AuditController(AuditQueries queries, AuditChain chain, AuditExcel excel, AuditTrail trail, Clock clock) {
        this.clock = clock;
        this.queries = queries;
        this.chain = chain;
        this.excel = excel;
        this.trail = trail;
    }

    @GetMapping("/audit")
    String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, CurrentUser user, Model model) {
        AuditorAccess.require(user);
        model.addAttribute("result", queries.page(filter, PageResult.clampPage(page), PageResult.clampSize(size)));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("query", filter.query());
        return "audit/list";
    }

    @GetMapping("/audit/verify")
    String verify(@ModelAttribute("filter") AuditFilter filter, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size, CurrentUser user, Model model) {
        AuditorAccess.require(user);
        model.addAttribute("verification", chain.verify());
        return list(filter, page, size, user, model);
    }

    @GetMapping("/audit/export.xlsx")
    void export(@ModelAttribute AuditFilter filter, CurrentUser user, HttpServletResponse response) throws IOException {
        writeExport(filter, user, response);
    }

    /** Shared with the API: checks the role before anything is written; the export itself is audited. */
    void writeExport(AuditFilter filter, CurrentUser user, HttpServletResponse response) throws IOException {
        AuditorAccess.require(user);
        LocalDate today = LocalDate.now(clock);
        String day = today.toString().replace("-", "");
        Downloads.prepare(response, "审计日志_" + day + ".xlsx", "audit-" + day + ".xlsx", Downloads.XLSX);
        long rows = excel.write(filter, response.getOutputStream());
        trail.record(AuditEvent.of(AuditAction.EXPORT, "audit_entry", null,
                "导出审计日志：" + filter.describe() + "；共 " + rows + " 条"));
    }
}

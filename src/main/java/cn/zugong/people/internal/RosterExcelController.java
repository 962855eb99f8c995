package cn.zugong.people.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import cn.zugong.shared.web.Downloads;
import cn.zugong.shared.web.SheetUploads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Pages of the Excel roster: template download, import page and form, export of the filtered list. */
@Controller
class RosterExcelController {

    private final RosterTemplate template;
    private final RosterImport rosterImport;
    private final RosterExport export;
    private final PeopleScope peopleScope;
    private final AuditTrail audit;

    RosterExcelController(RosterTemplate template, RosterImport rosterImport, RosterExport export,
                          PeopleScope peopleScope, AuditTrail audit) {
        this.template = template;
        this.rosterImport = rosterImport;
        this.export = export;
        this.peopleScope = peopleScope;
        this.audit = audit;
    }

    @GetMapping("/people/template.xlsx")
    ResponseEntity<byte[]> template() {
        return new ResponseEntity<>(template.build(),
                Downloads.headers(RosterTemplate.FILE_NAME, "roster-template.xlsx", Downloads.XLSX), HttpStatus.OK);
    }

    @GetMapping("/people/export.xlsx")
    void export(@ModelAttribute RosterFilter filter, CurrentUser user, HttpServletResponse response)
            throws IOException {
        writeExport(export, peopleScope, audit, filter, user, response);
    }

    /** Shared with the API; the scope is checked (404) before anything is written; the export is audited. */
    static void writeExport(RosterExport export, PeopleScope peopleScope, AuditTrail audit, RosterFilter filter,
                            CurrentUser user, HttpServletResponse response) throws IOException {
        var scope = peopleScope.of(user, filter.nodeId());
        var wholeId = export.admit(filter, user);
        LocalDate today = export.today();
        Downloads.prepare(response, RosterExport.fileName(today), "roster-" + today + ".xlsx", Downloads.XLSX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        int rows = export.write(filter, scope, response.getOutputStream());
        wholeId.ifPresent(id -> export.exported(id, rows));
        // the trail never holds a whole ID number, not even as the export's filter (ADR 034)
        RosterFilter shown = wholeId.isPresent() ? filter.withQ("（完整身份证号）") : filter;
        String query = java.net.URLDecoder.decode(RosterFilterQuery.of(shown), java.nio.charset.StandardCharsets.UTF_8);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "person", null, "导出干部名册：范围节点 " + scope.nodeId()
                + "，条件 " + (query.isEmpty() ? "无" : query.substring(0, query.length() - 1)) + "；共 " + rows + " 人"));
    }

    @GetMapping("/people/import")
    String importPage(CurrentUser user) {
        user.requireRosterWrite();
        return "people/import";
    }

    @PostMapping("/people/import")
    String importFile(@RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) String effectiveDate, CurrentUser user, Model model,
                      HttpServletResponse response) {
        user.requireRosterWrite();
        model.addAttribute("effectiveDate", effectiveDate);
        SheetUploads.handle(file, model, response, (in, name) -> rosterImport.run(in, name, effectiveDate, user),
                ImportResult::ok);
        return "people/import";
    }
}

package cn.zugong.talent.internal.registry;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgNode;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.web.Downloads;
import cn.zugong.shared.web.SheetUploads;
import cn.zugong.talent.internal.SheetImport;
import cn.zugong.talent.internal.TalentAccess;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 人才库 in Excel: template, import (ADMIN), export of the filtered list (masked, audited). */
@Controller
class RegistryExcelController {

    private final RegistryExcel excel;
    private final RegistryService service;
    private final AuditTrail audit;

    RegistryExcelController(RegistryExcel excel, RegistryService service, AuditTrail audit) {
        this.excel = excel;
        this.service = service;
        this.audit = audit;
    }

    @GetMapping(RegistryController.BASE + "/template.xlsx")
    ResponseEntity<byte[]> template(CurrentUser user) {
        RegistryService.requireOffice(user);
        return new ResponseEntity<>(excel.template(),
                Downloads.headers(RegistryExcel.TEMPLATE_NAME, "talent-template.xlsx", Downloads.XLSX), HttpStatus.OK);
    }

    @GetMapping(RegistryController.BASE + "/export.xlsx")
    void export(@Valid TalentFilter filter, CurrentUser user, HttpServletResponse response) throws IOException {
        RegistryService.requireOffice(user);
        OrgNode node = service.node(filter.nodeId(), user);
        String name = "人才库-" + service.today() + ".xlsx";
        Downloads.prepare(response, name, "talent-" + service.today() + ".xlsx", Downloads.XLSX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        int rows = excel.export(filter.search(node == null ? null : node.path()), user, response.getOutputStream());
        String q = filter.query("");
        audit.record(AuditEvent.of(AuditAction.EXPORT, "talent", null, "导出人才库（脱敏）：范围节点 "
                + user.scope().nodeId() + "，条件 " + (q.length() <= 1 ? "无" : q.substring(1, q.length() - 1))
                + "；共 " + rows + " 人"));
    }

    @GetMapping(RegistryController.BASE + "/import")
    String importPage(CurrentUser user) {
        TalentAccess.requireAdmin(user);
        return "talent/registry/import";
    }

    @PostMapping(RegistryController.BASE + "/import")
    String importFile(@RequestParam(required = false) MultipartFile file, CurrentUser user, Model model,
                      HttpServletResponse response) {
        TalentAccess.requireAdmin(user);
        SheetUploads.handle(file, model, response, (in, name) -> excel.run(in, name, user),
                SheetImport.ImportResult::ok);
        return "talent/registry/import";
    }
}

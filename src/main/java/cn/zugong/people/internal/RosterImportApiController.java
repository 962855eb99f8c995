package cn.zugong.people.internal;

import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.SheetException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Excel roster for API clients: POST a file (multipart field "file") → 200 {inserted, updated},
 * 422 {errors: [...]} (nothing saved) or 400 {status, error} for an unusable file; and the export.
 */
@RestController
@RequestMapping("/api/people")
class RosterImportApiController {

    private final RosterImport rosterImport;
    private final RosterExport export;
    private final PeopleScope peopleScope;
    private final AuditTrail audit;

    RosterImportApiController(RosterImport rosterImport, RosterExport export, PeopleScope peopleScope,
                              AuditTrail audit) {
        this.rosterImport = rosterImport;
        this.export = export;
        this.peopleScope = peopleScope;
        this.audit = audit;
    }

    @PostMapping("/import")
    ResponseEntity<?> importFile(@RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) String effectiveDate, CurrentUser user) {
        user.requireRosterWrite();
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            ImportResult result = rosterImport.run(in, file == null ? null : file.getOriginalFilename(), effectiveDate,
                    user);
            if (!result.ok()) {
                return ResponseEntity.unprocessableEntity().body(Map.of("errors", result.errors()));
            }
            return ResponseEntity.ok(Map.of("inserted", result.inserted(), "updated", result.updated()));
        } catch (SheetException e) {
            throw new BadRequestException(file == null ? "缺少上传文件：请以 multipart 字段 file 上传 .xlsx 文件" : e.getMessage());
        } catch (IOException e) {
            throw new BadRequestException("读取上传文件失败，请重新上传");
        }
    }

    @GetMapping("/export.xlsx")
    void export(@ModelAttribute RosterFilter filter, CurrentUser user, HttpServletResponse response)
            throws IOException {
        RosterExcelController.writeExport(export, peopleScope, audit, filter, user, response);
    }
}

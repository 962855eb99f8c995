package cn.zugong.party.internal.mobile;

import cn.zugong.party.MobileFigures;
import cn.zugong.party.MobileHostKind;
import cn.zugong.party.MobileMembers.Assignment;
import cn.zugong.party.MobileMembers.NewContact;
import cn.zugong.party.MobileMembers.NewEvent;
import cn.zugong.party.MobileMembers.NewFile;
import cn.zugong.party.MobileState;
import cn.zugong.party.internal.mobile.MobileRecords.FileLine;
import cn.zugong.party.internal.mobile.MobileRecords.Overdue;
import cn.zugong.party.internal.mobile.MobileRecords.Unmanaged;
import cn.zugong.party.internal.mobile.MobileRepository.FileFilter;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 流动党员 over JSON (ADR 070): the same services and the same checks as the pages. */
@RestController
class MobileApiController {

    static final String BASE = "/api/party/mobile";

    private final MobileService service;
    private final MobileReads reads;
    private final MobileSources sources;
    private final MobileFigures figures;

    MobileApiController(MobileService service, MobileReads reads, MobileSources sources, MobileFigures figures) {
        this.service = service;
        this.reads = reads;
        this.sources = sources;
        this.figures = figures;
    }

    @GetMapping(BASE + "/figures")
    MobileFigures.Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate to, CurrentUser user) {
        return figures.of(user.scope(), from, to);
    }

    @GetMapping(BASE + "/files")
    PageResult<FileLine> files(@RequestParam(required = false) String state, @RequestParam(required = false) String rule,
                               @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size, CurrentUser user) {
        try {
            FileFilter filter = new FileFilter(state == null || state.equals("active") ? state
                    : MobileState.valueOf(state).name(), rule == null || rule.equals("none") ? rule
                    : MobileHostKind.valueOf(rule).name(), q);
            return reads.files(filter, user.scope(), PageResult.clampPage(page), PageResult.clampSize(size));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("筛选条件不正确");
        }
    }

    @GetMapping(BASE + "/files/{id}")
    MobileReads.FileDetail file(@PathVariable long id, CurrentUser user) {
        return reads.detail(id, user.scope());
    }

    @PostMapping(BASE + "/files")
    Map<String, Object> open(@RequestBody NewFile file, CurrentUser user) {
        MobileAccess.requireFileWrite(user);
        return Map.of("id", service.open(file, user.scope(), user.username()));
    }

    @PostMapping(BASE + "/files/{id}/contacts")
    MobileReads.FileDetail contact(@PathVariable long id, @RequestBody NewContact contact, CurrentUser user) {
        MobileAccess.requireFileWrite(user);
        service.contact(id, contact, user.scope(), user.username());
        return reads.detail(id, user.scope());
    }

    @PostMapping(BASE + "/files/{id}/events")
    MobileReads.FileDetail event(@PathVariable long id, @RequestBody NewEvent event, CurrentUser user) {
        MobileAccess.requireFileWrite(user);
        service.event(id, event, user.scope(), user.username());
        return reads.detail(id, user.scope());
    }

    @GetMapping(BASE + "/overdue")
    PageResult<Overdue> overdue(@RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size, CurrentUser user) {
        return reads.overdue(user.scope(), PageResult.clampPage(page), PageResult.clampSize(size));
    }

    @GetMapping(BASE + "/unmanaged")
    PageResult<Unmanaged> unmanaged(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size, CurrentUser user) {
        return reads.unmanaged(user.scope(), PageResult.clampPage(page), PageResult.clampSize(size));
    }

    @PostMapping(BASE + "/assign")
    Assignment assign(CurrentUser user) {
        MobileAccess.requireAdmin(user, "纳管流动党员");
        return service.assign(user.scope(), user.username());
    }

    /** 源头查找 over the API: 200 with the counts, or 400 with every error by row and column (nothing saved). */
    @PostMapping(BASE + "/sources/import")
    ResponseEntity<?> importList(@RequestParam("file") MultipartFile file,
                                 @RequestParam(required = false) String listName, CurrentUser user) throws IOException {
        MobileAccess.requireFileWrite(user);
        try {
            var result = sources.importList(file.getInputStream(), file.getOriginalFilename() == null ? "名单.xlsx"
                    : file.getOriginalFilename(), listName, user.scope(), user.username());
            return result.ok() ? ResponseEntity.ok(result) : ResponseEntity.badRequest().body(Map.of("status", 400,
                    "error", "导入失败，文件中有 " + result.errors().size() + " 处错误，未导入任何数据",
                    "errors", result.errors().stream().map(MobileSources.ImportError::text).toList()));
        } catch (cn.zugong.shared.excel.SheetException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}

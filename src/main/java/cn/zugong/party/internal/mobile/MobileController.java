package cn.zugong.party.internal.mobile;

import cn.zugong.party.MobileEventKind;
import cn.zugong.party.MobileFigures;
import cn.zugong.party.MobileHostKind;
import cn.zugong.party.MobileMembers.NewContact;
import cn.zugong.party.MobileMembers.NewEvent;
import cn.zugong.party.MobileMembers.NewFile;
import cn.zugong.party.MobileMembers.NewHost;
import cn.zugong.party.MobileMembers.NewTask;
import cn.zugong.party.MobileState;
import cn.zugong.party.internal.mobile.MobileRepository.FileFilter;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.web.Downloads;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's 流动党员 pages (ADR 070): files, 源头查找, 督办, 三个一批, host organisations, figures. */
@Controller
class MobileController {

    static final String BASE = "/party/mobile";

    private final MobileService service;
    private final MobileReads reads;
    private final MobileSources sources;
    private final MobileRepository repository;
    private final MobileFigures figures;
    private final MobileExcel excel;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final cn.zugong.audit.AuditTrail audit;

    MobileController(MobileService service, MobileReads reads, MobileSources sources, MobileRepository repository,
                     MobileFigures figures, MobileExcel excel, com.fasterxml.jackson.databind.ObjectMapper json,
                     cn.zugong.audit.AuditTrail audit) {
        this.json = json;
        this.audit = audit;
        this.service = service;
        this.reads = reads;
        this.sources = sources;
        this.repository = repository;
        this.figures = figures;
        this.excel = excel;
    }

    @GetMapping(BASE)
    String files(@RequestParam(required = false) String state, @RequestParam(required = false) String rule,
                 @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                 CurrentUser user, Model model) {
        FileFilter filter = new FileFilter(valid(state, MobileState.class, "active"), valid(rule, MobileHostKind.class,
                "none"), q);
        model.addAttribute("filter", filter);
        model.addAttribute("p", reads.files(filter, user.scope(), PageResult.clampPage(page), 50));
        model.addAttribute("states", MobileState.values());
        model.addAttribute("kinds", MobileHostKind.values());
        model.addAttribute("t", figures.of(user.scope(), null, null).totals());
        model.addAttribute("mayWrite", MobileAccess.mayWrite(user));
        return "party/mobile/files";
    }

    @GetMapping(BASE + "/files/{id}")
    String file(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("d", reads.detail(id, user.scope()));
        model.addAttribute("today", reads.today());
        model.addAttribute("channels", MobileService.CHANNELS);
        model.addAttribute("eventKinds", MobileEventKind.values());
        model.addAttribute("mayWrite", MobileAccess.mayWrite(user));
        model.addAttribute("mayDun", user.role() == cn.zugong.shared.Role.ADMIN);
        return "party/mobile/file";
    }

    @PostMapping(BASE + "/files/{id}/contacts")
    String contact(@PathVariable long id, NewContact form, CurrentUser user, RedirectAttributes flash) {
        MobileAccess.requireFileWrite(user);
        return back(id, flash, () -> service.contact(id, form, user.scope(), user.username()), "已登记联系记录。");
    }

    @PostMapping(BASE + "/files/{id}/events")
    String event(@PathVariable long id, NewEvent form, CurrentUser user, RedirectAttributes flash) {
        MobileAccess.requireFileWrite(user);
        return back(id, flash, () -> service.event(id, form, user.scope(), user.username()), "已登记动态。");
    }

    @PostMapping(BASE + "/files/{id}/tasks")
    String task(@PathVariable long id, NewTask form, CurrentUser user, RedirectAttributes flash) {
        MobileAccess.requireFileWrite(user);
        return back(id, flash, () -> service.task(id, form, user.scope(), user.username()), "已登记交办任务。");
    }

    @PostMapping(BASE + "/files/{id}/skills")
    String skills(@PathVariable long id, @RequestParam(required = false) String skills, CurrentUser user,
                  RedirectAttributes flash) {
        MobileAccess.requireFileWrite(user);
        return back(id, flash, () -> service.skills(id, skills, user.scope(), user.username()), "已保存特长。");
    }

    @PostMapping(BASE + "/files/{id}/dun")
    String dun(@PathVariable long id, @RequestParam(required = false) String note, CurrentUser user,
               RedirectAttributes flash) {
        MobileAccess.requireAdmin(user, "督办");
        return back(id, flash, () -> service.dun(id, note, user.scope(), user.username()), "已督办。");
    }

    private String back(long id, RedirectAttributes flash, Runnable write, String done) {
        try {
            write.run();
            flash.addFlashAttribute("message", done);
        } catch (BadRequestException | cn.zugong.shared.ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + BASE + "/files/" + id;
    }

    // ------------------------------------------------------------------ 源头查找

    @GetMapping(BASE + "/sources")
    String sources(@RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        model.addAttribute("p", repository.candidates(user.scope(), "OPEN", PageResult.clampPage(page), 50));
        model.addAttribute("mayWrite", MobileAccess.mayWrite(user));
        return "party/mobile/sources";
    }

    @GetMapping(BASE + "/sources/template.xlsx")
    ResponseEntity<byte[]> template() {
        return Downloads.attachment(sources.template(), "流动党员源头查找名单模板.xlsx", Downloads.XLSX);
    }

    @PostMapping(BASE + "/sources/import")
    String importList(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String listName,
                      CurrentUser user, Model model, RedirectAttributes flash) throws IOException {
        MobileAccess.requireFileWrite(user);
        try {
            var result = sources.importList(file.getInputStream(), file.getOriginalFilename() == null ? "名单.xlsx"
                    : file.getOriginalFilename(), listName, user.scope(), user.username());
            if (!result.ok()) {
                model.addAttribute("result", result);
                model.addAttribute("p", repository.candidates(user.scope(), "OPEN", 1, 50));
                model.addAttribute("mayWrite", true);
                return "party/mobile/sources";
            }
            flash.addFlashAttribute("message", "已导入 " + result.rows() + " 行：匹配本辖区党员 " + result.matched()
                    + " 人，新增线索 " + result.added() + " 人，已在册或已有线索 " + result.known() + " 人，非本辖区党员 "
                    + result.notMembers() + " 人（不保存）。");
        } catch (SheetException e) {
            // a file that cannot be read as a whole: 400 with what is wrong (the attack suite expects a 4xx)
            throw new BadRequestException(e.getMessage());
        }
        return "redirect:" + BASE + "/sources";
    }

    @PostMapping(BASE + "/sources/scan")
    String scan(CurrentUser user, RedirectAttributes flash) {
        MobileAccess.requireFileWrite(user);
        var r = sources.scan(user.scope(), user.username());
        flash.addFlashAttribute("message", "比对党员信息：新增“党员信息标注流动”线索 " + r.roster() + " 人，“身份证号非本市”线索 "
                + r.idRegion() + " 人。");
        return "redirect:" + BASE + "/sources";
    }

    @GetMapping(BASE + "/sources/{id}")
    String candidate(@PathVariable long id, CurrentUser user, Model model) {
        var c = repository.candidate(id, user.scope()).orElseThrow(() -> new NotFoundException("线索不存在"));
        model.addAttribute("c", c.withMaskedPhone());
        if (MobileAccess.mayWrite(user) && c.status().equals("OPEN") && c.phone() != null) {
            // the filing form carries the listed phone in full for the officer who files it: an audited read
            audit.record(cn.zugong.audit.AuditEvent.read("mobile_candidate", id, "确认建档查看线索联系电话：" + c.name()));
            model.addAttribute("phone", c.phone());
        }
        model.addAttribute("today", reads.today());
        model.addAttribute("mayWrite", MobileAccess.mayWrite(user));
        return "party/mobile/candidate";
    }

    @PostMapping(BASE + "/sources/{id}/file")
    String fileCandidate(@PathVariable long id, NewFile form, CurrentUser user, RedirectAttributes flash) {
        MobileAccess.requireFileWrite(user);
        try {
            long fileId = service.openFromCandidate(id, form, user.scope(), user.username());
            flash.addFlashAttribute("message", "已建档。");
            return "redirect:" + BASE + "/files/" + fileId;
        } catch (BadRequestException | cn.zugong.shared.ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + BASE + "/sources/" + id;
        }
    }

    @PostMapping(BASE + "/sources/{id}/dismiss")
    String dismiss(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        MobileAccess.requireFileWrite(user);
        service.dismissCandidate(id, user.scope(), user.username());
        flash.addFlashAttribute("message", "已排除该线索。");
        return "redirect:" + BASE + "/sources";
    }

    // ------------------------------------------------------------------ 督办, 三个一批, hosts

    @GetMapping(BASE + "/overdue")
    String overdue(@RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        model.addAttribute("p", reads.overdue(user.scope(), PageResult.clampPage(page), 50));
        model.addAttribute("today", reads.today());
        return "party/mobile/overdue";
    }

    @GetMapping(BASE + "/unmanaged")
    String unmanaged(@RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        model.addAttribute("p", reads.unmanaged(user.scope(), PageResult.clampPage(page), 50));
        model.addAttribute("rules", service.rules());
        model.addAttribute("mayAssign", user.role() == cn.zugong.shared.Role.ADMIN);
        return "party/mobile/unmanaged";
    }

    @PostMapping(BASE + "/unmanaged/assign")
    String assign(CurrentUser user, RedirectAttributes flash) {
        MobileAccess.requireAdmin(user, "纳管流动党员");
        var a = service.assign(user.scope(), user.username());
        flash.addFlashAttribute("message", "按三个一批规则纳管 " + a.assigned() + " 人"
                + (a.byKind().isEmpty() ? "" : "（" + String.join("，", a.byKind().entrySet().stream()
                .map(e -> e.getKey().label() + " " + e.getValue() + " 人").toList()) + "）")
                + "；仍未纳管 " + a.left() + " 人。");
        return "redirect:" + BASE + "/unmanaged";
    }

    @GetMapping(BASE + "/hosts")
    String hosts(CurrentUser user, Model model) {
        model.addAttribute("hosts", repository.hosts(user.scope()));
        model.addAttribute("kinds", MobileHostKind.values());
        model.addAttribute("rules", service.rules());
        model.addAttribute("intervals", service.intervalsByLabel());
        model.addAttribute("mayWrite", user.role() == cn.zugong.shared.Role.ADMIN);
        return "party/mobile/hosts";
    }

    @PostMapping(BASE + "/hosts")
    String addHost(@RequestParam(required = false) MobileHostKind kind, @RequestParam(required = false) String name,
                   @RequestParam(required = false) String city, @RequestParam(required = false) String district,
                   @RequestParam(required = false) String employer, @RequestParam(required = false) String community,
                   @RequestParam(required = false) String destinations, CurrentUser user, RedirectAttributes flash) {
        MobileAccess.requireAdmin(user, "登记纳管组织");
        try {
            service.addHost(new NewHost(kind, name, null, city, district, employer, community,
                    destinations == null ? List.of() : Arrays.asList(destinations.split("[,，、;；\\s]+"))),
                    user.scope().nodeId(), user.username());
            flash.addFlashAttribute("message", "已登记纳管组织“" + name + "”。");
        } catch (BadRequestException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + BASE + "/hosts";
    }

    // ------------------------------------------------------------------ figures

    @GetMapping(BASE + "/figures")
    String figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   CurrentUser user, Model model) {
        MobileFigures.Figures f = figures.of(user.scope(), from, to);
        model.addAttribute("f", f);
        model.addAttribute("kinds", MobileEventKind.values());
        var t = f.totals();
        try {
            model.addAttribute("countiesJson", json.writeValueAsString(f.counties()));
            model.addAttribute("kindsJson", json.writeValueAsString(List.of(
                    java.util.Map.of("name", MobileHostKind.WORKPLACE.label(), "value", t.workplace()),
                    java.util.Map.of("name", MobileHostKind.RESIDENCE.label(), "value", t.residence()),
                    java.util.Map.of("name", MobileHostKind.REGIONAL.label(), "value", t.regional()),
                    java.util.Map.of("name", "未纳管", "value", t.unmanaged()))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "party/mobile/figures";
    }

    @GetMapping(BASE + "/figures.xlsx")
    ResponseEntity<byte[]> figuresExcel(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                        LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                        LocalDate to, CurrentUser user) {
        return Downloads.attachment(excel.figures(figures.of(user.scope(), from, to), user.scopeName()),
                "流动党员统计.xlsx", Downloads.XLSX);
    }

    private static <E extends Enum<E>> String valid(String value, Class<E> type, String extra) {
        if (value == null || value.isBlank() || value.equals(extra)) {
            return value;
        }
        try {
            return Enum.valueOf(type, value).name();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("筛选条件不正确：" + value);
        }
    }
}

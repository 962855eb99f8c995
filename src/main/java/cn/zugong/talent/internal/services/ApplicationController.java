package cn.zugong.talent.internal.services;

import cn.zugong.closure.Attachment;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosurePages;
import cn.zugong.closure.ClosureRuleException;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.StepInput;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.shared.Upload;
import cn.zugong.shared.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
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

/**
 * The office's pages of the catalogue and the applications: the catalogue by area, the applications of the handling
 * units in scope, an application with the closure workflow, 代办帮办 at the counter, and the figures with Excel.
 */
@Controller
class ApplicationController {

    private static final String BASE = "/talent/applications";

    private final ServiceApplications services;
    private final ServiceFigures figures;
    private final ClosurePages pages;
    private final ClosureItems items;
    private final ClosureWorkflow workflow;
    private final Clock clock;

    ApplicationController(ServiceApplications services, ServiceFigures figures, ClosurePages pages, ClosureItems items,
                          ClosureWorkflow workflow, Clock clock) {
        this.services = services;
        this.figures = figures;
        this.pages = pages;
        this.items = items;
        this.workflow = workflow;
        this.clock = clock;
    }

    @GetMapping("/talent/services")
    String catalogue(@RequestParam(required = false) String area, @RequestParam(required = false) Boolean hot,
                     @RequestParam(required = false) Boolean online, Model model) {
        var all = services.catalogue();
        var shown = all.stream().filter(v -> area == null || area.isBlank() || v.item().area().equals(area))
                .filter(v -> hot == null || v.item().hot() == hot)
                .filter(v -> online == null || v.item().online() == online).toList();
        model.addAttribute("items", shown);
        model.addAttribute("areas", services.areas());
        model.addAttribute("area", area);
        model.addAttribute("hot", hot);
        model.addAttribute("online", online);
        model.addAttribute("total", all.size());
        model.addAttribute("hotCount", all.stream().filter(v -> v.item().hot()).count());
        model.addAttribute("services", services);
        model.addAttribute("unconfigured", all.stream().filter(v -> !v.configured()).count());
        return "talent/services/catalogue";
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) String item, @RequestParam(required = false) String area,
                @RequestParam(required = false) ClosureStatus status, @RequestParam(required = false) Boolean proxy,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
                CurrentUser user, Model model) {
        ApplicationFilter filter = new ApplicationFilter(item, area, status, proxy, year, page, 20);
        var result = services.page(filter, user);
        model.addAttribute("page", result);
        model.addAttribute("filter", filter);
        model.addAttribute("talentNames", services.talentNames(result.items()));
        model.addAttribute("unitNames", services.unitNames(result.items()));
        model.addAttribute("services", services);
        model.addAttribute("statuses", ClosureStatus.values());
        model.addAttribute("areas", services.areas());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("mayFile", user.role() == Role.REPORTER || user.role() == Role.ADMIN);
        return "talent/services/applications";
    }

    @GetMapping(BASE + "/{id}")
    String application(@PathVariable long id, CurrentUser user, Model model) {
        Application a = services.get(id, user);
        model.addAttribute("a", a);
        model.addAttribute("itemName", services.itemName(a.itemCode()));
        model.addAttribute("areaName", services.areaName(a.areaCode()));
        model.addAttribute("talentName", services.talentName(a.talentId()));
        model.addAttribute("unitName", services.unitNames(List.of(a)).get(a.ownerNodeId()));
        model.addAttribute("materials", services.materials(a));
        model.addAttribute("overdue", a.overdue(LocalDate.now(clock)));
        model.addAttribute("closure", pages.view(ServiceApplications.KIND, a.itemId(), BASE + "/" + id,
                BASE + "/" + id, user));
        return "talent/services/application";
    }

    @PostMapping(BASE + "/{id}/{action}")
    String step(@PathVariable long id, @PathVariable String action, @ModelAttribute StepForm form, CurrentUser user,
                RedirectAttributes flash) {
        Application a = services.get(id, user);
        pages.step(ServiceApplications.KIND, a.itemId(), action, form.input(), user, flash);
        return "redirect:" + BASE + "/" + id;
    }

    /** What a step's form posts (the closure fragment's fields). */
    record StepForm(String note, String assignee, @org.springframework.format.annotation.DateTimeFormat(
            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate deadline, Long toUnitId) {
        StepInput input() {
            return new StepInput(note, assignee, deadline, toUnitId, Map.of());
        }
    }

    @PostMapping(BASE + "/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, CurrentUser user,
                  RedirectAttributes flash) {
        Application a = services.get(id, user);
        Attachment att = workflow.attach(a.itemId(), new Upload(file.getOriginalFilename(), file.getSize(),
                file::getBytes), user);
        flash.addFlashAttribute("message", "已上传材料：" + att.fileName());
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, CurrentUser user) {
        Application a = services.get(id, user);
        Attachment.Content c = items.attachment(a.itemId(), attachmentId, user);
        return Downloads.attachment(c.bytes(), c.attachment().fileName(), c.attachment().contentType());
    }

    /** 代办帮办: the counter form (item, the talent's ID number and name, scanned materials). */
    @GetMapping(BASE + "/new")
    String counterForm(@RequestParam(required = false) String item, CurrentUser user, Model model) {
        services.requireCounter(user);
        return counterPage(item, null, null, null, user, model);
    }

    /**
     * Files the counter application; with {@code preview} it only shows which materials the platform already holds
     * for the talent (ID number and name are posted, never put in a URL) and writes nothing.
     */
    @PostMapping(BASE + "/new")
    String counter(@RequestParam(required = false) String item, @RequestParam(required = false) String idNumber,
                   @RequestParam(required = false) String name, @RequestParam(required = false) String note,
                   @RequestParam(required = false) Boolean preview, @RequestParam Map<String, MultipartFile> files,
                   CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            if (Boolean.TRUE.equals(preview)) {
                services.requireCounter(user);
                var t = services.counterTalent(idNumber, name);
                var it = services.item(item == null ? "" : item);
                model.addAttribute("v", services.view(it, t, true));
                model.addAttribute("needs", services.needs(it, t));
                model.addAttribute("talentName", t.name());
                return counterPage(item, idNumber, name, null, user, model);
            }
            Application a = services.applyAtCounter(idNumber, name, item, MyServicesController.uploads(files), note,
                    user);
            flash.addFlashAttribute("message", "已代办申请 " + a.applicationNo() + "：所需材料 " + a.needed()
                    + " 项，平台已有 " + a.reused() + " 项。");
            return "redirect:" + BASE + "/" + a.id();
        } catch (BadRequestException | ConflictException | ClosureRuleException e) {
            response.setStatus(e instanceof BadRequestException ? 400 : 409);
            return counterPage(item, idNumber, name, e.getMessage(), user, model);
        }
    }

    private String counterPage(String item, String idNumber, String name, String error, CurrentUser user,
                               Model model) {
        model.addAttribute("items", services.catalogue().stream().filter(v -> v.configured()
                && user.scope().contains(v.unit().path())).toList());
        model.addAttribute("item", item);
        model.addAttribute("idNumber", idNumber);
        model.addAttribute("name", name);
        model.addAttribute("error", error);
        return "talent/services/counter";
    }

    @GetMapping(BASE + "/figures")
    String figures(@RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("f", figures.of(user, y));
        model.addAttribute("year", y);
        return "talent/services/figures";
    }

    @GetMapping(BASE + "/figures.xlsx")
    ResponseEntity<byte[]> figuresExcel(@RequestParam(required = false) Integer year, CurrentUser user)
            throws IOException {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        return Downloads.attachment(figures.excel(user, y), "码上办统计-" + y + ".xlsx", Downloads.XLSX);
    }
}

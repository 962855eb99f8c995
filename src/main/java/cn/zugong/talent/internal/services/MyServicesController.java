package cn.zugong.talent.internal.services;

import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Upload;
import cn.zugong.talent.internal.TalentRecord;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The talent's own 码上办 pages (role TALENT, phone first): the items the talent may apply for, applying with only
 * the missing materials, the own applications and their steps. Anything not the talent's own answers 404.
 */
@Controller
class MyServicesController {

    private static final String BASE = "/talent/my";

    private final ServiceApplications services;

    MyServicesController(ServiceApplications services) {
        this.services = services;
    }

    @GetMapping(BASE + "/services")
    String services(@RequestParam(required = false) Boolean hot, CurrentUser user, Model model) {
        TalentRecord t = services.ownTalent(user);
        List<ServiceApplications.ItemView> all = services.catalogueFor(t).stream()
                .filter(v -> !Boolean.TRUE.equals(hot) || v.item().hot()).toList();
        Map<String, List<ServiceApplications.ItemView>> byArea = new LinkedHashMap<>();
        all.stream().filter(v -> v.refusal() == null)
                .forEach(v -> byArea.computeIfAbsent(v.areaName(), k -> new java.util.ArrayList<>()).add(v));
        model.addAttribute("talent", t);
        model.addAttribute("byArea", byArea);
        model.addAttribute("others", all.stream().filter(v -> v.refusal() != null).toList());
        model.addAttribute("hot", Boolean.TRUE.equals(hot));
        return "talent/my/services";
    }

    @GetMapping(BASE + "/services/{code}/apply")
    String applyForm(@PathVariable String code, CurrentUser user, Model model) {
        return form(code, user, model, null);
    }

    private String form(String code, CurrentUser user, Model model, String error) {
        TalentRecord t = services.ownTalent(user);
        var item = services.item(code);
        model.addAttribute("talent", t);
        model.addAttribute("v", services.view(item, t, false));
        model.addAttribute("needs", services.needs(item, t));
        model.addAttribute("error", error);
        return "talent/my/services-apply";
    }

    @PostMapping(BASE + "/services/{code}/apply")
    String apply(@PathVariable String code, @RequestParam(required = false) String note,
                 @RequestParam Map<String, MultipartFile> files, CurrentUser user, Model model,
                 HttpServletResponse response, RedirectAttributes flash) {
        try {
            Application a = services.apply(code, uploads(files), note, user);
            flash.addFlashAttribute("message", "已提交申请 " + a.applicationNo() + "：所需材料 " + a.needed()
                    + " 项，平台已有 " + a.reused() + " 项，办理时限至 " + a.deadline() + "。");
            return "redirect:" + BASE + "/applications/" + a.id();
        } catch (BadRequestException | ConflictException | cn.zugong.closure.ClosureRuleException e) {
            response.setStatus(e instanceof BadRequestException ? 400 : 409);
            return form(code, user, model, e.getMessage());
        }
    }

    /** Uploads by material code from fields named file_CODE; empty fields are left out. */
    static Map<String, Upload> uploads(Map<String, MultipartFile> files) {
        Map<String, Upload> out = new LinkedHashMap<>();
        files.forEach((name, f) -> {
            if (name.startsWith("file_") && f != null && !f.isEmpty()) {
                out.put(name.substring(5), new Upload(f.getOriginalFilename(), f.getSize(), f::getBytes));
            }
        });
        return out;
    }

    @GetMapping(BASE + "/applications")
    String applications(CurrentUser user, Model model) {
        model.addAttribute("talent", services.ownTalent(user));
        model.addAttribute("applications", services.ownApplications(user));
        model.addAttribute("services", services);
        return "talent/my/applications";
    }

    @GetMapping(BASE + "/applications/{id}")
    String application(@PathVariable long id, CurrentUser user, Model model) {
        Application a = services.own(id, user);
        model.addAttribute("a", a);
        model.addAttribute("itemName", services.itemName(a.itemCode()));
        model.addAttribute("unitName", services.unitNames(List.of(a)).get(a.ownerNodeId()));
        model.addAttribute("materials", services.materials(a));
        model.addAttribute("history", services.history(a));
        return "talent/my/applications-detail";
    }
}

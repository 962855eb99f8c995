package cn.zugong.talent.internal.registry;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import cn.zugong.talent.internal.EmployerRecord;
import cn.zugong.talent.internal.TalentAccess;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 用人单位 pages: the list (name or credit code), the form (统一社会信用代码 checked), ADMIN writes only. */
@Controller
class EmployerController {

    static final String BASE = "/talent/employers";

    private final RegistryService service;

    EmployerController(RegistryService service) {
        this.service = service;
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                CurrentUser user, Model model) {
        String query = q == null ? null : q.strip();
        if (query != null && query.length() > 50) {
            query = query.substring(0, 50);
        }
        model.addAttribute("q", query);
        model.addAttribute("result", service.employers(query, page, user));
        model.addAttribute("base", BASE + "?" + (query == null || query.isEmpty() ? ""
                : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&"));
        model.addAttribute("admin", user.role() == Role.ADMIN);
        model.addAttribute("c", service.classification());
        return "talent/registry/employers";
    }

    @GetMapping(BASE + "/new")
    String newForm(CurrentUser user, Model model) {
        TalentAccess.requireAdmin(user);
        return form(new EmployerForm(user.scope().nodeId(), null, null, "ENTERPRISE", null), null, user, model);
    }

    @PostMapping(BASE)
    String create(@Valid EmployerForm employerForm, BindingResult errors, CurrentUser user, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        TalentAccess.requireAdmin(user);
        if (refused(employerForm, null, errors, user, response)) {
            return form(employerForm, null, user, model);
        }
        service.createEmployer(employerForm, user);
        flash.addFlashAttribute("message", "已登记用人单位「" + employerForm.name().strip() + "」。");
        return "redirect:" + BASE;
    }

    @GetMapping(BASE + "/{id}")
    String edit(@PathVariable long id, CurrentUser user, Model model) {
        EmployerRecord e = service.employer(id, user);
        model.addAttribute("readOnly", user.role() != Role.ADMIN);
        return form(new EmployerForm(e.nodeId(), e.creditCode(), e.name(), e.kind(), e.industry()), e, user, model);
    }

    @PostMapping(BASE + "/{id}")
    String update(@PathVariable long id, @Valid EmployerForm employerForm, BindingResult errors, CurrentUser user,
                  Model model, HttpServletResponse response, RedirectAttributes flash) {
        TalentAccess.requireAdmin(user);
        EmployerRecord e = service.employer(id, user);
        if (refused(employerForm, id, errors, user, response)) {
            return form(employerForm, e, user, model);
        }
        service.updateEmployer(id, employerForm, user);
        flash.addFlashAttribute("message", "已保存用人单位「" + employerForm.name().strip() + "」。");
        return "redirect:" + BASE;
    }

    private boolean refused(EmployerForm f, Long id, BindingResult errors, CurrentUser user,
                            HttpServletResponse response) {
        service.employerProblems(f, id, user).forEach((field, message) -> {
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "talent", message);
            }
        });
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return true;
        }
        return false;
    }

    private String form(EmployerForm f, EmployerRecord existing, CurrentUser user, Model model) {
        model.addAttribute("employerForm", f);
        model.addAttribute("existing", existing);
        model.addAttribute("nodes", service.talentNodes(user));
        model.addAttribute("c", service.classification());
        if (!model.containsAttribute("readOnly")) {
            model.addAttribute("readOnly", false);
        }
        return "talent/registry/employer";
    }
}

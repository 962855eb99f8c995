package cn.zugong.talent.internal.registry;

import cn.zugong.org.OrgNode;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Masking;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.talent.CredentialKind;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentRecord;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 人才库 pages: the list with its filters, a talent, the form, unmasking, the own account, the levels. */
@Controller
class RegistryController {

    static final String BASE = "/talent/registry";

    private final RegistryService service;

    RegistryController(RegistryService service) {
        this.service = service;
    }

    @GetMapping(BASE)
    String list(@Valid TalentFilter filter, CurrentUser user, Model model) {
        OrgNode node = service.node(filter.nodeId(), user);
        var result = service.search(filter.search(node == null ? null : node.path()), filter.page(), 20, user);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("base", filter.query(BASE));
        model.addAttribute("exportUrl", filter.query(BASE + "/export.xlsx"));
        model.addAttribute("nodes", service.talentNodes(user));
        model.addAttribute("employers", service.employerChoices(user));
        model.addAttribute("admin", user.role() == Role.ADMIN);
        model.addAttribute("c", service.classification());
        return "talent/registry/list";
    }

    @GetMapping(BASE + "/levels")
    String levels(CurrentUser user, Model model) {
        RegistryService.requireOffice(user);
        model.addAttribute("c", service.classification());
        model.addAttribute("counts", service.countByLevel(user));
        return "talent/registry/levels";
    }

    @GetMapping(BASE + "/{id}")
    String talent(@PathVariable long id, CurrentUser user, Model model) {
        TalentRecord t = service.talent(id, user);
        model.addAttribute("t", t);
        model.addAttribute("maskedId", Masking.idNumber(t.idNumber()));
        model.addAttribute("maskedPhone", Masking.phone(t.phone()));
        model.addAttribute("admin", user.role() == Role.ADMIN);
        model.addAttribute("c", service.classification());
        model.addAttribute("kinds", CredentialKind.values());
        return "talent/registry/talent";
    }

    @GetMapping(BASE + "/new")
    String newForm(CurrentUser user, Model model) {
        TalentAccess.requireAdmin(user);
        return form(TalentForm.blank(user.scope().nodeId()), null, user, model);
    }

    @PostMapping(BASE)
    String create(@Valid TalentForm talentForm, BindingResult errors, CurrentUser user, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        TalentAccess.requireAdmin(user);
        if (refused(talentForm, errors, user, response)) {
            return form(talentForm, null, user, model);
        }
        long id = service.create(talentForm, user);
        flash.addFlashAttribute("message", "已登记人才「" + talentForm.name().strip() + "」。");
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/edit")
    String editForm(@PathVariable long id, CurrentUser user, Model model) {
        TalentAccess.requireAdmin(user);
        TalentRecord t = service.talent(id, user);
        // the whole ID number and phone are not put into the page: left blank, they stay as stored
        TalentForm f = new TalentForm(t.nodeId(), t.employerId(), t.name(), t.gender(), t.birthDate(), null,
                null, t.email(), t.category(), t.field(), t.education(), t.school(), t.major(), t.annualSalary(),
                t.arrivedOn(), codes(t, CredentialKind.TITLE), codes(t, CredentialKind.AWARD),
                codes(t, CredentialKind.PROGRAMME));
        return form(f, t, user, model);
    }

    @PostMapping(BASE + "/{id}")
    String update(@PathVariable long id, @Valid TalentForm talentForm, BindingResult errors, CurrentUser user,
                  Model model, HttpServletResponse response, RedirectAttributes flash) {
        TalentAccess.requireAdmin(user);
        TalentRecord t = service.talent(id, user);
        TalentForm effective = talentForm.withStored(t.idNumber(), t.phone());
        if (refused(effective, errors, user, response)) {
            return form(talentForm, t, user, model);
        }
        service.update(id, effective, user);
        flash.addFlashAttribute("message", "已保存。");
        return "redirect:" + BASE + "/" + id;
    }

    private boolean refused(TalentForm f, BindingResult errors, CurrentUser user, HttpServletResponse response) {
        service.problems(f, user).forEach((field, message) -> {
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

    private static List<String> codes(TalentRecord t, CredentialKind kind) {
        return t.credentials().stream().filter(c -> c.kind() == kind).map(c -> c.code()).toList();
    }

    private String form(TalentForm f, TalentRecord existing, CurrentUser user, Model model) {
        model.addAttribute("talentForm", f);
        model.addAttribute("existing", existing);
        model.addAttribute("maskedId", existing == null ? null : Masking.idNumber(existing.idNumber()));
        model.addAttribute("maskedPhone", existing == null ? null : Masking.phone(existing.phone()));
        model.addAttribute("nodes", service.talentNodes(user));
        model.addAttribute("employers", service.employerChoices(user));
        model.addAttribute("c", service.classification());
        return "talent/registry/form";
    }

    /** htmx: the full value replaces the masked cell (ADMIN only, audited, never cached). */
    @PostMapping(BASE + "/{id}/unmask")
    String unmask(@PathVariable long id, @RequestParam String field, CurrentUser user, Model model,
                  HttpServletResponse response) {
        model.addAttribute("value", service.reveal(id, field, user));
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        return "talent/registry/unmasked :: value";
    }

    /** Opens the talent's own account; the initial password is shown once on the next page. */
    @PostMapping(BASE + "/{id}/account")
    String account(@PathVariable long id, @RequestParam(required = false) String username, CurrentUser user,
                   RedirectAttributes flash) {
        String password = service.openAccount(id, username, user);
        flash.addFlashAttribute("message", "已开通人才账号 " + username.strip().toLowerCase(java.util.Locale.ROOT)
                + "，初始密码：" + password + "（仅显示这一次，请当面或经安全渠道交给本人；首次登录须修改密码）。");
        return "redirect:" + BASE + "/" + id;
    }

    static Map<String, String> labels(cn.zugong.talent.internal.Classification c, CredentialKind k) {
        return c.credentials(k);
    }

    static NotFoundException notFound() {
        return new NotFoundException("页面不存在");
    }
}

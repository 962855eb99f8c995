package cn.zugong.security.internal;

import cn.zugong.shared.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 账号管理, the system administrator's page (route limited to SYS_ADMIN in {@link SecurityConfig}). */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private final AccountAdministration administration;
    private final AccountQueries queries;

    AccountAdminController(AccountAdministration administration, AccountQueries queries) {
        this.administration = administration;
        this.queries = queries;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", queries.all());
        return "security/accounts";
    }

    /** Binds only the two fields an administrator may set; role and scope are the security administrator's. */
    @PostMapping
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  CurrentUser admin, Model model) {
        try {
            return issued(administration.create(admin, username, displayName), "新建账号", model);
        } catch (AccountFormException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            return list(model);
        }
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, CurrentUser admin) {
        administration.setEnabled(admin, id, true);
        return "redirect:/admin/accounts";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, CurrentUser admin) {
        administration.setEnabled(admin, id, false);
        return "redirect:/admin/accounts";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, CurrentUser admin) {
        administration.unlock(admin, id);
        return "redirect:/admin/accounts";
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, CurrentUser admin, Model model) {
        return issued(administration.resetPassword(admin, id), "重置密码", model);
    }

    private static String issued(AccountAdministration.Issued issued, String what, Model model) {
        model.addAttribute("issued", issued);
        model.addAttribute("what", what);
        return "security/issued";
    }
}

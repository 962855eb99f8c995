package cn.zugong.security.internal;

import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 授权管理, the security administrator's page (route limited to SEC_ADMIN in {@link SecurityConfig}). */
@Controller
@RequestMapping("/admin/grants")
class GrantController {

    private final RoleGrants grants;
    private final AccountQueries queries;
    private final OrgTree orgTree;

    GrantController(RoleGrants grants, AccountQueries queries, OrgTree orgTree) {
        this.grants = grants;
        this.queries = queries;
        this.orgTree = orgTree;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", queries.all());
        return "security/grants";
    }

    /** The grant form; {@code q} searches the organisation tree by name or code to find the scope's code. */
    @GetMapping("/{id}")
    String form(@PathVariable long id, @RequestParam(required = false) String q, CurrentUser secAdmin, Model model) {
        model.addAttribute("account", queries.one(id));
        model.addAttribute("roles", Role.business());
        model.addAttribute("q", q);
        model.addAttribute("nodes", orgTree.search(q, secAdmin.scope(), 20));
        return "security/grant";
    }

    @PostMapping("/{id}")
    String grant(@PathVariable long id, @RequestParam(defaultValue = "") String role,
                 @RequestParam(defaultValue = "") String scopeCode, CurrentUser secAdmin, Model model) {
        try {
            grants.grant(secAdmin, id, role, scopeCode);
        } catch (AccountFormException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("scopeCode", scopeCode);
            return form(id, null, secAdmin, model);
        }
        return "redirect:/admin/grants";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, CurrentUser secAdmin) {
        grants.revoke(secAdmin, id);
        return "redirect:/admin/grants";
    }
}

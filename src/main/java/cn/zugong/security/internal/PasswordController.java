package cn.zugong.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 修改密码: every signed-in user, and the only page open to one who must change an initial password. */
@Controller
@RequestMapping(PasswordChangeGate.CHANGE_PAGE)
class PasswordController {

    private final PasswordChanges changes;

    PasswordController(PasswordChanges changes) {
        this.changes = changes;
    }

    @GetMapping
    String form(Authentication auth, Model model) {
        model.addAttribute("forced", auth.getPrincipal() instanceof AccountPrincipal p && p.mustChangePassword());
        return "security/password";
    }

    /** A changed password ends the session: the user signs in again with the new one. */
    @PostMapping
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String next,
                  @RequestParam(defaultValue = "") String confirmation, Authentication auth, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            changes.change(auth.getName(), current, next, confirmation);
        } catch (AccountFormException e) {
            model.addAttribute("problems", e.problems());
            return form(auth, model);
        }
        new SecurityContextLogoutHandler().logout(request, response, auth);
        return "redirect:/login?changed";
    }
}

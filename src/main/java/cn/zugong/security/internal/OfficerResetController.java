package cn.zugong.security.internal;

import cn.zugong.shared.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 三员密码重置, the three officers' shared page (route limited to them in {@link SecurityConfig}; ADR 033). */
@Controller
@RequestMapping(OfficerResetController.PAGE)
class OfficerResetController {

    static final String PAGE = "/officers/resets";

    private final OfficerResets resets;

    OfficerResetController(OfficerResets resets) {
        this.resets = resets;
    }

    @GetMapping
    String list(CurrentUser officer, Model model) {
        model.addAttribute("accounts", resets.guarded(officer));
        model.addAttribute("requests", resets.open());
        return "security/resets";
    }

    @PostMapping
    String request(@RequestParam long accountId, CurrentUser officer, Model model) {
        model.addAttribute("half", resets.request(officer, accountId));
        return "security/half";
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, CurrentUser officer, Model model) {
        model.addAttribute("half", resets.confirm(officer, id));
        return "security/half";
    }
}

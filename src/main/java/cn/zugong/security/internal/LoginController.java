package cn.zugong.security.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final StartupGate startup;

    LoginController(StartupGate startup) {
        this.startup = startup;
    }

    @GetMapping("/login")
    String login(Model model) {
        startup.notice().ifPresent(notice -> model.addAttribute("startupNotice", notice));
        return "login";
    }
}

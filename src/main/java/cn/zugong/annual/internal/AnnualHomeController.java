package cn.zugong.annual.internal;

import cn.zugong.shared.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page of 这一年 (ADR 081): the reviews of the user's scope. */
@Controller
class AnnualHomeController {

    @GetMapping("/annual")
    String home(CurrentUser user, Model model) {
        return "annual/home";
    }
}

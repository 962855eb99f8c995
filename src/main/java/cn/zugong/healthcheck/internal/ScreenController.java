package cn.zugong.healthcheck.internal;

import cn.zugong.shared.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 一张屏: the big screen page and its data (JSON), scoped like every health-check page. */
@Controller
class ScreenController {

    private final ScreenData screens;

    ScreenController(ScreenData screens) {
        this.screens = screens;
    }

    @GetMapping("/healthcheck/screen")
    String mine(CurrentUser user) {
        return "redirect:/healthcheck/screen/" + user.scope().nodeId();
    }

    @GetMapping("/healthcheck/screen/{id}")
    String screen(@PathVariable long id, @RequestParam(required = false) Long evaluation, CurrentUser user,
                  Model model) {
        model.addAttribute("screen", screens.of(user, id, evaluation));
        return "healthcheck/screen";
    }

    @GetMapping("/healthcheck/screen/{id}/data")
    @ResponseBody
    ScreenData.Screen data(@PathVariable long id, @RequestParam(required = false) Long evaluation,
                           CurrentUser user) {
        return screens.of(user, id, evaluation);
    }
}

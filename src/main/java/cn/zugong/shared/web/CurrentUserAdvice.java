package cn.zugong.shared.web;

import cn.zugong.shared.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the signed-in user available to every page's layout (navbar: name, role, scope). */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("me")
    CurrentUser me(CurrentUser user) {
        return user;
    }
}

package cn.zugong.rating.internal.scheme;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 评定方案: the schemes in force with every criterion, computed metric, veto and star rule, for the office (the
 * security chain already keeps /ratings to office roles; the check here keeps it so if that changes).
 */
@Controller
class SchemeController {

    private final SchemeViews views;

    SchemeController(SchemeViews views) {
        this.views = views;
    }

    @GetMapping("/ratings/schemes")
    String list(CurrentUser user, Model model) {
        office(user);
        model.addAttribute("schemes", views.all());
        model.addAttribute("metrics", views.metrics());
        return "rating/scheme/list";
    }

    @GetMapping("/ratings/schemes/{code}/{version}")
    String detail(@PathVariable String code, @PathVariable String version, CurrentUser user, Model model) {
        office(user);
        model.addAttribute("s", views.detail(code, version));
        return "rating/scheme/detail";
    }

    @GetMapping("/api/ratings/schemes")
    @ResponseBody
    List<SchemeViews.Summary> apiList(CurrentUser user) {
        office(user);
        return views.all();
    }

    @GetMapping("/api/ratings/schemes/{code}/{version}")
    @ResponseBody
    SchemeViews.Detail apiDetail(@PathVariable String code, @PathVariable String version, CurrentUser user) {
        office(user);
        return views.detail(code, version);
    }

    private static void office(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色无权查看评定方案");
        }
    }
}

package cn.zugong.talent.internal.grants;

import cn.zugong.shared.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The talent's own 码上秒享 page (phone layout): what was granted, when, and why; lines under review are not shown. */
@Controller
class MyGrantsController {

    private final GrantRuns runs;

    MyGrantsController(GrantRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/talent/my/grants")
    String own(CurrentUser user, Model model) {
        var talent = runs.ownTalent(user);
        List<GrantLine> lines = runs.own(user).stream().filter(l -> !"PENDING".equals(l.runStatus())).toList();
        model.addAttribute("talent", talent);
        model.addAttribute("lines", lines);
        model.addAttribute("paid", lines.stream().filter(l -> "PAID".equals(l.runStatus())).map(GrantLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("approved", lines.stream().filter(l -> "APPROVED".equals(l.runStatus())).map(GrantLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        return "talent/my/grants";
    }
}

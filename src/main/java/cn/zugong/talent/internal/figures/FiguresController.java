package cn.zugong.talent.internal.figures;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.web.Downloads;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 人才工作数据看板 (/talent/figures, its Excel and JSON) and the leaders' 一张屏 (/talent/screen, drawn by
 * /js/talent-screen.js from /talent/screen/data). Office roles only, every figure in the caller's scope; the year
 * defaults to the clock's.
 */
@Controller
class FiguresController {

    private final TalentFigures figures;
    private final Clock clock;

    FiguresController(TalentFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    private int year(Integer year) {
        return year == null ? LocalDate.now(clock).getYear() : year;
    }

    @GetMapping("/talent/figures")
    String page(@RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        model.addAttribute("f", figures.of(user, year(year)));
        return "talent/figures/figures";
    }

    @GetMapping("/talent/figures.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) Integer year, CurrentUser user) throws IOException {
        TalentFigures.Figures f = figures.of(user, year(year));
        return Downloads.attachment(FiguresExcel.write(f), "人才工作统计-" + f.year() + ".xlsx", Downloads.XLSX);
    }

    @GetMapping("/api/talent/figures")
    @ResponseBody
    TalentFigures.Figures api(@RequestParam(required = false) Integer year, CurrentUser user) {
        return figures.of(user, year(year));
    }

    @GetMapping("/talent/screen")
    String screen(@RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        model.addAttribute("f", figures.of(user, year(year)));
        return "talent/figures/screen";
    }

    @GetMapping("/talent/screen/data")
    @ResponseBody
    TalentFigures.Figures screenData(@RequestParam(required = false) Integer year, CurrentUser user) {
        return figures.of(user, year(year));
    }
}

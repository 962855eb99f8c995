package cn.zugong.prosperity.internal.matching;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.prosperity.MatchingFigureSet;
import cn.zugong.prosperity.MatchingFigures;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.web.Downloads;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 聚力共富's figures: the page (ECharts reads the API's JSON), the API and the Excel file, all from
 * {@link MatchingFigures} (one computation). Default period: this year up to today.
 */
@Controller
class MatchingFiguresController {

    private final MatchingFigures figures;
    private final AuditTrail audit;
    private final Clock clock;

    MatchingFiguresController(MatchingFigures figures, AuditTrail audit, Clock clock) {
        this.figures = figures;
        this.audit = audit;
        this.clock = clock;
    }

    private MatchingFigureSet of(CurrentUser user, LocalDate from, LocalDate to) {
        MatchingService.requireOffice(user);
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? (from == null ? today : f.plusYears(1).minusDays(1)) : to;
        if (t.isBefore(f)) {
            throw new BadRequestException("统计时段：结束日期早于开始日期");
        }
        if (t.isAfter(f.plusYears(10))) {
            throw new BadRequestException("统计时段：不能超过 10 年");
        }
        return figures.of(user.scope(), user.scopeName(), f, t);
    }

    @GetMapping("/prosperity/matching/figures")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to, CurrentUser user,
                Model model) {
        model.addAttribute("f", of(user, from, to));
        return "prosperity/matching/figures";
    }

    /** The same JSON for the page's charts: /api/** is stateless (Basic or token), the page has a session. */
    @GetMapping("/prosperity/matching/figures/data")
    @ResponseBody
    MatchingFigureSet data(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                           CurrentUser user) {
        return of(user, from, to);
    }

    @GetMapping("/api/prosperity/matching/figures")
    @ResponseBody
    MatchingFigureSet api(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                          CurrentUser user) {
        return of(user, from, to);
    }

    @GetMapping("/prosperity/matching/figures.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                                 CurrentUser user) throws IOException {
        MatchingFigureSet f = of(user, from, to);
        byte[] file = MatchingFiguresExcel.of(f);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "matching_figures", user.scope().nodeId(),
                "导出聚力共富统计：" + f.scopeName() + " " + f.from() + "至" + f.to()));
        return Downloads.attachment(file, "聚力共富统计-" + f.from() + "至" + f.to() + ".xlsx", Downloads.XLSX);
    }
}

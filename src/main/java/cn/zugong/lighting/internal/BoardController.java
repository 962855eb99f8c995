package cn.zugong.lighting.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 一张屏: the list's lights (tasks × months), the ranking, the trend, and the monthly bulletin. */
@Controller
class BoardController {

    private final Access access;
    private final ListRepository lists;
    private final LightQueries lights;
    private final Scoring scoring;
    private final Views views;
    private final ReportController rates;
    private final Reporting reporting;
    private final AuditTrail audit;

    BoardController(Access access, ListRepository lists, LightQueries lights, Scoring scoring, Views views,
                    ReportController rates, Reporting reporting, AuditTrail audit) {
        this.access = access;
        this.lists = lists;
        this.lights = lights;
        this.scoring = scoring;
        this.views = views;
        this.rates = rates;
        this.reporting = reporting;
        this.audit = audit;
    }

    @GetMapping("/lighting/board")
    String board(ListMonth asked, CurrentUser user, Model model) {
        TaskList list = list(asked, user);
        Period period = views.month(list, asked.month());
        List<Scoring.MonthFigures> trend = scoring.trend(list.id(), user.scope());
        model.addAttribute("list", list);
        model.addAttribute("lists", lists.visible(user.scope()).keySet());
        model.addAttribute("period", period);
        model.addAttribute("window", reporting.window(list, period));
        model.addAttribute("tasks", lists.tasks(list.id(), user.scope()));
        model.addAttribute("grid", lights.grid(list.id(), user.scope()));
        model.addAttribute("figures", trend.stream().filter(f -> f.period().equals(period)).findFirst()
                .orElse(new Scoring.MonthFigures(period, java.util.Map.of(), java.math.BigDecimal.ZERO, true)));
        model.addAttribute("ranking", scoring.ranking(list.id(), period, user.scope()));
        model.addAttribute("yearFigures", scoring.period(user.scope(), LocalDate.of(list.year(), 1, 1),
                LocalDate.of(list.year(), 12, 31)));
        model.addAttribute("flagged", lights.flagged(list.id(), period, user.scope()));
        model.addAttribute("trendJson", Views.trendJson(trend));
        model.addAttribute("coloursJson", Views.coloursJson());
        model.addAttribute("colours", Colour.LIGHTS);
        model.addAttribute("formula", Scoring.FORMULA);
        model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
        return "lighting/board";
    }

    private TaskList list(ListMonth asked, CurrentUser user) {
        return asked.listId() == null ? views.defaultList(user, null) : access.visibleList(user, asked.listId());
    }

    Bulletin.Content content(CurrentUser user, ListMonth asked) {
        TaskList list = list(asked, user);
        Period period = views.month(list, asked.month());
        var figures = scoring.trend(list.id(), user.scope()).stream().filter(f -> f.period().equals(period)).findFirst()
                .orElse(new Scoring.MonthFigures(period, java.util.Map.of(), java.math.BigDecimal.ZERO, true));
        var r = rates.rates(list.id(), period, user.scope());
        int expected = r.stream().mapToInt(x -> x.counts()[0]).sum();
        int received = r.stream().mapToInt(x -> x.counts()[1]).sum();
        int late = r.stream().mapToInt(x -> x.counts()[3]).sum();
        return new Bulletin.Content(list, period, figures, expected, received, late,
                lights.flagged(list.id(), period, user.scope()), scoring.ranking(list.id(), period, user.scope()));
    }

    @GetMapping("/lighting/board/bulletin.docx")
    void docx(ListMonth asked, CurrentUser user, HttpServletResponse response) throws IOException {
        Bulletin.Content c = content(user, asked);
        Downloads.prepare(response, c.title() + ".docx", "bulletin-" + c.period().code() + ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        Bulletin.docx(c, response.getOutputStream());
        audit.record(AuditEvent.of(AuditAction.EXPORT, "lighting_bulletin", c.list().id(), "导出亮灯通报（Word）：" + c.title()));
    }

    @GetMapping("/lighting/board/bulletin.xlsx")
    void xlsx(ListMonth asked, CurrentUser user, HttpServletResponse response) throws IOException {
        Bulletin.Content c = content(user, asked);
        Downloads.prepare(response, c.title() + ".xlsx", "bulletin-" + c.period().code() + ".xlsx",
                ListController.XLSX);
        Bulletin.xlsx(c, response.getOutputStream());
        audit.record(AuditEvent.of(AuditAction.EXPORT, "lighting_bulletin", c.list().id(), "导出亮灯通报（Excel）：" + c.title()));
    }
}

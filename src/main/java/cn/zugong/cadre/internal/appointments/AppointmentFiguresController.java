package cn.zugong.cadre.internal.appointments;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.AppointmentFigures.Figures;
import cn.zugong.cadre.AppointmentFigures;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.FiguresWorkbook;
import cn.zugong.shared.web.Downloads;
import cn.zugong.shared.web.FormFields;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 选拔任用 figures: the page, its JSON and its workbook, all from {@link AppointmentFigures}; default period last year. */
@Controller
class AppointmentFiguresController {

    private final AppointmentFigures figures;
    private final AppointmentRecordsAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    AppointmentFiguresController(AppointmentFigures figures, AppointmentRecordsAccess access, AuditTrail audit,
                                 Clock clock) {
        this.figures = figures;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/cadres/appointments/figures")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                CurrentUser user, Model model) {
        model.addAttribute("f", compute(from, to, user));
        return "cadres/appointments/figures";
    }

    @GetMapping("/api/cadres/appointments/figures")
    @ResponseBody
    Figures api(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                CurrentUser user) {
        return compute(from, to, user);
    }

    @GetMapping("/cadres/appointments/figures.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 CurrentUser user) {
        Figures f = compute(from, to, user);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "cadre_appointment_figures", user.scope().nodeId(),
                "导出选拔任用统计 " + f.from() + " 至 " + f.to()));
        return Downloads.attachment(workbook(f, user.scopeName()), "选拔任用统计-" + f.from() + "-" + f.to() + ".xlsx",
                Downloads.XLSX);
    }

    private Figures compute(String from, String to, CurrentUser user) {
        access.requireRead(user);
        LocalDate lastYear = LocalDate.now(clock).minusYears(1);
        LocalDate start = FormFields.date(from, "起始日期", false);
        LocalDate end = FormFields.date(to, "截止日期", false);
        start = start == null ? lastYear.withDayOfYear(1) : start;
        end = end == null ? lastYear.withDayOfYear(lastYear.lengthOfYear()) : end;
        if (end.isBefore(start)) {
            throw new BadRequestException("「截止日期」不能早于「起始日期」");
        }
        if (start.plusYears(10).isBefore(end)) {
            throw new BadRequestException("统计时段不超过十年");
        }
        return figures.of(user.scope(), start, end);
    }

    static byte[] workbook(Figures f, String scopeName) {
        return new FiguresWorkbook().sheet("总体")
                .text(scopeName + " 选拔任用统计 " + f.from() + " 至 " + f.to()).text(f.sentence()).text("")
                .line(List.of("任职（次）", f.appointments())).line(List.of("其中来自一线（次）", f.frontlineAppointments()))
                .line(List.of("提拔使用或职级晋升（人）", f.people())).line(List.of("其中来自一线（人）", f.frontlinePeople()))
                .line(java.util.Arrays.asList("一线占比（%）", f.sharePercent()))
                .sheet("按类型").table(null, List.of("任用类型", "任职（次）", "来自一线（次）"),
                        f.byKind().stream().map(l -> List.<Object>of(l.label(), l.total(), l.frontline())).toList())
                .sheet("按年度").table(null, List.of("年度", "提拔", "进一步使用", "职级晋升", "交流", "合计", "来自一线"),
                        f.byYear().stream().map(l -> List.<Object>of(l.year(), l.promotion(), l.furtherUse(),
                                l.rankPromotion(), l.exchange(), l.total(), l.frontline())).toList())
                .sheet("按县区").table(null, List.of("县（市、区）", "任职（次）", "来自一线（次）", "提拔使用或职级晋升（人）",
                                "其中来自一线（人）", "一线占比（%）"),
                        f.byCounty().stream().map(l -> java.util.Arrays.<Object>asList(l.name(), l.total(),
                                l.frontline(), l.people(), l.frontlinePeople(), l.sharePercent())).toList())
                .bytes();
    }

}

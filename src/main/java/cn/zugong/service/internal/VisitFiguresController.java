package cn.zugong.service.internal;

import cn.zugong.shared.time.ReportPeriod;
import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.service.CadreVisitCount;
import cn.zugong.service.NodeVisitCount;
import cn.zugong.service.internal.Records.Cadre;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.web.Downloads;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 走访统计: visits by kind per cadre and per node for a period, on a page and as Excel. */
@Controller
class VisitFiguresController {

    /** The figures of one period: a cadre sees only the own row, office roles every cadre in their scope. */
    record Figures(ReportPeriod period, List<CadreVisitCount> cadres, List<NodeVisitCount> nodes) {
        public long totalProjects() {
            return cadres.stream().mapToLong(CadreVisitCount::projects).sum();
        }

        public long totalEnterprises() {
            return cadres.stream().mapToLong(CadreVisitCount::enterprises).sum();
        }

        public long totalFarmers() {
            return cadres.stream().mapToLong(CadreVisitCount::farmers).sum();
        }
    }

    private final VisitRepository visits;
    private final ServiceAccess access;
    private final VisitFiguresExcel excel;
    private final AuditTrail audit;
    private final Clock clock;

    VisitFiguresController(VisitRepository visits, ServiceAccess access, VisitFiguresExcel excel, AuditTrail audit, Clock clock) {
        this.visits = visits;
        this.access = access;
        this.excel = excel;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/service/figures")
    String page(VisitFigureFilter filter, CurrentUser user, Model model) {
        Figures figures = figures(user, filter.resolve(LocalDate.now(clock)));
        model.addAttribute("figures", figures);
        model.addAttribute("p", figures.period());
        model.addAttribute("cadreOnly", ServiceAccess.isCadre(user));
        return "service/figures";
    }

    @GetMapping("/service/figures/export")
    ResponseEntity<byte[]> export(VisitFigureFilter filter, CurrentUser user) {
        Figures figures = figures(user, filter.resolve(LocalDate.now(clock)));
        String name = "走访统计_" + user.scopeName() + "_" + figures.period().from() + "_" + figures.period().to() + ".xlsx";
        audit.record(AuditEvent.of(AuditAction.EXPORT, "service_visit_figures", user.scope().nodeId(),
                "导出走访统计 " + figures.period().label() + "（" + figures.cadres().size() + " 名服务干部）"));
        return Downloads.attachment(excel.write(figures, user.scopeName()), name, Downloads.XLSX);
    }

    Figures figures(CurrentUser user, ReportPeriod period) {
        if (ServiceAccess.isCadre(user)) {
            Cadre own = access.ownCadre(user);
            List<CadreVisitCount> mine = visits.byCadre(own.nodeScope(), own.id(), period.from(), period.to());
            List<NodeVisitCount> node = mine.stream().map(c -> new NodeVisitCount(c.nodeId(), c.nodeName(), 1,
                    c.projects(), c.enterprises(), c.farmers())).toList();
            return new Figures(period, mine, node);
        }
        return figures(user.scope(), period);
    }

    /** Every cadre and node of the scope: the office's view, and the annual review's (VisitFigureSource). */
    Figures figures(OrgScope scope, ReportPeriod period) {
        return new Figures(period, visits.byCadre(scope, null, period.from(), period.to()),
                visits.byNode(scope, period.from(), period.to()));
    }
}

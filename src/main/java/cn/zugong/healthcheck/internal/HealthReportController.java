package cn.zugong.healthcheck.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.indicator.Evaluation;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.report.ReportJobs;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.web.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 一键生成图文报告: Word or PDF for a unit, a district or the city, built in the background with
 * progress shown on the page; and the whole matrix as Excel. The scope is checked before anything
 * starts; every export is audited.
 */
@Controller
class HealthReportController {

    private final HealthReportKind kind;
    private final MatrixExcel excel;
    private final HealthCheckViews views;
    private final ReportJobs jobs;
    private final OrgTree tree;
    private final AuditTrail audit;

    HealthReportController(HealthReportKind kind, MatrixExcel excel,
                           HealthCheckViews views, ReportJobs jobs, OrgTree tree, AuditTrail audit) {
        this.kind = kind;
        this.excel = excel;
        this.views = views;
        this.jobs = jobs;
        this.tree = tree;
        this.audit = audit;
    }

    @PostMapping("/healthcheck/nodes/{id}/reports")
    String generate(@PathVariable long id, @RequestParam(defaultValue = "docx") String format,
                    @RequestParam(required = false) Long evaluation, CurrentUser user) {
        boolean asPdf = format.equals("pdf");
        OrgNode node = tree.get(id, user.scope());
        Evaluation basis = basis(node, evaluation);
        String title = node.name() + "数字体检报告（" + basis.asOf() + "）";
        // submit refuses (429) when the user or the system has too many reports under way: then nothing is exported
        String job = jobs.submit(user.username(), HealthReportKind.NAME,
                kind.params(new HealthReportKind.Request(user, node.id(), basis.id(), asPdf)), title,
                title + (asPdf ? ".pdf" : ".docx"), asPdf ? MediaType.APPLICATION_PDF_VALUE : Downloads.DOCX);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "healthcheck-report", node.id(),
                "生成" + (asPdf ? " PDF " : " Word ") + "体检报告：" + node.name() + "，批次 " + basis.id()));
        return "redirect:/healthcheck/reports/" + job;
    }

    @GetMapping("/healthcheck/reports/{job}")
    String job(@PathVariable String job, CurrentUser user, Model model) {
        model.addAttribute("job", find(job, user));
        return "healthcheck/report-job";
    }

    /** The progress fragment the job page polls (htmx). */
    @GetMapping("/healthcheck/reports/{job}/status")
    String status(@PathVariable String job, CurrentUser user, Model model) {
        model.addAttribute("job", find(job, user));
        return "healthcheck/report-job :: status";
    }

    @GetMapping("/healthcheck/reports/{job}/file")
    ResponseEntity<byte[]> file(@PathVariable String job, CurrentUser user) {
        if (!find(job, user).done()) {
            throw new NotFoundException("报告尚未生成完成");
        }
        ReportJobs.File done = jobs.file(job, user.username()).orElseThrow(() -> new NotFoundException("报告尚未生成完成"));
        return Downloads.attachment(done.content(), done.filename(), done.contentType());
    }

    @GetMapping("/healthcheck/nodes/{id}/matrix.xlsx")
    ResponseEntity<byte[]> matrix(@PathVariable long id, @RequestParam(required = false) Long evaluation,
                                  CurrentUser user) {
        OrgNode node = tree.get(id, user.scope());
        Evaluation basis = basis(node, evaluation);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "healthcheck-matrix", node.id(),
                "导出体检矩阵：" + node.name() + "，批次 " + basis.id()));
        return Downloads.attachment(excel.write(user, node, basis), node.name() + "体检矩阵（" + basis.asOf() + "）.xlsx", Downloads.XLSX);
    }

    private Evaluation basis(OrgNode node, Long evaluation) {
        Evaluation basis = views.evaluationFor(node, evaluation);
        if (basis == null) {
            throw new NotFoundException("该范围尚未开展数字体检");
        }
        return basis;
    }

    private ReportJobs.Job find(String job, CurrentUser user) {
        return jobs.find(job, user.username()).orElseThrow(() -> new NotFoundException("报告任务不存在：" + job));
    }
}

package cn.zugong.rating.internal.results;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.web.Downloads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 评定结果 (/ratings/results with its charts and Excel), 比 (/ratings/compare), an organisation's ratings
 * (/ratings/orgs/{nodeId}) and their JSON under /api/ratings. Office roles; every figure in the caller's scope;
 * exports and evidence downloads are audited.
 */
@Controller
class ResultsController {

    private final ResultsService service;
    private final ResultsQuery query;
    private final OrgRatings orgs;
    private final AuditTrail audit;
    private final ObjectMapper json;

    ResultsController(ResultsService service, ResultsQuery query, OrgRatings orgs, AuditTrail audit,
                      ObjectMapper json) {
        this.service = service;
        this.query = query;
        this.orgs = orgs;
        this.audit = audit;
        this.json = json;
    }

    private static boolean current(String view) {
        return "current".equals(view);
    }

    @GetMapping("/ratings/results")
    String results(@RequestParam(required = false) String scheme, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) String view, @RequestParam(required = false) Long areaId,
                   @RequestParam(required = false) String sector, CurrentUser user, Model model)
            throws JsonProcessingException {
        Results.Page p = service.results(user, scheme, year, current(view), areaId, sector);
        model.addAttribute("p", p);
        model.addAttribute("view", view);
        // the charts' data (the CSP allows no inline script: data- attributes read by /js/rating-results.js)
        List<Map<String, Object>> areas = new ArrayList<>();
        for (Results.CountRow c : p.byArea()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", c.name());
            a.put("byStars", c.byStars());
            a.put("share", c.shareThreeOrMore());
            areas.add(a);
        }
        model.addAttribute("chartAreas", json.writeValueAsString(areas));
        model.addAttribute("chartLabels", json.writeValueAsString(p.starLabels()));
        model.addAttribute("chartMovements", json.writeValueAsString(p.movements()));
        return "rating/results/results";
    }

    @GetMapping("/api/ratings/results")
    @ResponseBody
    Results.Page resultsApi(@RequestParam(required = false) String scheme, @RequestParam(required = false) Integer year,
                            @RequestParam(required = false) String view, @RequestParam(required = false) Long areaId,
                            @RequestParam(required = false) String sector, CurrentUser user) {
        return service.results(user, scheme, year, current(view), areaId, sector);
    }

    @GetMapping("/ratings/results.xlsx")
    ResponseEntity<byte[]> resultsExcel(@RequestParam(required = false) String scheme,
                                        @RequestParam(required = false) Integer year,
                                        @RequestParam(required = false) String view, CurrentUser user)
            throws IOException {
        Results.Page p = service.results(user, scheme, year, current(view), null, null);
        byte[] file = ResultsExcel.results(p);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "rating_results", user.scope().nodeId(),
                "导出评定结果：" + ResultsExcel.title(p) + "，" + p.total().total() + " 个组织"));
        return Downloads.attachment(file, "评定结果-" + p.schemeName() + "-" + p.year() + ".xlsx", Downloads.XLSX);
    }

    @GetMapping("/ratings/results/scores.xlsx")
    ResponseEntity<byte[]> scoresExcel(@RequestParam(required = false) String scheme,
                                       @RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) String view, CurrentUser user)
            throws IOException {
        Selection s = service.select(user, scheme, year, current(view));
        List<ResultsQuery.SheetRow> rows = query.sheets(s);
        String title = user.scopeName() + " " + s.year() + " 年" + s.scheme().name() + (s.published() ? "" : "（未发布）");
        byte[] file = ResultsExcel.sheets(title, s.scheme(), rows);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "rating_score", user.scope().nodeId(),
                "导出评分表：" + title + "，" + rows.size() + " 个组织"));
        return Downloads.attachment(file, "评分表-" + s.scheme().name() + "-" + s.year() + ".xlsx", Downloads.XLSX);
    }

    @GetMapping("/ratings/compare")
    String compare(@RequestParam(required = false) String scheme, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) String view, @RequestParam(required = false) Long areaId,
                   @RequestParam(required = false) Long nodeId, CurrentUser user, Model model)
            throws JsonProcessingException {
        Compare.Page p = service.compare(user, scheme, year, current(view), areaId, nodeId);
        model.addAttribute("p", p);
        model.addAttribute("view", view);
        model.addAttribute("chartGroup", json.writeValueAsString(p.groups().isEmpty() ? null : p.groups().get(0)));
        model.addAttribute("chartSelected", json.writeValueAsString(p.selected()));
        model.addAttribute("chartDims", json.writeValueAsString(p.dims()));
        return "rating/results/compare";
    }

    @GetMapping("/api/ratings/compare")
    @ResponseBody
    Compare.Page compareApi(@RequestParam(required = false) String scheme, @RequestParam(required = false) Integer year,
                            @RequestParam(required = false) String view, @RequestParam(required = false) Long areaId,
                            @RequestParam(required = false) Long nodeId, CurrentUser user) {
        return service.compare(user, scheme, year, current(view), areaId, nodeId);
    }

    @GetMapping("/ratings/orgs/{nodeId}")
    String org(@PathVariable long nodeId, @RequestParam(required = false) String scheme,
               @RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        ResultsService.requireOffice(user);
        model.addAttribute("p", orgs.of(nodeId, scheme, year, user));
        return "rating/results/org";
    }

    @GetMapping("/api/ratings/orgs/{nodeId}")
    @ResponseBody
    OrgRatings.Page orgApi(@PathVariable long nodeId, @RequestParam(required = false) String scheme,
                           @RequestParam(required = false) Integer year, CurrentUser user) {
        ResultsService.requireOffice(user);
        return orgs.of(nodeId, scheme, year, user);
    }

    @GetMapping("/ratings/results/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long evidenceId, CurrentUser user) {
        ResultsService.requireOffice(user);
        OrgRatings.File f = orgs.evidence(evidenceId, user);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "rating_evidence", f.id(),
                "下载佐证材料：" + f.fileName() + "（组织节点 " + f.nodeId() + "）"));
        return Downloads.attachment(f.content(), f.fileName(),
                f.contentType() == null ? "application/octet-stream" : f.contentType());
    }
}

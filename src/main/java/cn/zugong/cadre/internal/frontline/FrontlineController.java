package cn.zugong.cadre.internal.frontline;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.FrontlineFigures;
import cn.zugong.cadre.FrontlineForms.CadresForm;
import cn.zugong.cadre.FrontlineForms.CampaignForm;
import cn.zugong.cadre.FrontlineForms.Method;
import cn.zugong.cadre.FrontlineForms.Outcome;
import cn.zugong.cadre.FrontlineForms.OutcomeForm;
import cn.zugong.cadre.FrontlineForms.RecordForm;
import cn.zugong.cadre.FrontlineForms.TeamForm;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Campaign;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Detail;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Photo;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.Upload;
import cn.zugong.shared.excel.FiguresWorkbook;
import cn.zugong.shared.web.Downloads;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of 一线考察: the campaigns, a campaign (teams, cadres, records, outcomes), the phone page for an
 * on-site record, the lists of 先进 and 典型案例, the figures and the Word report.
 */
@Controller
class FrontlineController {

    private final FrontlineService service;
    private final FrontlineStore store;
    private final FrontlineFigures figures;
    private final FrontlineReport report;
    private final CadreAccess access;
    private final OrgTree tree;
    private final AuditTrail audit;

    FrontlineController(FrontlineService service, FrontlineStore store, FrontlineFigures figures,
                        FrontlineReport report, CadreAccess access, OrgTree tree, AuditTrail audit) {
        this.service = service;
        this.store = store;
        this.figures = figures;
        this.report = report;
        this.access = access;
        this.tree = tree;
        this.audit = audit;
    }

    @GetMapping("/cadres/frontline")
    String index(CurrentUser user, Model model) {
        access.requireRead(user);
        model.addAttribute("campaigns", store.campaigns(user.scope(), 200));
        model.addAttribute("kinds", store.kinds());
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("nodes", CadreAccess.canWrite(user) ? nodes(user) : List.of());
        model.addAttribute("today", service.today());
        return "cadres/frontline/index";
    }

    /** The offices a campaign may belong to: the caller's node and the counties / units right below it. */
    private List<cn.zugong.org.OrgNode> nodes(CurrentUser user) {
        List<cn.zugong.org.OrgNode> out = new ArrayList<>();
        out.add(tree.get(user.scope().nodeId(), user.scope()));
        out.addAll(tree.children(user.scope().nodeId(), user.scope()));
        return out;
    }

    @PostMapping("/cadres/frontline")
    String create(CampaignForm form, CurrentUser user, RedirectAttributes flash) {
        try {
            long id = service.create(user, form);
            flash.addFlashAttribute("message", "已发起考察「" + form.name() + "」");
            return "redirect:/cadres/frontline/" + id;
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/cadres/frontline";
        }
    }

    @GetMapping("/cadres/frontline/{id}")
    String campaign(@PathVariable long id, @RequestParam(required = false) Long unit, CurrentUser user, Model model) {
        Detail d = service.detail(user, id);
        audit.record(AuditEvent.read("frontline_campaign", id, "查看一线考察「" + d.campaign().name() + "」"));
        model.addAttribute("d", d);
        model.addAttribute("c", d.campaign());
        model.addAttribute("canWrite", CadreAccess.canWrite(user) && user.scope().contains(d.campaign().nodePath()));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("units", CadreAccess.canWrite(user) ? tree.units(user.scope()) : List.of());
        model.addAttribute("unit", unit);
        model.addAttribute("unitPeople", unit == null ? List.of() : service.unitPeople(user, unit));
        return "cadres/frontline/campaign";
    }

    @PostMapping("/cadres/frontline/{id}/teams")
    String addTeam(@PathVariable long id, @RequestParam(required = false) String name,
                   @RequestParam(required = false) Long unitId,
                   @RequestParam(name = "personIds", required = false) List<Long> personIds, CurrentUser user,
                   RedirectAttributes flash) {
        return done(flash, id, () -> service.addTeam(user, id, new TeamForm(name, unitId, personIds)),
                "已组建考核组「" + name + "」");
    }

    @PostMapping("/cadres/frontline/{id}/cadres")
    String addCadres(@PathVariable long id, @RequestParam(required = false) Long teamId,
                     @RequestParam(required = false) Long unitId,
                     @RequestParam(name = "personIds", required = false) List<Long> personIds, CurrentUser user,
                     RedirectAttributes flash) {
        return done(flash, id, () -> service.addCadres(user, id, new CadresForm(teamId, unitId, personIds)),
                "已添加考察对象");
    }

    @PostMapping("/cadres/frontline/{id}/outcomes")
    String outcome(@PathVariable long id, @RequestParam(required = false) Long personId,
                   @RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
                   @RequestParam(name = "evidence", required = false) List<Long> evidence, CurrentUser user,
                   RedirectAttributes flash) {
        return done(flash, id, () -> service.outcome(user, id, new OutcomeForm(personId, outcome, note, evidence)),
                "已认定考察结果");
    }

    @PostMapping("/cadres/frontline/{id}/close")
    String close(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        return done(flash, id, () -> service.close(user, id), "考察已结束，现场记录停止录入");
    }

    /** The phone page: one on-site record of a cadre of the campaign. */
    @GetMapping("/cadres/frontline/{id}/record")
    String recordPage(@PathVariable long id, @RequestParam(required = false) Long cadreId, CurrentUser user,
                      Model model) {
        Campaign c = service.campaignToWrite(user, id);
        return recordForm(c, new RecordForm(cadreId, "SEE", service.today().toString(), null, null, null, null,
                Map.of()), null, model);
    }

    private String recordForm(Campaign c, RecordForm form, String error, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("cadres", store.cadres(c.id()));
        model.addAttribute("methods", Method.values());
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("recent", store.records(c.id()).stream().limit(5).toList());
        return "cadres/frontline/record";
    }

    @PostMapping("/cadres/frontline/{id}/records")
    String record(@PathVariable long id, @RequestParam Map<String, String> params,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos, CurrentUser user,
                  Model model, RedirectAttributes flash, jakarta.servlet.http.HttpServletResponse response) {
        Campaign c = service.campaignToWrite(user, id);
        Map<String, String> ratings = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("rating.")) {
                ratings.put(k.substring("rating.".length()), v);
            }
        });
        Long cadreId;
        try {
            cadreId = params.get("cadreId") == null || params.get("cadreId").isBlank() ? null
                    : Long.valueOf(params.get("cadreId"));
        } catch (NumberFormatException e) {
            cadreId = null;
        }
        RecordForm form = new RecordForm(cadreId, params.get("method"), params.get("recordedOn"), params.get("place"),
                params.get("seen"), params.get("talkedTo"), params.get("summary"), ratings);
        try {
            service.record(user, id, form, uploads(photos));
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e.status()); // the form again, with what was typed and the reason
            return recordForm(c, form, e.getMessage(), model);
        }
        flash.addFlashAttribute("message", "已保存现场记录");
        return "redirect:/cadres/frontline/" + id + "/record";
    }

    @GetMapping("/cadres/frontline/records/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, CurrentUser user) {
        service.record(user, id);
        Photo p = store.photo(id, photoId).orElseThrow(() -> new NotFoundException("照片不存在：" + photoId));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.inline().filename(p.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.setETag("\"" + p.sha256() + "\"");
        return ResponseEntity.ok().headers(headers).contentType(MediaType.parseMediaType(p.contentType()))
                .body(p.content());
    }

    @GetMapping("/cadres/frontline/{id}/report.docx")
    ResponseEntity<byte[]> report(@PathVariable long id, CurrentUser user) {
        Detail d = service.detail(user, id);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "frontline_campaign", id,
                "导出一线考察报告「" + d.campaign().name() + "」"));
        return Downloads.attachment(report.write(d), d.campaign().name() + "-考察报告.docx", Downloads.DOCX);
    }

    /**
     * The 先进 and 典型案例 lists, one list at a time and paged (a city's five years hold thousands of names; the
     * campaign's Word report and the API give whole lists).
     */
    @GetMapping("/cadres/frontline/lists")
    String lists(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String list, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) Integer size, CurrentUser user, Model model) {
        LocalDate[] p = period(from, to);
        access.requireRead(user);
        String shown = "cases".equals(list) ? "cases" : "advanced";
        String outcome = shown.equals("cases") ? "CASE" : "ADVANCED";
        Map<String, Long> counts = store.outcomeCounts(user.scope(), p[0], p[1]);
        PageResult<FrontlineStore.Listed> rows = store.outcomePage(user.scope(), p[0], p[1], outcome,
                PageResult.clampPage(page), size == null ? LIST_PAGE : PageResult.clampSize(size), counts.get(outcome));
        audit.record(AuditEvent.read("frontline_cadre", user.scope().nodeId(), "查看" + (shown.equals("cases")
                ? "担当破难典型案例" : "先进人物") + "名单 第" + rows.page() + "页 " + rows.items().size() + " 人"));
        model.addAttribute("from", p[0]);
        model.addAttribute("to", p[1]);
        model.addAttribute("list", shown);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", counts);
        model.addAttribute("pagerBase", "/cadres/frontline/lists?from=" + p[0] + "&to=" + p[1] + "&list=" + shown
                + (size == null ? "" : "&size=" + rows.size()) + "&");
        return "cadres/frontline/lists";
    }

    static final int LIST_PAGE = 50;

    @GetMapping("/cadres/frontline/figures")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   CurrentUser user, Model model) {
        access.requireRead(user);
        LocalDate[] p = period(from, to);
        FrontlineFigures.Figures f = figures.of(user.scope(), p[0], p[1]);
        model.addAttribute("f", f);
        List<FrontlineFigures.Line> county = new ArrayList<>(f.byCounty());
        county.add(f.total());
        List<FrontlineFigures.Line> year = new ArrayList<>(f.byYear());
        year.add(f.total());
        model.addAttribute("countyRows", county);
        model.addAttribute("yearRows", year);
        return "cadres/frontline/figures";
    }

    /** The figures as Excel: the same lines as the page (by county and by year, each with the total). */
    @GetMapping("/cadres/frontline/figures.xlsx")
    ResponseEntity<byte[]> figuresExcel(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to, CurrentUser user) {
        access.requireRead(user);
        LocalDate[] p = period(from, to);
        FrontlineFigures.Figures f = figures.of(user.scope(), p[0], p[1]);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "frontline_figures", user.scope().nodeId(),
                "导出一线考察统计 " + f.from() + " 至 " + f.to()));
        List<String> h = List.of("名称", "考察（次）", "考核组（个）", "考察干部（名）", "现场看", "一线访", "综合评", "先进",
                "典型案例", "一般", "问题", "待定");
        FiguresWorkbook book = new FiguresWorkbook().sheet("一线考察统计")
                .text(user.scopeName() + " 一线考察统计 " + f.from() + " 至 " + f.to()).text("");
        for (var part : List.of(Map.entry("按县（市、区）", f.byCounty()), Map.entry("按年度", f.byYear()))) {
            List<FrontlineFigures.Line> lines = new ArrayList<>(part.getValue());
            lines.add(f.total());
            book.table(part.getKey(), h, lines.stream().map(l -> List.<Object>of(l.name(), l.campaigns(), l.teams(),
                    l.cadres(), l.see(), l.visit(), l.assess(), l.advanced(), l.cases(), l.ordinary(), l.problem(),
                    l.pending())).toList());
        }
        return Downloads.attachment(book.bytes(), "一线考察统计-" + f.from() + "-" + f.to() + ".xlsx", Downloads.XLSX);
    }

    /** The period of the figures and lists: by default the five calendar years up to this one. */
    LocalDate[] period(String from, String to) {
        LocalDate today = service.today();
        LocalDate start = FrontlineService.date(from, "起始日期", false);
        LocalDate end = FrontlineService.date(to, "截止日期", false);
        start = start == null ? LocalDate.of(today.getYear() - 4, 1, 1) : start;
        end = end == null ? LocalDate.of(today.getYear(), 12, 31) : end;
        if (end.isBefore(start)) {
            throw new BadRequestException("「截止日期」不能早于「起始日期」");
        }
        if (start.plusYears(10).isBefore(end)) {
            throw new BadRequestException("统计时段不超过十年");
        }
        return new LocalDate[] {start, end};
    }

    static List<Upload> uploads(List<MultipartFile> photos) {
        List<Upload> out = new ArrayList<>();
        for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
            if (!f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())) {
                out.add(new Upload(f.getOriginalFilename(), f.getSize(), f::getBytes)); // read after the checks
            }
        }
        return out;
    }

    private static String done(RedirectAttributes flash, long id, Runnable action, String message) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cadres/frontline/" + id;
    }
}

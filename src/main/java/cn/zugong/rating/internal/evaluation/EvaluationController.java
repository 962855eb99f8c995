package cn.zugong.rating.internal.evaluation;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.EvaluationSchemes;
import cn.zugong.rating.PublicEvaluations;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Campaign;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Subject;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Village;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import cn.zugong.shared.ZugongException;
import cn.zugong.shared.web.SheetUploads;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

/** The office's pages of 双述双评双比 (ADR 066): campaigns, villages, results, adjustments, reserve. */
@Controller
class EvaluationController {

    static final String BASE = "/ratings/evaluation";
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final EvaluationService service;
    private final EvaluationSchemes schemes;
    private final EvaluationSheets sheets;
    private final AuditTrail audit;
    private final Clock clock;

    EvaluationController(EvaluationService service, EvaluationSchemes schemes, EvaluationSheets sheets,
                         AuditTrail audit, Clock clock) {
        this.service = service;
        this.schemes = schemes;
        this.sheets = sheets;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(CurrentUser user, Model model) {
        model.addAttribute("campaigns", service.campaigns(user));
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("canCreate", user.role() == Role.ADMIN);
        model.addAttribute("year", LocalDate.now(clock).getYear());
        return "rating/evaluation/list";
    }

    @PostMapping(BASE)
    String create(@RequestParam(required = false) String scheme, @RequestParam(defaultValue = "0") int year,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String opensAt,
                  @RequestParam(required = false) String closesAt, CurrentUser user, RedirectAttributes flash) {
        return act(flash, BASE, () -> {
            long id = service.create(user, scheme, year, name, instant(opensAt), instant(closesAt));
            flash.addFlashAttribute("message", "已新建评议活动（草稿）");
            return "redirect:" + BASE + "/" + id;
        });
    }

    @GetMapping(BASE + "/{id}")
    String show(@PathVariable long id, CurrentUser user, Model model) {
        Campaign c = service.campaign(id, user);
        Map<Long, EvaluationStore.Turnout> turnout = new HashMap<>();
        service.turnout(c, user).forEach(t -> turnout.put(t.orgNodeId(), t));
        Map<Long, Integer> subjects = new HashMap<>();
        service.results(c, user).forEach(v -> subjects.put(v.village().orgNodeId(), v.subjects().size()));
        model.addAttribute("c", c);
        model.addAttribute("scheme", service.scheme(c));
        model.addAttribute("villages", service.villages(c, user));
        model.addAttribute("turnout", turnout);
        model.addAttribute("subjects", subjects);
        model.addAttribute("manager", user.role() == Role.ADMIN && user.scope().contains(c.nodePath()));
        model.addAttribute("admin", user.role() == Role.ADMIN);
        return "rating/evaluation/campaign";
    }

    @PostMapping(BASE + "/{id}/open")
    String open(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        return transition(id, "open", "评议已开始，评议人可凭评议码投票", user, flash);
    }

    @PostMapping(BASE + "/{id}/close")
    String close(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        return transition(id, "close", "评议已结束，结果为“差”的对象已列入调整名单", user, flash);
    }

    @PostMapping(BASE + "/{id}/publish")
    String publish(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        return transition(id, "publish", "评议结果已公布", user, flash);
    }

    private String transition(long id, String action, String done, CurrentUser user, RedirectAttributes flash) {
        service.campaign(id, user);
        return act(flash, BASE + "/" + id, () -> {
            service.transition(user, id, action);
            flash.addFlashAttribute("message", done);
            return "redirect:" + BASE + "/" + id;
        });
    }

    @GetMapping(BASE + "/{id}/village")
    String village(@PathVariable long id, @RequestParam long org, CurrentUser user, Model model) {
        Campaign c = service.campaign(id, user);
        Village v = service.village(c, org, user);
        EvaluationScheme scheme = service.scheme(c);
        model.addAttribute("c", c);
        model.addAttribute("v", v);
        model.addAttribute("scheme", scheme);
        model.addAttribute("subjects", service.results(c, new cn.zugong.shared.OrgScope(v.orgNodeId(), v.path()))
                .stream().flatMap(r -> r.subjects().stream()).toList());
        model.addAttribute("raters", service.raters(c, org));
        model.addAttribute("groups", EvaluationService.GROUPS);
        model.addAttribute("admin", user.role() == Role.ADMIN && !"PUBLISHED".equals(c.status()));
        model.addAttribute("township", user.role() == Role.ADMIN && !"PUBLISHED".equals(c.status())
                && service.isTownship(user));
        return "rating/evaluation/village";
    }

    @PostMapping(BASE + "/{id}/subjects")
    String addSubject(@PathVariable long id, @RequestParam long org, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String name, @RequestParam(required = false) String post,
                      @RequestParam(required = false) String gender, @RequestParam(required = false) LocalDate birthDate,
                      @RequestParam(required = false) String education,
                      @RequestParam(required = false) String reportText, CurrentUser user, RedirectAttributes flash) {
        Campaign c = service.campaign(id, user);
        String back = BASE + "/" + id + "/village?org=" + org;
        return act(flash, back, () -> {
            service.addSubject(user, c, org, new PublicEvaluations.NewSubject(org, kind, name, post, gender, birthDate,
                    education, null, reportText));
            flash.addFlashAttribute("message", "已添加评议对象：" + name);
            return "redirect:" + back;
        });
    }

    @PostMapping(BASE + "/subjects/{id}/report")
    String report(@PathVariable long id, @RequestParam(required = false) String reportText, CurrentUser user,
                  RedirectAttributes flash) {
        Subject s = service.subject(id, user);
        String back = BASE + "/" + s.campaignId() + "/village?org=" + s.orgNodeId();
        return act(flash, back, () -> {
            service.updateReport(user, id, reportText);
            flash.addFlashAttribute("message", "已保存 " + s.name() + " 的述职");
            return "redirect:" + back;
        });
    }

    @PostMapping(BASE + "/subjects/{id}/delete")
    String deleteSubject(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        Subject s = service.subject(id, user);
        String back = BASE + "/" + s.campaignId() + "/village?org=" + s.orgNodeId();
        return act(flash, back, () -> {
            service.deleteSubject(user, id);
            flash.addFlashAttribute("message", "已删除评议对象：" + s.name());
            return "redirect:" + back;
        });
    }

    @GetMapping(BASE + "/{id}/import")
    String importPage(@PathVariable long id, @RequestParam(defaultValue = "subjects") String what, CurrentUser user,
                      Model model) {
        Campaign c = service.campaign(id, user);
        service.requireAdmin(user, "导入");
        model.addAttribute("c", c);
        model.addAttribute("what", "raters".equals(what) ? "raters" : "subjects");
        return "rating/evaluation/import";
    }

    @PostMapping(BASE + "/{id}/import")
    String importFile(@PathVariable long id, @RequestParam(defaultValue = "subjects") String what,
                      @RequestParam(required = false) MultipartFile file, CurrentUser user, Model model,
                      HttpServletResponse response) {
        Campaign c = service.campaign(id, user);
        service.requireAdmin(user, "导入");
        boolean raters = "raters".equals(what);
        model.addAttribute("c", c);
        model.addAttribute("what", raters ? "raters" : "subjects");
        SheetUploads.handle(file, model, response, (in, fileName) -> raters
                ? sheets.importRaters(in, fileName, c, user) : sheets.importSubjects(in, fileName, c, user),
                EvaluationSheets.ImportResult::ok);
        return "rating/evaluation/import";
    }

    @PostMapping(BASE + "/{id}/raters/party-members")
    String partyMembers(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        Campaign c = service.campaign(id, user);
        return act(flash, BASE + "/" + id, () -> {
            int n = service.addPartyMembers(user, c);
            flash.addFlashAttribute("message", "已从党员名册加入评议人 " + n + " 名");
            return "redirect:" + BASE + "/" + id;
        });
    }

    @PostMapping(BASE + "/{id}/raters")
    String addRater(@PathVariable long id, @RequestParam long org, @RequestParam(required = false) String raterNo,
                    @RequestParam(required = false) String name, CurrentUser user, RedirectAttributes flash) {
        Campaign c = service.campaign(id, user);
        String back = BASE + "/" + id + "/village?org=" + org;
        return act(flash, back, () -> {
            service.addRepresentatives(user, c, List.of(new PublicEvaluations.NewRater(org, "VILLAGER_REP",
                    raterNo == null ? null : raterNo.strip(), name, null)), "录入");
            flash.addFlashAttribute("message", "已添加村民代表：" + name);
            return "redirect:" + back;
        });
    }

    /** The slips of one-time codes: issued now, shown only in this download (the database keeps only their HMAC). */
    @PostMapping(BASE + "/{id}/codes")
    ResponseEntity<byte[]> codes(@PathVariable long id, @RequestParam(required = false) Long org, CurrentUser user) {
        Campaign c = service.campaign(id, user);
        List<Object[]> slips = service.issueSlips(user, c, org);
        return xlsx(sheets.slips(c, slips), c.name() + "-评议码.xlsx");
    }

    @PostMapping(BASE + "/{id}/township")
    String township(@PathVariable long id, @RequestParam long org, @RequestParam Map<String, String> form,
                    CurrentUser user, RedirectAttributes flash) {
        Campaign c = service.campaign(id, user);
        String back = BASE + "/" + id + "/village?org=" + org;
        Map<Long, String> grades = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("g_")) {
                try {
                    grades.put(Long.parseLong(k.substring(2)), v);
                } catch (NumberFormatException ignored) {
                    // not a subject field
                }
            }
        });
        return act(flash, back, () -> {
            service.gradeByTownship(user, c, grades);
            flash.addFlashAttribute("message", "已保存乡镇评价");
            return "redirect:" + back;
        });
    }

    @GetMapping(BASE + "/{id}/results")
    String results(@PathVariable long id, CurrentUser user, Model model) {
        Campaign c = service.campaign(id, user);
        model.addAttribute("c", c);
        model.addAttribute("scheme", service.scheme(c));
        model.addAttribute("results", service.results(c, user));
        model.addAttribute("groups", EvaluationService.GROUPS);
        return "rating/evaluation/results";
    }

    @GetMapping(BASE + "/{id}/results.xlsx")
    ResponseEntity<byte[]> resultsXlsx(@PathVariable long id, CurrentUser user) {
        Campaign c = service.campaign(id, user);
        byte[] file = sheets.results(c, service.scheme(c), service.results(c, user));
        audit.record(AuditEvent.of(AuditAction.EXPORT, "PE_CAMPAIGN", id, "导出评议结果"));
        return xlsx(file, c.name() + "-评议结果.xlsx");
    }

    @GetMapping(BASE + "/{id}/adjustments")
    String adjustments(@PathVariable long id, CurrentUser user, Model model) {
        Campaign c = service.campaign(id, user);
        Map<Long, EvaluationService.SubjectResult> bySubject = new HashMap<>();
        Map<Long, Village> villageOf = new HashMap<>();
        service.results(c, user).forEach(v -> v.subjects().forEach(s -> {
            bySubject.put(s.subject().id(), s);
            villageOf.put(s.subject().id(), v.village());
        }));
        model.addAttribute("c", c);
        model.addAttribute("scheme", service.scheme(c));
        model.addAttribute("adjustments", service.adjustments(c, user));
        model.addAttribute("subjects", bySubject);
        model.addAttribute("villages", villageOf);
        model.addAttribute("decisions", EvaluationService.DECISIONS);
        model.addAttribute("manager", user.role() == Role.ADMIN && user.scope().contains(c.nodePath()));
        model.addAttribute("decider", user.role() == Role.ADMIN && service.isCountyOrCity(user));
        return "rating/evaluation/adjustments";
    }

    @PostMapping(BASE + "/{id}/adjustments/refresh")
    String relist(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        Campaign c = service.campaign(id, user);
        String back = BASE + "/" + id + "/adjustments";
        return act(flash, back, () -> {
            service.relist(user, c);
            flash.addFlashAttribute("message", "已按当前结果更新调整名单");
            return "redirect:" + back;
        });
    }

    @PostMapping(BASE + "/subjects/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String note, CurrentUser user, RedirectAttributes flash) {
        Subject s = service.subject(id, user);
        String back = BASE + "/" + s.campaignId() + "/adjustments";
        return act(flash, back, () -> {
            service.decide(user, id, decision, note);
            flash.addFlashAttribute("message", "已记录对 " + s.name() + " 的处理决定");
            return "redirect:" + back;
        });
    }

    @GetMapping(BASE + "/reserve")
    String reserve(CurrentUser user, Model model) {
        service.office(user);
        var list = service.list(user.scope());
        audit.record(AuditEvent.read("PE_RESERVE", user.scope().nodeId(), "查看后备人选 " + list.size() + " 人"));
        model.addAttribute("reserve", list);
        model.addAttribute("today", LocalDate.now(clock));
        boolean canNominate = user.role() == Role.ADMIN && service.canNominate(user);
        model.addAttribute("canNominate", canNominate);
        model.addAttribute("villages", canNominate ? service.villagesOf(user) : List.of());
        return "rating/evaluation/reserve";
    }

    @GetMapping(BASE + "/reserve.xlsx")
    ResponseEntity<byte[]> reserveXlsx(CurrentUser user) {
        service.office(user);
        var list = service.list(user.scope());
        audit.record(AuditEvent.of(AuditAction.EXPORT, "PE_RESERVE", user.scope().nodeId(),
                "导出后备人选 " + list.size() + " 人"));
        return xlsx(sheets.reserve(list, LocalDate.now(clock)), "优秀年轻后备人选.xlsx");
    }

    @PostMapping(BASE + "/reserve")
    String nominate(@RequestParam(required = false) Long org, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String gender, @RequestParam(required = false) LocalDate birthDate,
                    @RequestParam(required = false) String education,
                    @RequestParam(required = false) String recommendedBy, @RequestParam(required = false) String note,
                    @RequestParam(required = false) Long campaignId, CurrentUser user, RedirectAttributes flash) {
        String back = BASE + "/reserve";
        return act(flash, back, () -> {
            if (org == null) {
                throw new cn.zugong.shared.BadRequestException("请选择村（社区）党组织");
            }
            service.nominate(user, new PublicEvaluations.NewReserve(campaignId, org, name, gender, birthDate,
                    education, recommendedBy, note));
            flash.addFlashAttribute("message", "已将 " + name + " 列入后备人选");
            return "redirect:" + back;
        });
    }

    /** Runs a page action; a refusal for the data (400, 409) goes back with its reason, others (403, 404) stay. */
    static String act(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (ZugongException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + back;
        }
    }

    static ResponseEntity<byte[]> xlsx(byte[] file, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file);
    }

    private java.time.Instant instant(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(clock.getZone()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new cn.zugong.shared.BadRequestException("时间格式应为 yyyy-MM-ddTHH:mm：" + local);
        }
    }

    static String local(java.time.Instant at, ZoneId zone) {
        return at == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(zone));
    }
}

package cn.zugong.prosperity.internal.joint;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.prosperity.JointCommittees;
import cn.zugong.prosperity.JointFigures;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import cn.zugong.shared.web.Downloads;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 党建联建 pages (/prosperity/joint/**, ADR 073): the committees in scope, one committee with its members, paired
 * units, chair terms, projects and results, the forms that add them (ADMIN; a refused role answers 403, a committee
 * outside the scope 404, a bad field returns to the page with its Chinese message), and the figures with Excel.
 */
@Controller
class JointController {

    private final JointCommittees committees;
    private final JointReads reads;
    private final JointFigures figures;
    private final AuditTrail audit;
    private final JointStore store;

    JointController(JointCommittees committees, JointReads reads, JointFigures figures, AuditTrail audit,
                    JointStore store) {
        this.store = store;
        this.committees = committees;
        this.reads = reads;
        this.figures = figures;
        this.audit = audit;
    }

    @GetMapping("/prosperity/joint")
    String list(CurrentUser user, Model model) {
        model.addAttribute("committees", reads.list(user));
        model.addAttribute("canWrite", user.role() == Role.ADMIN);
        model.addAttribute("kinds", JointCommittees.Kind.values());
        return "prosperity/joint/list";
    }

    @PostMapping("/prosperity/joint")
    String create(@RequestParam(required = false) String nodeCode, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String kind,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundedOn,
                  @RequestParam(required = false) String theme, CurrentUser user, RedirectAttributes flash) {
        JointService.requireWriter(user);
        return attempt(flash, "/prosperity/joint", () -> {
            long id = committees.create(new JointCommittees.NewCommittee(nodeCode, name, kind(kind), foundedOn, theme),
                    user);
            flash.addFlashAttribute("message", "已成立：" + name);
            return "/prosperity/joint/" + id;
        });
    }

    @GetMapping("/prosperity/joint/{committeeId}")
    String detail(@PathVariable long committeeId, CurrentUser user, Model model) {
        model.addAttribute("c", reads.detail(committeeId, user));
        model.addAttribute("canWrite", user.role() == Role.ADMIN);
        return "prosperity/joint/detail";
    }

    @PostMapping("/prosperity/joint/{committeeId}/members")
    String addMember(@PathVariable long committeeId, @RequestParam(required = false) String orgCode,
                     @RequestParam(required = false) Boolean lead, @RequestParam(required = false) Integer rotationOrder,
                     CurrentUser user, RedirectAttributes flash) {
        JointService.requireWriter(user);
        return attempt(flash, "/prosperity/joint/" + committeeId, () -> {
            committees.addMember(committeeId, new JointCommittees.NewMember(orgCode, Boolean.TRUE.equals(lead),
                    rotationOrder), user);
            flash.addFlashAttribute("message", "已增加成员单位");
            return "/prosperity/joint/" + committeeId;
        });
    }

    @PostMapping("/prosperity/joint/{committeeId}/pairs")
    String addPair(@PathVariable long committeeId, @RequestParam(required = false) String orgCode,
                   @RequestParam(required = false) String outsideName, @RequestParam(required = false) String pairKind,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pairedOn,
                   CurrentUser user, RedirectAttributes flash) {
        JointService.requireWriter(user);
        return attempt(flash, "/prosperity/joint/" + committeeId, () -> {
            committees.addPair(committeeId, new JointCommittees.NewPair(orgCode, outsideName, pairKind, pairedOn), user);
            flash.addFlashAttribute("message", "已增加结对单位");
            return "/prosperity/joint/" + committeeId;
        });
    }

    @PostMapping("/prosperity/joint/{committeeId}/terms")
    String addTerm(@PathVariable long committeeId, @RequestParam(required = false) String orgCode,
                   @RequestParam(required = false) String chairName,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                   CurrentUser user, RedirectAttributes flash) {
        JointService.requireWriter(user);
        return attempt(flash, "/prosperity/joint/" + committeeId, () -> {
            committees.addTerm(committeeId, new JointCommittees.NewTerm(orgCode, chairName, startsOn, endsOn), user);
            flash.addFlashAttribute("message", "已登记轮值任期");
            return "/prosperity/joint/" + committeeId;
        });
    }

    @PostMapping("/prosperity/joint/{committeeId}/projects")
    String addProject(@PathVariable long committeeId, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String leadOrgCode,
                      @RequestParam(required = false) String partnerOrgCodes,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                      @RequestParam(required = false) BigDecimal budgetYuan,
                      @RequestParam(required = false) String projectStatus, CurrentUser user,
                      RedirectAttributes flash) {
        JointService.requireWriter(user);
        List<String> partners = partnerOrgCodes == null ? List.of()
                : Arrays.stream(partnerOrgCodes.split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList();
        return attempt(flash, "/prosperity/joint/" + committeeId, () -> {
            committees.addProject(committeeId, new JointCommittees.NewProject(name, leadOrgCode, partners, startsOn,
                    endsOn, budgetYuan, projectStatus), user);
            flash.addFlashAttribute("message", "已增加共建项目：" + name);
            return "/prosperity/joint/" + committeeId;
        });
    }

    @PostMapping("/prosperity/joint/projects/{projectId}/results")
    String addResult(@PathVariable long projectId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     @RequestParam(required = false) String summary, @RequestParam(required = false) BigDecimal fundsYuan,
                     @RequestParam(required = false) Integer peopleServed,
                     @RequestParam(required = false) BigDecimal incomeYuan, CurrentUser user, RedirectAttributes flash) {
        JointService.requireWriter(user);
        long committeeId = store.project(projectId).map(JointStore.Project::committeeId).orElse(0L);
        return attempt(flash, "/prosperity/joint/" + committeeId, () -> {
            committees.addResult(projectId, new JointCommittees.NewResult(date, summary, fundsYuan, peopleServed,
                    incomeYuan), user);
            flash.addFlashAttribute("message", "已登记项目成效");
            return "/prosperity/joint/" + committeeId;
        });
    }

    @GetMapping("/prosperity/joint/figures")
    String figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   CurrentUser user, Model model) {
        JointService.requireOffice(user);
        model.addAttribute("f", figures.of(user.scope(), from(from), to(to)));
        model.addAttribute("scopeName", user.scopeName());
        return "prosperity/joint/figures";
    }

    @GetMapping("/prosperity/joint/figures.xlsx")
    ResponseEntity<byte[]> figuresExcel(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user) throws IOException {
        JointService.requireOffice(user);
        JointFigures.Figures f = figures.of(user.scope(), from(from), to(to));
        String title = user.scopeName() + " 党建联建统计（" + f.from() + " 至 " + f.to() + "）";
        byte[] file = JointExcel.figures(title, f);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "joint_figures", user.scope().nodeId(), "导出" + title));
        return Downloads.attachment(file, "党建联建统计-" + f.from() + "-" + f.to() + ".xlsx", Downloads.XLSX);
    }

    /** The period's start: 1 January of the platform clock's year unless given. */
    LocalDate from(LocalDate from) {
        return from != null ? from : reads.today().withDayOfYear(1);
    }

    LocalDate to(LocalDate to) {
        return to != null ? to : reads.today().withMonth(12).withDayOfMonth(31);
    }

    static JointCommittees.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return JointCommittees.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("类型：应为联合党委、功能型联合党委或党建联盟");
        }
    }

    /** Runs a write; a bad field goes back to {@code back} with its message (403 and 404 are not caught). */
    private static String attempt(RedirectAttributes flash, String back, Supplier<String> write) {
        try {
            return "redirect:" + write.get();
        } catch (BadRequestException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + back;
        }
    }
}

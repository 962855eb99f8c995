package cn.zugong.talent.internal.support;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import cn.zugong.shared.web.Downloads;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.support.SupportForms.ContactForm;
import cn.zugong.talent.internal.support.SupportForms.CoverageFilter;
import cn.zugong.talent.internal.support.SupportForms.KeyTalentForm;
import cn.zugong.talent.internal.support.SupportForms.LeaderForm;
import cn.zugong.talent.internal.support.SupportForms.MemberForm;
import cn.zugong.talent.internal.support.SupportForms.OfficeRequestForm;
import cn.zugong.talent.internal.support.SupportForms.PlatformForm;
import cn.zugong.talent.internal.support.SupportForms.ProjectForm;
import cn.zugong.talent.internal.support.SupportForms.ServeForm;
import cn.zugong.talent.internal.support.SupportForms.TeamForm;
import cn.zugong.talent.internal.support.SupportRecords.ContactMode;
import cn.zugong.talent.internal.support.SupportRecords.Duty;
import cn.zugong.talent.internal.support.SupportRecords.Platform;
import cn.zugong.talent.internal.support.SupportRecords.Project;
import cn.zugong.talent.internal.support.SupportRecords.TargetKind;
import cn.zugong.talent.internal.support.SupportRecords.Team;
import cn.zugong.talent.internal.support.SupportViews.Coverage;
import cn.zugong.talent.internal.support.SupportViews.RequestView;
import java.util.HashSet;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's pages of 人才诉求, 人才工作专班 and 党委联系服务专家: /talent/support (the 专班 and the figures),
 * a 专班 with members, served, contacts and requests, the requests, the key talents / platforms / projects with
 * their leaders and contact logs, and the coverage page with its Excel. Reads by scope, writes ADMIN only.
 */
@Controller
class SupportController {

    static final String BASE = "/talent/support";

    private final SupportService service;
    private final SupportExcel excel;
    private final TalentAccess access;

    SupportController(SupportService service, SupportExcel excel, TalentAccess access) {
        this.service = service;
        this.excel = excel;
        this.access = access;
    }

    @GetMapping(BASE)
    String home(CurrentUser user, Model model) {
        model.addAttribute("f", service.figures(user));
        model.addAttribute("mayWrite", user.role() == Role.ADMIN);
        return "talent/support/home";
    }

    @PostMapping(BASE + "/teams")
    String createTeam(TeamForm form, CurrentUser user, RedirectAttributes flash) {
        Team t = service.createTeam(form, user);
        flash.addFlashAttribute("message", "已组建专班「" + t.name() + "」。");
        return "redirect:" + BASE + "/teams/" + t.id();
    }

    @GetMapping(BASE + "/teams/{id}")
    String team(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("v", service.team(id, user));
        model.addAttribute("duties", Duty.values());
        model.addAttribute("modes", ContactMode.values());
        model.addAttribute("topics", Topic.values());
        model.addAttribute("mayWrite", user.role() == Role.ADMIN);
        return "talent/support/team";
    }

    @PostMapping(BASE + "/teams/{id}/members")
    String addMember(@PathVariable long id, MemberForm form, CurrentUser user, RedirectAttributes flash) {
        service.addMember(id, form, user);
        flash.addFlashAttribute("message", "已增加专班成员。");
        return "redirect:" + BASE + "/teams/" + id;
    }

    @PostMapping(BASE + "/teams/{id}/served")
    String serve(@PathVariable long id, ServeForm form, CurrentUser user, RedirectAttributes flash) {
        service.serve(id, form, user);
        flash.addFlashAttribute("message", "已增加联系服务对象。");
        return "redirect:" + BASE + "/teams/" + id;
    }

    @PostMapping(BASE + "/teams/{id}/contacts")
    String teamContact(@PathVariable long id, ContactForm form, CurrentUser user, RedirectAttributes flash) {
        service.logContact(new ContactForm(id, null, null, form.date(), form.mode(), form.whom(), form.byName(),
                form.content()), user);
        flash.addFlashAttribute("message", "已记录联系情况。");
        return "redirect:" + BASE + "/teams/" + id;
    }

    // ---- 人才诉求 ----

    @GetMapping(BASE + "/requests")
    String requests(@RequestParam(required = false) Long teamId, CurrentUser user, Model model) {
        model.addAttribute("requests", service.requests(teamId, user));
        model.addAttribute("teams", service.teams(user));
        model.addAttribute("teamId", teamId);
        model.addAttribute("topics", Topic.values());
        model.addAttribute("mayWrite", user.role() == Role.ADMIN);
        return "talent/support/requests";
    }

    @PostMapping(BASE + "/requests")
    String raise(OfficeRequestForm form, CurrentUser user, RedirectAttributes flash) {
        RequestView v = service.raiseForOthers(form, user);
        flash.addFlashAttribute("message", "已登记人才诉求并列入问题清单：" + v.request().ticketNo());
        return "redirect:" + BASE + "/requests/" + v.request().id();
    }

    @GetMapping(BASE + "/requests/{id}")
    String request(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("r", service.request(id, user));
        return "talent/support/request";
    }

    // ---- 党委联系服务专家: key talents, platforms, projects ----

    @GetMapping(BASE + "/platforms")
    String platforms(CurrentUser user, Model model) {
        var platforms = service.platforms(user);
        var projects = service.projects(user);
        Set<Long> employers = new HashSet<>();
        platforms.forEach(p -> employers.add(p.employerId()));
        projects.stream().filter(p -> p.employerId() != null).forEach(p -> employers.add(p.employerId()));
        model.addAttribute("platforms", platforms);
        model.addAttribute("projects", projects);
        model.addAttribute("hosts", service.employerNames(employers));
        model.addAttribute("mayWrite", user.role() == Role.ADMIN);
        return "talent/support/platforms";
    }

    @PostMapping(BASE + "/platforms")
    String addPlatform(PlatformForm form, CurrentUser user, RedirectAttributes flash) {
        Platform p = service.addPlatform(form, user);
        flash.addFlashAttribute("message", "已登记重点平台「" + p.name() + "」，请明确联系领导。");
        return "redirect:" + BASE + "/platforms/" + p.id();
    }

    @PostMapping(BASE + "/projects")
    String addProject(ProjectForm form, CurrentUser user, RedirectAttributes flash) {
        Project p = service.addProject(form, user);
        flash.addFlashAttribute("message", "已登记重点项目「" + p.name() + "」，请明确联系领导。");
        return "redirect:" + BASE + "/projects/" + p.id();
    }

    @PostMapping(BASE + "/key-talents")
    String designate(KeyTalentForm form, CurrentUser user, RedirectAttributes flash) {
        service.designateKeyTalent(form, user);
        flash.addFlashAttribute("message", "已列为重点人才，请明确联系领导。");
        return "redirect:" + BASE + "/talents/" + form.talentId();
    }

    @GetMapping(BASE + "/talents/{id}")
    String talent(@PathVariable long id, CurrentUser user, Model model) {
        return target(TargetKind.TALENT, id, user, model);
    }

    @GetMapping(BASE + "/platforms/{id}")
    String platform(@PathVariable long id, CurrentUser user, Model model) {
        return target(TargetKind.PLATFORM, id, user, model);
    }

    @GetMapping(BASE + "/projects/{id}")
    String project(@PathVariable long id, CurrentUser user, Model model) {
        return target(TargetKind.PROJECT, id, user, model);
    }

    private String target(TargetKind kind, long id, CurrentUser user, Model model) {
        SupportService.Target t = service.target(kind, id, user);
        model.addAttribute("t", t);
        model.addAttribute("kind", kind);
        model.addAttribute("leader", service.leader(kind, id));
        model.addAttribute("contacts", service.targetContacts(kind, id, user));
        model.addAttribute("modes", ContactMode.values());
        model.addAttribute("mayWrite", user.role() == Role.ADMIN);
        if (kind == TargetKind.TALENT) {
            TalentRecord talent = access.talent(id, user);
            model.addAttribute("talent", talent);
        }
        return "talent/support/target";
    }

    @PostMapping(BASE + "/leaders")
    String assignLeader(LeaderForm form, CurrentUser user, RedirectAttributes flash) {
        var l = service.assignLeader(form, user);
        flash.addFlashAttribute("message", "已明确联系领导：" + l.leaderName());
        return "redirect:" + targetPath(l.targetKind(), l.targetId());
    }

    @PostMapping(BASE + "/contacts")
    String contact(ContactForm form, CurrentUser user, RedirectAttributes flash) {
        var c = service.logContact(form, user);
        flash.addFlashAttribute("message", "已记录联系情况。");
        return "redirect:" + (c.teamId() != null ? BASE + "/teams/" + c.teamId() : targetPath(c.targetKind(), c.targetId()));
    }

    // ---- coverage and figures ----

    @GetMapping(BASE + "/coverage")
    String coverage(CoverageFilter filter, CurrentUser user, Model model) {
        model.addAttribute("c", service.coverage(filter, user));
        model.addAttribute("kinds", TargetKind.values());
        model.addAttribute("nodes", service.districts(user));
        return "talent/support/coverage";
    }

    @GetMapping(BASE + "/coverage.xlsx")
    ResponseEntity<byte[]> coverageExcel(CoverageFilter filter, CurrentUser user) {
        Coverage c = service.coverage(filter, user);
        return Downloads.attachment(excel.coverage(c, user.scopeName()), "联系服务覆盖-" + user.scopeName() + ".xlsx",
                Downloads.XLSX);
    }

    /** The figures page: problems per 专班 and by topic, contacts, coverage per kind. */
    @GetMapping(BASE + "/figures")
    String figures(CurrentUser user, Model model) {
        model.addAttribute("f", service.figures(user));
        model.addAttribute("kinds", TargetKind.values());
        return "talent/support/figures";
    }

    @GetMapping(BASE + "/figures.xlsx")
    ResponseEntity<byte[]> figuresExcel(CurrentUser user) {
        return Downloads.attachment(excel.figures(service.figures(user)), "人才工作专班统计-" + user.scopeName() + ".xlsx",
                Downloads.XLSX);
    }

    static String targetPath(TargetKind kind, long id) {
        return BASE + switch (kind) {
            case TALENT -> "/talents/";
            case PLATFORM -> "/platforms/";
            case PROJECT -> "/projects/";
        } + id;
    }
}

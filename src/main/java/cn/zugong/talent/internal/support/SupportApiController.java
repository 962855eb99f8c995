package cn.zugong.talent.internal.support;

import cn.zugong.shared.CurrentUser;
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
import cn.zugong.talent.internal.support.SupportRecords.Contact;
import cn.zugong.talent.internal.support.SupportRecords.Liaison;
import cn.zugong.talent.internal.support.SupportRecords.Platform;
import cn.zugong.talent.internal.support.SupportRecords.Project;
import cn.zugong.talent.internal.support.SupportRecords.Team;
import cn.zugong.talent.internal.support.SupportViews.Coverage;
import cn.zugong.talent.internal.support.SupportViews.Figures;
import cn.zugong.talent.internal.support.SupportViews.RequestView;
import cn.zugong.talent.internal.support.SupportViews.TeamLine;
import cn.zugong.talent.internal.support.SupportViews.TeamView;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** /api/talent/support: the same reads and writes as the pages, as JSON (reads by scope, writes ADMIN only). */
@RestController
@RequestMapping("/api/talent/support")
class SupportApiController {

    private final SupportService service;

    SupportApiController(SupportService service) {
        this.service = service;
    }

    @GetMapping("/teams")
    List<TeamLine> teams(CurrentUser user) {
        return service.teams(user);
    }

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    Team createTeam(@RequestBody TeamForm form, CurrentUser user) {
        return service.createTeam(form, user);
    }

    @GetMapping("/teams/{id}")
    TeamView team(@PathVariable long id, CurrentUser user) {
        return service.team(id, user);
    }

    @PostMapping("/teams/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    TeamView addMember(@PathVariable long id, @RequestBody MemberForm form, CurrentUser user) {
        service.addMember(id, form, user);
        return service.team(id, user);
    }

    @PostMapping("/teams/{id}/served")
    @ResponseStatus(HttpStatus.CREATED)
    TeamView serve(@PathVariable long id, @RequestBody ServeForm form, CurrentUser user) {
        service.serve(id, form, user);
        return service.team(id, user);
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Contact contact(@RequestBody ContactForm form, CurrentUser user) {
        return service.logContact(form, user);
    }

    @GetMapping("/requests")
    List<RequestView> requests(@RequestParam(required = false) Long teamId, CurrentUser user) {
        return service.requests(teamId, user);
    }

    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    RequestView raise(@RequestBody OfficeRequestForm form, CurrentUser user) {
        return service.raiseForOthers(form, user);
    }

    @GetMapping("/requests/{id}")
    RequestView request(@PathVariable long id, CurrentUser user) {
        return service.request(id, user);
    }

    @GetMapping("/platforms")
    List<Platform> platforms(CurrentUser user) {
        return service.platforms(user);
    }

    @PostMapping("/platforms")
    @ResponseStatus(HttpStatus.CREATED)
    Platform addPlatform(@RequestBody PlatformForm form, CurrentUser user) {
        return service.addPlatform(form, user);
    }

    @GetMapping("/projects")
    List<Project> projects(CurrentUser user) {
        return service.projects(user);
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Project addProject(@RequestBody ProjectForm form, CurrentUser user) {
        return service.addProject(form, user);
    }

    @PostMapping("/key-talents")
    @ResponseStatus(HttpStatus.CREATED)
    void designate(@RequestBody KeyTalentForm form, CurrentUser user) {
        service.designateKeyTalent(form, user);
    }

    @PostMapping("/leaders")
    Liaison assignLeader(@RequestBody LeaderForm form, CurrentUser user) {
        return service.assignLeader(form, user);
    }

    @GetMapping("/coverage")
    Coverage coverage(CoverageFilter filter, CurrentUser user) {
        return service.coverage(filter, user);
    }

    @GetMapping("/figures")
    Figures figures(CurrentUser user) {
        return service.figures(user);
    }
}

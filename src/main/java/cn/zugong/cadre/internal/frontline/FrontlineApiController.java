package cn.zugong.cadre.internal.frontline;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.FrontlineFigures;
import cn.zugong.cadre.FrontlineFigures.Figures;
import cn.zugong.cadre.FrontlineForms.CadresForm;
import cn.zugong.cadre.FrontlineForms.CampaignForm;
import cn.zugong.cadre.FrontlineForms.OutcomeForm;
import cn.zugong.cadre.FrontlineForms.RecordForm;
import cn.zugong.cadre.FrontlineForms.TeamForm;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.frontline.FrontlineStore.Listed;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Campaign;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Detail;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Kind;
import cn.zugong.people.PersonCard;
import cn.zugong.shared.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of 一线考察 (the pages' mirror; photos are added on the phone page). */
@RestController
class FrontlineApiController {

    record Created(long id) {
    }

    /** A person as the picker shows one: no ID number, no phone. */
    record Person(long id, String name, String gender, String rankLevel, String postLevel, String unitName) {
        static Person of(PersonCard p) {
            return new Person(p.id(), p.name(), p.gender(), p.rankLevel(), p.postLevel(), p.unitName());
        }
    }

    private final FrontlineService service;
    private final FrontlineStore store;
    private final FrontlineFigures figures;
    private final FrontlineController pages;
    private final CadreAccess access;
    private final AuditTrail audit;

    FrontlineApiController(FrontlineService service, FrontlineStore store, FrontlineFigures figures,
                           FrontlineController pages, CadreAccess access, AuditTrail audit) {
        this.service = service;
        this.store = store;
        this.figures = figures;
        this.pages = pages;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/cadres/frontline/kinds")
    List<Kind> kinds(CurrentUser user) {
        access.requireRead(user);
        return store.kinds();
    }

    @GetMapping("/api/cadres/frontline/campaigns")
    List<Campaign> campaigns(CurrentUser user) {
        access.requireRead(user);
        return store.campaigns(user.scope(), 500);
    }

    @PostMapping("/api/cadres/frontline/campaigns")
    Created create(@RequestBody CampaignForm form, CurrentUser user) {
        return new Created(service.create(user, form));
    }

    @GetMapping("/api/cadres/frontline/campaigns/{id}")
    Detail campaign(@PathVariable long id, CurrentUser user) {
        Detail d = service.detail(user, id);
        audit.record(AuditEvent.read("frontline_campaign", id, "接口查看一线考察「" + d.campaign().name() + "」"));
        return d;
    }

    @PostMapping("/api/cadres/frontline/campaigns/{id}/teams")
    Created addTeam(@PathVariable long id, @RequestBody TeamForm form, CurrentUser user) {
        return new Created(service.addTeam(user, id, form));
    }

    @PostMapping("/api/cadres/frontline/campaigns/{id}/cadres")
    Map<String, Integer> addCadres(@PathVariable long id, @RequestBody CadresForm form, CurrentUser user) {
        return Map.of("added", service.addCadres(user, id, form));
    }

    @PostMapping("/api/cadres/frontline/campaigns/{id}/records")
    Created record(@PathVariable long id, @RequestBody RecordForm form, CurrentUser user) {
        return new Created(service.record(user, id, form, List.of()));
    }

    @PostMapping("/api/cadres/frontline/campaigns/{id}/outcomes")
    Map<String, String> outcome(@PathVariable long id, @RequestBody OutcomeForm form, CurrentUser user) {
        service.outcome(user, id, form);
        return Map.of("outcome", form.outcome());
    }

    @PostMapping("/api/cadres/frontline/campaigns/{id}/close")
    Map<String, String> close(@PathVariable long id, CurrentUser user) {
        service.close(user, id);
        return Map.of("status", "CLOSED");
    }

    @GetMapping("/api/cadres/frontline/units/{unitId}/people")
    List<Person> unitPeople(@PathVariable long unitId, CurrentUser user) {
        List<Person> out = service.unitPeople(user, unitId).stream().map(Person::of).toList();
        audit.record(AuditEvent.read("org_node", unitId, "一线考察选取人员：单位人员 " + out.size() + " 人"));
        return out;
    }

    @GetMapping("/api/cadres/frontline/lists")
    List<Listed> lists(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       CurrentUser user) {
        access.requireRead(user);
        LocalDate[] p = pages.period(from, to);
        List<Listed> rows = store.outcomeList(user.scope(), p[0], p[1]);
        audit.record(AuditEvent.read("frontline_cadre", user.scope().nodeId(), "接口查看先进人物和典型案例名单 " + rows.size() + " 人"));
        return rows;
    }

    @GetMapping("/api/cadres/frontline/figures")
    Figures figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    CurrentUser user) {
        access.requireRead(user);
        LocalDate[] p = pages.period(from, to);
        return figures.of(user.scope(), p[0], p[1]);
    }
}

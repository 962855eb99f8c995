package cn.zugong.service.internal;

import cn.zugong.service.CadreType;
import cn.zugong.service.ChargeKind;
import cn.zugong.service.internal.CadreAdmin.CadreForm;
import cn.zugong.service.internal.CadreAdmin.ChargeForm;
import cn.zugong.service.internal.CadreAdmin.TargetForm;
import cn.zugong.service.internal.Records.Cadre;
import cn.zugong.service.internal.Records.Charge;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 走访服务 landing page, the cadres with their charges, and the enterprises and projects they serve. */
@Controller
class CadreController {

    private static final List<String> CADRE_NODES = List.of("COUNTY", "TOWNSHIP", "UNIT");
    private static final List<String> PLACES = List.of("COUNTY", "TOWNSHIP", "VILLAGE");

    private final ServiceRepository repository;
    private final VisitRepository visits;
    private final ServiceAccess access;
    private final CadreAdmin admin;
    private final Clock clock;

    CadreController(ServiceRepository repository, VisitRepository visits, ServiceAccess access, CadreAdmin admin,
                    Clock clock) {
        this.repository = repository;
        this.visits = visits;
        this.access = access;
        this.admin = admin;
        this.clock = clock;
    }

    @GetMapping("/service")
    String landing(CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("canLog", ServiceAccess.canLog(user));
        if (ServiceAccess.isCadre(user)) {
            var own = repository.cadreByUsername(user.username());
            model.addAttribute("cadre", own.orElse(null));
            own.ifPresent(c -> {
                model.addAttribute("charges", repository.charges(List.of(c.id())).stream()
                        .filter(ch -> ch.currentOn(today)).toList());
                model.addAttribute("recent", visits.page(new VisitRepository.Filter(c.nodeScope(), c.id(), null, null,
                        null, 1, 10)));
                model.addAttribute("counts", visits.byCadre(c.nodeScope(), c.id(), LocalDate.of(today.getYear(), 1, 1),
                        today).stream().findFirst().orElse(null));
            });
            return "service/index";
        }
        var nodes = visits.byNode(user.scope(), LocalDate.of(today.getYear(), 1, 1), today);
        model.addAttribute("cadreCount", nodes.stream().mapToLong(n -> n.cadres()).sum());
        model.addAttribute("projects", nodes.stream().mapToLong(n -> n.projects()).sum());
        model.addAttribute("enterprises", nodes.stream().mapToLong(n -> n.enterprises()).sum());
        model.addAttribute("farmers", nodes.stream().mapToLong(n -> n.farmers()).sum());
        return "service/index";
    }

    @GetMapping("/service/cadres")
    String cadres(CurrentUser user, Model model) {
        List<Cadre> cadres = ServiceAccess.isCadre(user) ? List.of(access.ownCadre(user))
                : repository.cadres(user.scope());
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<Charge>> current = repository.charges(cadres.stream().map(Cadre::id).toList()).stream()
                .filter(ch -> ch.currentOn(today)).collect(Collectors.groupingBy(Charge::cadreId));
        model.addAttribute("cadres", cadres);
        model.addAttribute("current", current);
        model.addAttribute("canEdit", ServiceAccess.canEdit(user));
        return "service/cadres";
    }

    @GetMapping("/service/cadres/new")
    String newCadre(CurrentUser user, Model model) {
        ServiceAccess.requireAdmin(user);
        return cadreForm(user, model, null, new CadreForm("", "", "", "", ""), Map.of());
    }

    @PostMapping("/service/cadres")
    String create(@ModelAttribute("form") CadreForm form, CurrentUser user, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        try {
            long id = admin.create(form, user);
            flash.addFlashAttribute("message", "已新增服务干部：" + form.name());
            return "redirect:/service/cadres/" + id;
        } catch (InvalidForm e) {
            response.setStatus(400);
            return cadreForm(user, model, null, form, e.errors());
        }
    }

    @GetMapping("/service/cadres/{id}")
    String cadre(@PathVariable long id, CurrentUser user, Model model) {
        Cadre cadre = access.visibleCadre(user, id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("cadre", cadre);
        model.addAttribute("charges", repository.charges(List.of(id)));
        model.addAttribute("today", today);
        model.addAttribute("recent", visits.page(new VisitRepository.Filter(cadre.nodeScope(), id, null, null, null, 1, 20)));
        model.addAttribute("counts", visits.byCadre(cadre.nodeScope(), id, LocalDate.of(today.getYear(), 1, 1), today)
                .stream().findFirst().orElse(null));
        boolean canEdit = ServiceAccess.canEdit(user);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("canLog", ServiceAccess.canLog(user));
        if (canEdit) {
            model.addAttribute("chargeKinds", ChargeKind.values());
            model.addAttribute("enterprises", repository.enterprises(user.scope()));
            model.addAttribute("projects", repository.projects(user.scope()));
            model.addAttribute("villages", repository.nodes(user.scope(), List.of("VILLAGE")));
        }
        return "service/cadre";
    }

    @GetMapping("/service/cadres/{id}/edit")
    String edit(@PathVariable long id, CurrentUser user, Model model) {
        Cadre c = access.editableCadre(user, id);
        return cadreForm(user, model, c, new CadreForm(c.name(), c.phone(), String.valueOf(c.nodeId()),
                c.type().name(), c.username()), Map.of());
    }

    @PostMapping("/service/cadres/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") CadreForm form, CurrentUser user, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        try {
            admin.update(id, form, user);
            flash.addFlashAttribute("message", "已保存。");
            return "redirect:/service/cadres/" + id;
        } catch (InvalidForm e) {
            response.setStatus(400);
            return cadreForm(user, model, access.visibleCadre(user, id), form, e.errors());
        }
    }

    @PostMapping("/service/cadres/{id}/charges")
    String addCharge(@PathVariable long id, ChargeForm form, CurrentUser user, RedirectAttributes flash) {
        try {
            admin.addCharge(id, form, user);
            flash.addFlashAttribute("message", "已添加联系对象。");
        } catch (InvalidForm e) {
            flash.addFlashAttribute("chargeErrors", e.errors());
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/service/cadres/" + id;
    }

    @PostMapping("/service/cadres/{id}/charges/{chargeId}")
    String updateCharge(@PathVariable long id, @PathVariable long chargeId, ChargePeriod period, CurrentUser user,
                        RedirectAttributes flash) {
        try {
            admin.updateCharge(id, chargeId, period.from(), period.to(), user);
            flash.addFlashAttribute("message", "已调整联系期限。");
        } catch (InvalidForm | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/service/cadres/" + id;
    }

    @GetMapping("/service/targets")
    String targets(CurrentUser user, Model model) {
        if (ServiceAccess.isCadre(user)) {
            return "redirect:/service/cadres";
        }
        return targetsPage(user, model, null, new TargetForm("", "", "", "", ""), Map.of());
    }

    @PostMapping("/service/enterprises")
    String createEnterprise(@ModelAttribute("form") TargetForm form, CurrentUser user, Model model,
                            HttpServletResponse response, RedirectAttributes flash) {
        try {
            admin.createEnterprise(form, user);
            flash.addFlashAttribute("message", "已登记企业：" + form.name());
            return "redirect:/service/targets";
        } catch (InvalidForm e) {
            response.setStatus(400);
            return targetsPage(user, model, "enterprise", form, e.errors());
        }
    }

    @PostMapping("/service/projects")
    String createProject(@ModelAttribute("form") TargetForm typed, CurrentUser user, Model model,
                         HttpServletResponse response, RedirectAttributes flash) {
        // a project has no credit code, whatever was sent
        var form = new TargetForm(typed.name(), null, typed.industry(), typed.address(), typed.nodeId());
        try {
            admin.createProject(form, user);
            flash.addFlashAttribute("message", "已登记项目：" + form.name());
            return "redirect:/service/targets";
        } catch (InvalidForm e) {
            response.setStatus(400);
            return targetsPage(user, model, "project", form, e.errors());
        }
    }

    private String cadreForm(CurrentUser user, Model model, Cadre cadre, CadreForm form, Map<String, String> errors) {
        model.addAttribute("cadre", cadre);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", CadreType.values());
        model.addAttribute("nodes", repository.nodes(user.scope(), CADRE_NODES));
        return "service/cadre-form";
    }

    private String targetsPage(CurrentUser user, Model model, String failed, TargetForm form,
                               Map<String, String> errors) {
        model.addAttribute("enterprises", repository.enterprises(user.scope()));
        model.addAttribute("projects", repository.projects(user.scope()));
        model.addAttribute("places", repository.nodes(user.scope(), PLACES));
        model.addAttribute("canEdit", ServiceAccess.canEdit(user));
        model.addAttribute("failed", failed);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "service/targets";
    }
}

package cn.zugong.talent.internal.services;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue and the applications as JSON: the office's (scope of the handling units) under
 * {@code /api/talent/services} and {@code /api/talent/applications}, the talent's own under
 * {@code /api/talent/my/applications} (404 for anything not the own).
 */
@RestController
class ServicesApiController {

    private final ServiceApplications services;

    ServicesApiController(ServiceApplications services) {
        this.services = services;
    }

    record ItemJson(String code, String name, String area, String areaName, String unit, boolean configured,
                    List<String> materials, int days, String eligibility, boolean online, boolean highFrequency) {
    }

    record MaterialJson(String code, String name, String source, boolean reused, String fromApplication,
                        String fileName) {
    }

    record StepJson(LocalDateTime at, String action, String status, String by, String note) {
    }

    record ApplicationJson(long id, String applicationNo, String item, String itemName, String unit, String talent,
                           LocalDateTime submittedAt, LocalDate deadline, String status, String statusLabel,
                           String escalation, int needed, int reused, boolean proxy, String proxyBy,
                           LocalDate finishedOn, Boolean onTime, List<MaterialJson> materials, List<StepJson> steps) {
    }

    @GetMapping("/api/talent/services")
    List<ItemJson> catalogue() {
        return services.catalogue().stream().map(v -> new ItemJson(v.item().code(), v.item().name(), v.item().area(),
                v.areaName(), v.unitName(), v.configured(), v.item().materials(), v.item().days(),
                v.item().levelsText(), v.item().online(), v.item().hot())).toList();
    }

    @GetMapping("/api/talent/applications")
    PageResult<ApplicationJson> list(@RequestParam(required = false) String item,
                                     @RequestParam(required = false) String area,
                                     @RequestParam(required = false) ClosureStatus status,
                                     @RequestParam(required = false) Boolean proxy,
                                     @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size, CurrentUser user) {
        PageResult<Application> result = services.page(new ApplicationFilter(item, area, status, proxy, year, page,
                size), user);
        Map<Long, String> names = services.talentNames(result.items());
        Map<Long, String> units = services.unitNames(result.items());
        return new PageResult<>(result.items().stream().map(a -> json(a, names.get(a.talentId()),
                units.get(a.ownerNodeId()), false)).toList(), result.page(), result.size(), result.total());
    }

    @GetMapping("/api/talent/applications/{id}")
    ApplicationJson get(@PathVariable long id, CurrentUser user) {
        Application a = services.get(id, user);
        return json(a, services.talentName(a.talentId()), services.unitNames(List.of(a)).get(a.ownerNodeId()), true);
    }

    @GetMapping("/api/talent/my/applications")
    List<ApplicationJson> own(CurrentUser user) {
        List<Application> list = services.ownApplications(user);
        Map<Long, String> units = services.unitNames(list);
        return list.stream().map(a -> json(a, null, units.get(a.ownerNodeId()), false)).toList();
    }

    @GetMapping("/api/talent/my/applications/{id}")
    ApplicationJson ownOne(@PathVariable long id, CurrentUser user) {
        Application a = services.own(id, user);
        return json(a, null, services.unitNames(List.of(a)).get(a.ownerNodeId()), true);
    }

    private ApplicationJson json(Application a, String talent, String unit, boolean detail) {
        return new ApplicationJson(a.id(), a.applicationNo(), a.itemCode(), services.itemName(a.itemCode()), unit,
                talent, a.submittedAt(), a.deadline(), a.status().name(), a.statusLabel(), a.escalation().label(),
                a.needed(), a.reused(), a.proxy(), a.proxyByName(), a.finishedOn(), a.finished() ? a.onTime() : null,
                detail ? services.materials(a).stream().map(m -> new MaterialJson(m.code(), m.name(), m.source(),
                        m.reused(), m.fromNo(), m.fileName())).toList() : null,
                detail ? services.history(a).stream().map(e -> new StepJson(e.at(), ServiceApplications.stepLabel(e.action()),
                        e.to() == null ? null : Application.label(e.to()), e.actorName(), e.note())).toList() : null);
    }
}

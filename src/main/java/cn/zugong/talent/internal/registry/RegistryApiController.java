package cn.zugong.talent.internal.registry;

import cn.zugong.org.OrgNode;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Masking;
import cn.zugong.shared.PageResult;
import cn.zugong.talent.Credential;
import cn.zugong.talent.internal.EmployerRecord;
import cn.zugong.talent.internal.TalentRecord;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry's JSON API (read only): talents (masked) and employers, scoped as the pages. */
@RestController
class RegistryApiController {

    private final RegistryService service;

    RegistryApiController(RegistryService service) {
        this.service = service;
    }

    /** A talent as the API shows it: ID number and phone masked, the birth date as 出生年月 only. */
    record TalentJson(long id, long nodeId, String name, String gender, String birthMonth, String idNumberMasked,
                      String phoneMasked, String email, String category, String field, String education, String school,
                      String major, BigDecimal annualSalary, LocalDate arrivedOn, Long employerId, String employerName,
                      String level, String levelRoute, LocalDate levelSince, LocalDate levelUntil, String status,
                      boolean hasAccount, List<Credential> credentials) {
        static TalentJson of(TalentRecord t) {
            return new TalentJson(t.id(), t.nodeId(), t.name(), t.gender(), monthOf(t.birthDate()),
                    Masking.idNumber(t.idNumber()),
                    Masking.phone(t.phone()), t.email(), t.category(), t.field(), t.education(), t.school(), t.major(),
                    t.annualSalary(), t.arrivedOn(), t.employerId(), t.employerName(), t.level(), t.levelRoute(),
                    t.levelSince(), t.levelUntil(), t.status(), t.username() != null, t.credentials());
        }
    }

    /** 出生年月 only: with the whole birth date the masked ID number could be rebuilt (as on the roster). */
    static String monthOf(LocalDate birth) {
        return birth == null ? null : String.format("%04d-%02d", birth.getYear(), birth.getMonthValue());
    }

    record EmployerJson(long id, long nodeId, String nodeName, String creditCode, String name, String kind,
                        String industry, long talents) {
        static EmployerJson of(EmployerRecord e) {
            return new EmployerJson(e.id(), e.nodeId(), e.nodeName(), e.creditCode(), e.name(), e.kind(), e.industry(),
                    e.talents());
        }
    }

    @GetMapping("/api/talent/talents")
    PageResult<TalentJson> talents(@Valid TalentFilter filter, @RequestParam(required = false) Integer size,
                                   CurrentUser user) {
        OrgNode node = service.node(filter.nodeId(), user);
        var r = service.search(filter.search(node == null ? null : node.path()), filter.page(), size, user);
        return new PageResult<>(r.items().stream().map(TalentJson::of).toList(), r.page(), r.size(), r.total());
    }

    @GetMapping("/api/talent/talents/{id}")
    TalentJson talent(@PathVariable long id, CurrentUser user) {
        return TalentJson.of(service.talent(id, user));
    }

    @GetMapping("/api/talent/employers")
    PageResult<EmployerJson> employers(@RequestParam(required = false) String q,
                                       @RequestParam(required = false) Integer page, CurrentUser user) {
        var r = service.employers(q == null || q.length() > 50 ? null : q, page, user);
        return new PageResult<>(r.items().stream().map(EmployerJson::of).toList(), r.page(), r.size(), r.total());
    }

    @GetMapping("/api/talent/employers/{id}")
    EmployerJson employer(@PathVariable long id, CurrentUser user) {
        return EmployerJson.of(service.employer(id, user));
    }
}

package cn.zugong.people.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Unmasking one ID number or phone of a person: only roles that may ({@code Role.canUnmask()}, else
 * 403), only inside the caller's scope (else 404), POST only (CSRF-protected on pages), never cached,
 * and every unmask is an audit entry naming the person and the field — never the value.
 */
@Controller
class UnmaskController {

    private final RosterQueries queries;
    private final AuditTrail audit;

    UnmaskController(RosterQueries queries, AuditTrail audit) {
        this.queries = queries;
        this.audit = audit;
    }

    /** htmx: the full value replaces the masked cell of the person page. */
    @PostMapping("/people/{id}/unmask")
    String page(@PathVariable long id, @RequestParam String field, CurrentUser user, Model model,
                HttpServletResponse response) {
        model.addAttribute("value", reveal(id, PersonalField.of(field), user));
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        return "people/unmasked :: value";
    }

    @PostMapping("/api/people/{id}/unmask")
    @ResponseBody
    ResponseEntity<Map<String, String>> api(@PathVariable long id, @RequestParam String field, CurrentUser user) {
        PersonalField f = PersonalField.of(field);
        String value = reveal(id, f, user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("field", f.param, "value", value == null ? "" : value));
    }

    private String reveal(long id, PersonalField field, CurrentUser user) {
        if (!user.role().canUnmask()) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权查看完整" + field.label);
        }
        String value = queries.reveal(id, field, user.scope());
        audit.record(AuditEvent.of(AuditAction.UNMASK, "person", id,
                "查看完整" + field.label + "（field=" + field.param + "）"));
        return value;
    }
}

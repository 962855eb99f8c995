package cn.zugong.talent.internal.code;

import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's 人才码 pages: the codes in scope (filter, search), one code with the talent's history, 撤销 with a
 * reason and 签发 / 重新签发 (ADMIN), the signing keys and their rotation (the city's ADMIN), the verifications per
 * day. Everything is scoped through TalentAccess (404 outside).
 */
@Controller
class CodeOfficeController {

    private static final String BASE = "/talent/codes";
    private static final Set<String> STATUSES = Set.of("VALID", "EXPIRED", "REVOKED", "SUPERSEDED");

    private final CodeService codes;
    private final Clock clock;

    CodeOfficeController(CodeService codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, CurrentUser user, Model model) {
        CodeStore.Filter filter = filter(status, q);
        PageResult<Code> result = codes.list(filter, page, user);
        model.addAttribute("result", result);
        model.addAttribute("status", filter.status());
        model.addAttribute("q", filter.q());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("waiting", codes.recognisedWithoutCode(user));
        model.addAttribute("checks", codes.checksPerDay(14));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("mayWrite", user.role() == cn.zugong.shared.Role.ADMIN);
        StringBuilder base = new StringBuilder(BASE + "?");
        if (filter.status() != null) {
            base.append("status=").append(filter.status()).append('&');
        }
        if (filter.q() != null) {
            base.append("q=").append(java.net.URLEncoder.encode(filter.q(), java.nio.charset.StandardCharsets.UTF_8))
                    .append('&');
        }
        model.addAttribute("pagerBase", base.toString());
        return "talent/code/list";
    }

    @GetMapping(BASE + "/{id}")
    String code(@PathVariable long id, CurrentUser user, Model model) {
        Code code = codes.codeInScope(id, user);
        model.addAttribute("code", code);
        model.addAttribute("history", codes.history(code.talentId(), user));
        model.addAttribute("levelName", codes.levelName(code.level()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("mayWrite", user.role() == cn.zugong.shared.Role.ADMIN);
        return "talent/code/code";
    }

    @PostMapping(BASE + "/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, CurrentUser user,
                  RedirectAttributes flash) {
        Code code = codes.revokeByAdmin(id, reason, user);
        flash.addFlashAttribute("message", "已撤销人才码 " + code.serial() + "（" + code.talentName() + "）。");
        return "redirect:" + BASE + "/" + id;
    }

    /** 签发 / 重新签发 for a recognised talent in scope; the talent's valid code, if any, is superseded. */
    @PostMapping(BASE + "/issue")
    String issue(@RequestParam(required = false) Long talentId, CurrentUser user, RedirectAttributes flash) {
        if (talentId == null) {
            throw new ConflictException("请选择人才（talentId）");
        }
        Code code = codes.issueByAdmin(talentId, user);
        flash.addFlashAttribute("message", "已为" + code.talentName() + "签发人才码 " + code.serial() + "，有效期至 "
                + code.validUntil() + "；此前的人才码已失效。");
        return "redirect:" + BASE + "/" + code.id();
    }

    @GetMapping(BASE + "/keys")
    String keys(CurrentUser user, Model model) {
        codes.recognisedWithoutCode(user); // office only
        model.addAttribute("keys", codes.keys());
        model.addAttribute("mayRotate", codes.cityAdmin(user));
        return "talent/code/keys";
    }

    @PostMapping(BASE + "/keys/rotate")
    String rotate(CurrentUser user, RedirectAttributes flash) {
        String created = codes.rotate(user);
        flash.addFlashAttribute("message", "已启用新签名密钥 " + created + "：此后签发的人才码用新密钥签名，此前签发的人才码在有效期内仍然有效。");
        return "redirect:" + BASE + "/keys";
    }

    /** The codes in scope as JSON (the same filter as the page), with their texts. */
    @GetMapping("/api" + BASE)
    @ResponseBody
    Map<String, Object> api(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                            @RequestParam(required = false) Integer page, CurrentUser user) {
        PageResult<Code> result = codes.list(filter(status, q), page, user);
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> items = result.items().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("serial", String.valueOf(c.serial()));
            m.put("talentId", c.talentId());
            m.put("talentName", c.talentName());
            m.put("level", c.level());
            m.put("validFrom", c.validFrom().toString());
            m.put("validUntil", c.validUntil().toString());
            m.put("keyId", c.keyId());
            m.put("state", c.stateOn(today));
            m.put("code", c.payload());
            return m;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", result.page());
        out.put("total", result.total());
        out.put("items", items);
        return out;
    }

    private static CodeStore.Filter filter(String status, String q) {
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase();
        if (s != null && !STATUSES.contains(s)) {
            throw new ConflictException("状态不正确：" + status + "（可选 VALID、EXPIRED、REVOKED、SUPERSEDED）");
        }
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > 50) {
            throw new ConflictException("搜索内容不能超过 50 字");
        }
        return new CodeStore.Filter(s, query);
    }
}

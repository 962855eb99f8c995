package cn.zugong.party.internal.checkin;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.party.CheckinPostKind;
import cn.zugong.party.CheckinPostRole;
import cn.zugong.party.CheckinReason;
import cn.zugong.party.internal.checkin.CheckinForms.LogForm;
import cn.zugong.party.internal.checkin.CheckinForms.PairingForm;
import cn.zugong.party.internal.checkin.CheckinForms.PostForm;
import cn.zugong.party.internal.checkin.CheckinViews.Member;
import cn.zugong.party.internal.checkin.CheckinViews.Photo;
import cn.zugong.party.internal.checkin.CheckinViews.Post;
import cn.zugong.party.internal.checkin.CheckinViews.Registration;
import cn.zugong.party.internal.checkin.CheckinViews.Village;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Photos;
import cn.zugong.shared.Upload;
import cn.zugong.shared.web.FormFields;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's pages of 党员报到: registrations to decide, a village's posts and logs, a member, pairings. */
@Controller
class CheckinController {

    private final CheckinAccess access;
    private final CheckinStore store;
    private final CheckinService service;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    CheckinController(CheckinAccess access, CheckinStore store, CheckinService service, OrgTree tree,
                      AuditTrail audit, java.time.Clock clock) {
        this.clock = clock;
        this.access = access;
        this.store = store;
        this.service = service;
        this.tree = tree;
        this.audit = audit;
    }

    @GetMapping("/party/checkin")
    String index(@RequestParam(required = false) String status, CurrentUser user, Model model) {
        CheckinAccess.requireOffice(user);
        String s = status == null || status.isBlank() ? null : status;
        if (s != null && !List.of("PENDING", "ACTIVE", "REFUSED", "ENDED").contains(s)) {
            throw new BadRequestException("「状态」无效：" + s);
        }
        List<Registration> rows = store.registrationsInScope(user.scope(), s, null, 200);
        audit.record(AuditEvent.read("checkin_registration", user.scope().nodeId(), "查看报到名单 " + rows.size() + " 条"));
        model.addAttribute("rows", rows);
        model.addAttribute("status", s);
        model.addAttribute("canWrite", CheckinAccess.canWriteVillage(user));
        return "party/checkin/index";
    }

    @GetMapping("/party/checkin/villages/{id}")
    String village(@PathVariable long id, CurrentUser user, Model model) {
        Village v = access.village(user, id);
        List<Registration> regs = store.registrationsInScope(user.scope(), null, v.id(), 500);
        audit.record(AuditEvent.read("checkin_village", id, "查看" + v.name() + "的报到党员和服务记录"));
        model.addAttribute("village", v);
        model.addAttribute("registrations", regs);
        model.addAttribute("posts", store.postsOfVillage(v.id()));
        model.addAttribute("logs", store.logsOfVillage(v.id(), 100));
        model.addAttribute("canWrite", CheckinAccess.canWriteVillage(user));
        model.addAttribute("kinds", CheckinPostKind.values());
        model.addAttribute("roles", CheckinPostRole.values());
        model.addAttribute("today", service.today());
        return "party/checkin/village";
    }

    @PostMapping("/party/checkin/registrations/{id}/confirm")
    String confirm(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        Registration r = access.registrationToWrite(user, id);
        return done(flash, r.villageId(), () -> service.decide(r, true, null, user.username()), "已确认报到：" + r.memberName());
    }

    @PostMapping("/party/checkin/registrations/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(required = false) String refusal, CurrentUser user,
                  RedirectAttributes flash) {
        Registration r = access.registrationToWrite(user, id);
        return done(flash, r.villageId(), () -> service.decide(r, false, refusal, user.username()),
                "已退回报到：" + r.memberName());
    }

    @PostMapping("/party/checkin/registrations/{id}/end")
    String end(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        Registration r = access.registrationToWrite(user, id);
        return done(flash, r.villageId(), () -> service.end(r, user.username()), "已结束报到：" + r.memberName());
    }

    @PostMapping("/party/checkin/villages/{id}/posts")
    String publish(@PathVariable long id, @ModelAttribute PostForm form, CurrentUser user, RedirectAttributes flash) {
        CheckinAccess.requireVillageWriter(user);
        Village v = access.village(user, id);
        return done(flash, v.id(), () -> service.publish(v, form, user.username()), "已发布岗位");
    }

    @PostMapping("/party/checkin/posts/{id}/close")
    String close(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        CheckinAccess.requireVillageWriter(user);
        Post p = access.post(user, id);
        return done(flash, p.villageId(), () -> service.close(p, user.username()), "已停止认领：" + p.title());
    }

    @PostMapping("/party/checkin/villages/{id}/logs")
    String logOnBehalf(@PathVariable long id, @RequestParam(required = false) String memberId,
                       @ModelAttribute LogForm form,
                       @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                       CurrentUser user, RedirectAttributes flash) {
        CheckinAccess.requireVillageWriter(user);
        Village v = access.village(user, id);
        List<Upload> files = uploads(photos);
        Photos.check(files); // a bad file is named first, before the member (data) is looked up
        Member m = access.memberToLogFor(user, FormFields.id(memberId, "党员"));
        LogForm f = new LogForm(String.valueOf(v.id()), form.postId(), form.servedOn(), form.what(), form.whom(),
                form.elderlyVisits(), form.fundsYuan(), form.projects());
        return done(flash, v.id(), () -> service.log(m, f, files, user.username(), true),
                "已代记服务记录：" + m.name());
    }

    @GetMapping("/party/checkin/members/{id}")
    String member(@PathVariable long id, CurrentUser user, Model model) {
        Member m = access.member(user, id);
        boolean ownBranch = user.scope().contains(m.branchPath());
        model.addAttribute("member", m);
        model.addAttribute("ownBranch", ownBranch);
        model.addAttribute("registrations", store.registrationsOfMember(id).stream()
                .filter(r -> ownBranch || access.villageInScope(user, r.villageId())).toList());
        model.addAttribute("logs", store.logsOfMember(id, 200).stream()
                .filter(l -> ownBranch || access.villageInScope(user, l.villageId())).toList());
        model.addAttribute("posts", store.claimedBy(id).stream()
                .filter(p -> ownBranch || access.villageInScope(user, p.villageId())).toList());
        return "party/checkin/member";
    }

    @GetMapping("/party/checkin/logs/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, CurrentUser user) {
        access.log(user, id);
        return photo(store.photo(id, photoId).orElseThrow(() -> new NotFoundException("照片不存在：" + photoId)));
    }

    @GetMapping("/party/checkin/pairings")
    String pairings(CurrentUser user, Model model) {
        CheckinAccess.requireOffice(user);
        model.addAttribute("pairings", store.pairingsInScope(user.scope()));
        model.addAttribute("canWrite", user.role() == cn.zugong.shared.Role.ADMIN);
        model.addAttribute("kinds", List.of(CheckinReason.CONTACT_POINT, CheckinReason.PAIRED_VILLAGE));
        return "party/checkin/pairings";
    }

    @PostMapping("/party/checkin/pairings")
    String addPairing(@ModelAttribute PairingForm form, CurrentUser user, RedirectAttributes flash) {
        try {
            addPairing(form, user);
            flash.addFlashAttribute("message", "已登记");
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/party/checkin/pairings";
    }

    @PostMapping("/party/checkin/pairings/{id}/delete")
    String deletePairing(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        removePairing(id, user);
        flash.addFlashAttribute("message", "已删除");
        return "redirect:/party/checkin/pairings";
    }

    // ------------------------------------------------------------------ shared with the API

    long addPairing(PairingForm form, CurrentUser user) {
        CheckinAccess.requireAdmin(user);
        Village v = access.village(user, FormFields.id(form.villageId(), "村（社区）"));
        String code = FormFields.text(form.orgCode(), "党组织代码", 32, true);
        OrgNode org = tree.byCode(code).filter(n -> n.kind() == NodeKind.PARTY_ORG)
                .orElseThrow(() -> new BadRequestException("「党组织代码」不是党组织：" + code));
        CheckinReason kind = CheckinForms.choice(CheckinReason.class, form.kind(), "类别");
        if (!kind.isPairing()) {
            throw new BadRequestException("「类别」只能是联系点或结对村");
        }
        String note = FormFields.text(form.note(), "说明", 200, false);
        try {
            long id = store.insertPairing(org.id(), v.id(), kind, note, user.username(), LocalDateTime.now(clock));
            audit.record(AuditEvent.of(cn.zugong.audit.AuditAction.CREATE, "checkin_pairing", id,
                    org.name() + " — " + v.name() + " " + kind.label()));
            return id;
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new ConflictException(org.name() + "与" + v.name() + "已登记为" + kind.label());
        }
    }

    void removePairing(long id, CurrentUser user) {
        CheckinAccess.requireAdmin(user);
        var p = store.pairing(id).filter(x -> access.villageInScope(user, x.villageId()))
                .orElseThrow(() -> new NotFoundException("联系点或结对村不存在或不在您的管理范围内：" + id));
        store.deletePairing(p.id());
        audit.record(AuditEvent.of(cn.zugong.audit.AuditAction.DELETE, "checkin_pairing", id,
                p.orgName() + " — " + p.villageName() + " " + p.kind().label()));
    }

    static List<Upload> uploads(List<MultipartFile> photos) {
        List<Upload> out = new ArrayList<>();
        for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
            if (!f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())) {
                // read only after the rights and the limits are checked (issue 12)
                out.add(new Upload(f.getOriginalFilename(), f.getSize(), f::getBytes));
            }
        }
        return out;
    }

    static ResponseEntity<byte[]> photo(Photo p) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.inline().filename(p.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.setETag("\"" + p.sha256() + "\"");
        return ResponseEntity.ok().headers(headers).contentType(MediaType.parseMediaType(p.contentType()))
                .body(p.bytes());
    }

    private static String done(RedirectAttributes flash, long villageId, Runnable action, String message) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/party/checkin/villages/" + villageId;
    }

}

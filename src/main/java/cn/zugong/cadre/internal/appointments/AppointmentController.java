package cn.zugong.cadre.internal.appointments;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.AppointmentKind;
import cn.zugong.cadre.internal.appointments.AppointmentForms.NewForm;
import cn.zugong.cadre.internal.appointments.AppointmentForms.ProfileForm;
import cn.zugong.cadre.internal.appointments.AppointmentForms.StepForm;
import cn.zugong.cadre.internal.appointments.AppointmentViews.Appointment;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.care.CareReads;
import cn.zugong.cadre.internal.leaders.HandoverLinks;
import cn.zugong.org.OrgTree;
import cn.zugong.people.AppointmentRoster.Profile;
import cn.zugong.people.AppointmentRoster;
import cn.zugong.people.RosterVocabulary;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.UploadedFiles;
import cn.zugong.shared.web.Downloads;
import cn.zugong.shared.web.FormFields;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
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

/** The 干部科's pages of 选拔任用纪实: the list with a new record, a record with its steps, a person's 审批表 data. */
@Controller
class AppointmentController {

    static final Set<String> PHOTO_TYPES = Set.of("jpg", "jpeg", "png");

    private final AppointmentRecordsAccess access;
    private final AppointmentStore store;
    private final AppointmentService service;
    private final ApprovalProfiles profiles;
    private final AppointmentRoster roster;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final HandoverLinks handovers;
    private final CareReads reuses;

    AppointmentController(AppointmentRecordsAccess access, AppointmentStore store, AppointmentService service,
                          ApprovalProfiles profiles, AppointmentRoster roster, OrgTree tree, AuditTrail audit,
                          HandoverLinks handovers, CareReads reuses) {
        this.handovers = handovers;
        this.reuses = reuses;
        this.access = access;
        this.store = store;
        this.service = service;
        this.profiles = profiles;
        this.roster = roster;
        this.tree = tree;
        this.audit = audit;
    }

    @GetMapping("/cadres/appointments")
    String index(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                 @RequestParam(required = false) String frontline, @RequestParam(required = false) String q,
                 CurrentUser user, Model model) {
        access.requireRead(user);
        AppointmentKind k = kind == null || kind.isBlank() ? null : AppointmentKind.parse(kind);
        if (kind != null && !kind.isBlank() && k == null) {
            throw new BadRequestException("「任用类型」无效：" + kind);
        }
        String s = status == null || status.isBlank() ? null : status;
        if (s != null && !List.of("OPEN", "DONE", "STOPPED").contains(s)) {
            throw new BadRequestException("「状态」无效：" + s);
        }
        Boolean f = frontline == null || frontline.isBlank() ? null : FormFields.flag(frontline);
        List<Appointment> rows = store.list(user.scope(), k, s, f, null, 300);
        audit.record(AuditEvent.read("cadre_appointment", user.scope().nodeId(), "查看选拔任用纪实 " + rows.size() + " 条"));
        model.addAttribute("rows", rows);
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("status", s == null ? "" : s);
        model.addAttribute("frontline", frontline == null ? "" : frontline);
        model.addAttribute("kinds", AppointmentKind.values());
        model.addAttribute("canWrite", access.canWrite(user));
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        model.addAttribute("found", query.isEmpty() ? List.of() : roster.search(query, user.scope(), 30));
        return "cadres/appointments/index";
    }

    @GetMapping("/cadres/appointments/new")
    String newForm(@RequestParam long personId, CurrentUser user, Model model) {
        access.requireWriter(user);
        Profile p = access.personToWrite(user, personId);
        model.addAttribute("person", p);
        model.addAttribute("kinds", AppointmentKind.values());
        model.addAttribute("posts", RosterVocabulary.POSTS);
        model.addAttribute("ranks", RosterVocabulary.RANKS);
        model.addAttribute("units", tree.units(user.scope()));
        model.addAttribute("campaigns", store.campaigns(user.scope()));
        model.addAttribute("today", service.today());
        return "cadres/appointments/new";
    }

    @PostMapping("/cadres/appointments")
    String create(@ModelAttribute NewForm form, CurrentUser user, RedirectAttributes flash) {
        access.requireWriter(user);
        try {
            long id = service.create(form, user.scope(), user.username());
            flash.addFlashAttribute("message", "已登记动议");
            return "redirect:/cadres/appointments/" + id;
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/cadres/appointments/new?personId=" + FormFields.id(form.personId(), "干部", true);
        }
    }

    @GetMapping("/cadres/appointments/{id}")
    String record(@PathVariable long id, CurrentUser user, Model model) {
        Appointment a = access.read(user, id);
        audit.record(AuditEvent.read("cadre_appointment", id, "查看选拔任用纪实：" + a.personName()));
        model.addAttribute("a", a);
        model.addAttribute("canWrite", access.canWrite(user) && user.scope().contains(a.unitPath()));
        model.addAttribute("today", service.today());
        var leaving = handovers.leaving(id).orElse(null);
        model.addAttribute("leaving", leaving);
        model.addAttribute("handover", handovers.linked(id).orElse(null));
        model.addAttribute("canStartHandover", leaving != null && !"STOPPED".equals(a.status())
                && CadreAccess.canWrite(user) && user.scope().contains(leaving.townshipPath()));
        model.addAttribute("reuse", reuses.reuseOfAppointment(user, id).orElse(null));
        return "cadres/appointments/record";
    }

    @PostMapping("/cadres/appointments/{id}/steps")
    String step(@PathVariable long id, @ModelAttribute StepForm form, CurrentUser user, RedirectAttributes flash) {
        Appointment a = access.write(user, id);
        return done(flash, "/cadres/appointments/" + id, () -> service.advance(a, form, user.username()),
                "已登记程序步骤");
    }

    @PostMapping("/cadres/appointments/{id}/stop")
    String stop(@PathVariable long id, @RequestParam(required = false) String reason, CurrentUser user,
                RedirectAttributes flash) {
        Appointment a = access.write(user, id);
        return done(flash, "/cadres/appointments/" + id, () -> service.stop(a, reason, user.username()), "已终止");
    }

    @GetMapping("/cadres/appointments/people/{personId}")
    String person(@PathVariable long personId, CurrentUser user, Model model) {
        Profile p = access.person(user, personId);
        audit.record(AuditEvent.read("cadre_profile", personId, "查看干部任免审批表信息：" + p.name()));
        List<ApprovalProfiles.Member> family = profiles.family(personId);
        model.addAttribute("person", p);
        model.addAttribute("profile", profiles.profile(personId));
        model.addAttribute("familyText", ApprovalProfiles.familyText(family));
        model.addAttribute("family", family);
        model.addAttribute("records", store.list(user.scope(), null, null, null, personId, 50));
        model.addAttribute("canWrite", access.canWrite(user));
        return "cadres/appointments/person";
    }

    @PostMapping("/cadres/appointments/people/{personId}/profile")
    String saveProfile(@PathVariable long personId, @ModelAttribute ProfileForm form, CurrentUser user,
                       RedirectAttributes flash) {
        Profile p = access.personToWrite(user, personId);
        return done(flash, "/cadres/appointments/people/" + personId, () -> {
            profiles.save(personId, form, user.username());
            audit.record(AuditEvent.of(AuditAction.UPDATE, "cadre_profile", personId, "维护任免审批表信息：" + p.name()));
        }, "已保存");
    }

    @PostMapping("/cadres/appointments/people/{personId}/photo")
    String photo(@PathVariable long personId, @RequestParam(name = "photo", required = false) MultipartFile file,
                 CurrentUser user, RedirectAttributes flash) {
        Profile p = access.personToWrite(user, personId);
        // a refused file answers 400 with its reason (the error page), as every upload of the platform does
        savePhoto(personId, file, user.username());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "cadre_profile", personId, "上传干部照片：" + p.name()));
        flash.addFlashAttribute("message", "已上传照片");
        return "redirect:/cadres/appointments/people/" + personId;
    }

    @GetMapping("/cadres/appointments/people/{personId}/photo")
    ResponseEntity<byte[]> photoFile(@PathVariable long personId, CurrentUser user) {
        access.person(user, personId);
        ApprovalProfiles.Photo photo = profiles.photo(personId)
                .orElseThrow(() -> new cn.zugong.shared.NotFoundException("尚未上传照片"));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, photo.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(photo.bytes());
    }

    @GetMapping("/cadres/appointments/people/{personId}/form.docx")
    ResponseEntity<byte[]> form(@PathVariable long personId, @RequestParam(required = false) Long appointment,
                                CurrentUser user) {
        ApprovalForm.Data d = access.form(user, personId, appointment);
        return Downloads.attachment(ApprovalForm.write(d), "干部任免审批表-" + d.person().name() + ".docx", Downloads.DOCX);
    }

    void savePhoto(long personId, MultipartFile file, String by) {
        if (file == null || file.isEmpty()) {
            throw new BadRequestException("请选择照片（JPG 或 PNG，不超过 2MB）");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().strip();
        String ext = UploadedFiles.extension(name);
        String type = UploadedFiles.typeOf(ext, PHOTO_TYPES)
                .orElseThrow(() -> new BadRequestException("照片「" + name + "」的类型不支持：只接受 JPG 和 PNG 图片"));
        if (file.getSize() > ApprovalProfiles.MAX_PHOTO) {
            throw new BadRequestException("照片「" + name + "」超过 2MB");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new BadRequestException("照片「" + name + "」读取失败");
        }
        if (!UploadedFiles.contentMatches(ext, bytes)) {
            throw new BadRequestException("照片「" + name + "」的内容与扩展名 ." + ext + " 不符，文件可能已损坏或被改名");
        }
        profiles.savePhoto(personId, bytes, type, by);
    }

    private static String done(RedirectAttributes flash, String to, Runnable action, String message) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + to;
    }
}

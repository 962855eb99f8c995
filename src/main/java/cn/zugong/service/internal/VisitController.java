package cn.zugong.service.internal;

import cn.zugong.service.VisitKind;
import cn.zugong.service.internal.Records.Cadre;
import cn.zugong.service.internal.Records.Charge;
import cn.zugong.service.internal.Records.NewPhoto;
import cn.zugong.service.internal.Records.Visit;
import cn.zugong.shared.Upload;
import cn.zugong.service.internal.VisitLog.VisitForm;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** 走访记录: the phone-friendly form, the list, a visit with its photos. */
@Controller
class VisitController {

    private final ServiceRepository repository;
    private final VisitRepository visits;
    private final ServiceAccess access;
    private final VisitLog log;
    private final Clock clock;

    VisitController(ServiceRepository repository, VisitRepository visits, ServiceAccess access, VisitLog log,
                    Clock clock) {
        this.repository = repository;
        this.visits = visits;
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    @GetMapping("/service/visits")
    String list(VisitFilter asked, CurrentUser user, Model model) {
        Long cadreId = asked.cadreId();
        Cadre only = ServiceAccess.isCadre(user) ? access.ownCadre(user)
                : cadreId == null ? null : access.visibleCadre(user, cadreId);
        VisitKind visitKind = CadreAdmin.parseEnum(VisitKind.class, asked.kind());
        var errors = new InvalidForm.Collector();
        LocalDate start = CadreAdmin.date(asked.from(), "from", "起始日期", false, errors);
        LocalDate end = CadreAdmin.date(asked.to(), "to", "截止日期", false, errors);
        var filter = new VisitRepository.Filter(only == null ? user.scope() : only.nodeScope(),
                only == null ? null : only.id(), visitKind, start, end, PageResult.clampPage(asked.page()), 20);
        model.addAttribute("page", visits.page(filter));
        model.addAttribute("cadre", only);
        model.addAttribute("kind", visitKind);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("kinds", VisitKind.values());
        model.addAttribute("canLog", ServiceAccess.canLog(user));
        return "service/visits";
    }

    @GetMapping("/service/visits/new")
    String form(@RequestParam(required = false) Long cadreId, CurrentUser user, Model model) {
        if (!ServiceAccess.canLog(user)) {
            throw new cn.zugong.shared.ForbiddenException("只有服务干部本人和组织部管理员可以登记走访");
        }
        // an administrator first picks the cadre; a cadre logs for the own charges
        Cadre cadre = ServiceAccess.isCadre(user) || cadreId != null ? access.loggingCadre(user, cadreId) : null;
        return form(user, model, cadre, new VisitForm(cadre == null ? "" : String.valueOf(cadre.id()), "", "",
                LocalDate.now(clock).toString(), "", "", "", false), Map.of());
    }

    @PostMapping("/service/visits")
    String save(@ModelAttribute("form") VisitForm form,
                @RequestParam(name = "photos", required = false) List<MultipartFile> photos, CurrentUser user,
                Model model, HttpServletResponse response, RedirectAttributes flash) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
            if (!f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())) {
                // read only after the caller's rights and the photo limits are checked (issue 12)
                uploads.add(new Upload(f.getOriginalFilename(), f.getSize(), f::getBytes));
            }
        }
        try {
            long id = log.log(form, uploads, user);
            flash.addFlashAttribute("saved", true);
            return "redirect:/service/visits/" + id;
        } catch (InvalidForm e) {
            response.setStatus(400);
            Cadre cadre = access.loggingCadre(user, CadreAdmin.parseId(form.cadreId()));
            return form(user, model, cadre, form, e.errors());
        }
    }

    @GetMapping("/service/visits/{id}")
    String visit(@PathVariable long id, CurrentUser user, Model model) {
        Visit visit = access.visibleVisit(user, id);
        model.addAttribute("visit", visit);
        model.addAttribute("photos", visits.photos(id));
        model.addAttribute("mayRaise", ServiceAccess.canLog(user));
        return "service/visit";
    }

    /** A photo inline, with its stored content type; only through a visit the caller may see. */
    @GetMapping("/service/visits/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, CurrentUser user) {
        access.visibleVisit(user, id);
        NewPhoto photo = visits.photoContent(id, photoId)
                .orElseThrow(() -> new NotFoundException("照片不存在：" + photoId));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.inline().filename(photo.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.setCacheControl("private, no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setETag("\"" + photo.sha256() + "\"");
        return ResponseEntity.ok().headers(headers).contentType(MediaType.parseMediaType(photo.contentType()))
                .body(photo.bytes());
    }

    private String form(CurrentUser user, Model model, Cadre cadre, VisitForm form, Map<String, String> errors) {
        LocalDate today = LocalDate.now(clock);
        List<Charge> charges = cadre == null ? List.of() : repository.charges(List.of(cadre.id())).stream()
                .filter(c -> c.currentOn(today)).toList();
        model.addAttribute("cadre", cadre);
        model.addAttribute("cadres", ServiceAccess.isCadre(user) ? List.of() : repository.cadres(user.scope()));
        model.addAttribute("charges", charges);
        model.addAttribute("kinds", VisitKind.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", today);
        model.addAttribute("maxPhotos", PhotoPolicy.MAX_FILES);
        return "service/visit-form";
    }
}

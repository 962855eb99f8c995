package cn.zugong.party.internal.my;

import cn.zugong.party.CheckinReason;
import cn.zugong.party.internal.checkin.CheckinForms.LogForm;
import cn.zugong.party.internal.checkin.CheckinForms.RegisterForm;
import cn.zugong.party.internal.checkin.CheckinService;
import cn.zugong.party.internal.checkin.CheckinStore;
import cn.zugong.party.internal.checkin.CheckinViews.Member;
import cn.zugong.party.internal.checkin.CheckinViews.Photo;
import cn.zugong.party.internal.checkin.CheckinViews.Post;
import cn.zugong.party.internal.checkin.CheckinViews.Registration;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Photos;
import cn.zugong.shared.Upload;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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

/** The party member's own phone pages: my registrations, the villages' open posts, claims, my service logs. */
@Controller
class CheckinMyController {

    private final MyCheckin my;
    private final CheckinStore store;
    private final CheckinService service;
    private final Clock clock;

    CheckinMyController(MyCheckin my, CheckinStore store, CheckinService service, Clock clock) {
        this.my = my;
        this.store = store;
        this.service = service;
        this.clock = clock;
    }

    @GetMapping("/party/my")
    String home(CurrentUser user, Model model) {
        model.addAttribute("o", my.overview(user));
        return "party/my/home";
    }

    @GetMapping("/party/my/register")
    String registerForm(CurrentUser user, Model model) {
        my.me(user);
        return register(model, new RegisterForm("", "HOMETOWN", "", "", ""), null);
    }

    @PostMapping("/party/my/registrations")
    String register(@ModelAttribute RegisterForm form, CurrentUser user, Model model, HttpServletResponse response,
                    RedirectAttributes flash) {
        Member m = my.me(user);
        try {
            service.register(m, form, user.username());
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e.status());
            return register(model, form, e.getMessage());
        }
        flash.addFlashAttribute("message", "报到申请已提交，请等待村党组织确认");
        return "redirect:/party/my";
    }

    private String register(Model model, RegisterForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("reasons", CheckinReason.values());
        model.addAttribute("counties", store.places(null, "COUNTY"));
        return "party/my/register";
    }

    /** The options of the next level (townships of a county, villages of a township), for htmx. */
    @GetMapping("/party/my/places")
    String places(@RequestParam(required = false) Long parent, @RequestParam String kind, CurrentUser user,
                  Model model) {
        my.me(user);
        if (!kind.equals("TOWNSHIP") && !kind.equals("VILLAGE")) {
            throw new BadRequestException("「kind」无效：" + kind);
        }
        model.addAttribute("places", parent == null ? List.of() : store.places(parent, kind));
        model.addAttribute("kind", kind);
        return "party/my/places :: options";
    }

    @PostMapping("/party/my/registrations/{id}/end")
    String end(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        Member m = my.me(user);
        Registration r = my.myRegistration(m, id);
        return done(flash, () -> service.end(r, user.username()), "已结束在" + r.villageName() + "的报到");
    }

    @PostMapping("/party/my/posts/{id}/claim")
    String claim(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        Member m = my.me(user);
        Post p = my.post(m, id);
        return done(flash, () -> service.claim(m, p, user.username()), "已认领岗位「" + p.title() + "」");
    }

    @PostMapping("/party/my/posts/{id}/withdraw")
    String withdraw(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        Member m = my.me(user);
        Post p = my.post(m, id);
        return done(flash, () -> service.withdraw(m, p, user.username()), "已退出岗位「" + p.title() + "」");
    }

    @GetMapping("/party/my/logs")
    String logs(CurrentUser user, Model model) {
        Member m = my.me(user);
        model.addAttribute("logs", store.logsOfMember(m.id(), 200));
        return "party/my/logs";
    }

    @GetMapping("/party/my/logs/new")
    String logForm(CurrentUser user, Model model) {
        Member m = my.me(user);
        List<Registration> active = activeOf(m);
        String village = active.isEmpty() ? "" : String.valueOf(active.get(0).villageId());
        return logForm(model, m, new LogForm(village, "", LocalDate.now(clock).toString(), "", "", "0", "0", ""), null);
    }

    @PostMapping("/party/my/logs")
    String log(@ModelAttribute LogForm form, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
               CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes flash) {
        Member m = my.me(user);
        try {
            long id = service.log(m, form, uploads(photos), user.username(), false);
            flash.addFlashAttribute("message", "服务记录已保存");
            return "redirect:/party/my/logs/" + id;
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e.status());
            return logForm(model, m, form, e.getMessage());
        }
    }

    @GetMapping("/party/my/logs/{id}")
    String logPage(@PathVariable long id, CurrentUser user, Model model) {
        Member m = my.me(user);
        model.addAttribute("log", my.myLog(m, id));
        model.addAttribute("photoIds", store.photoIds(id));
        return "party/my/log";
    }

    @GetMapping("/party/my/logs/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, CurrentUser user) {
        Member m = my.me(user);
        my.myLog(m, id);
        Photo p = store.photo(id, photoId).orElseThrow(() -> new NotFoundException("照片不存在：" + photoId));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.inline().filename(p.fileName(), StandardCharsets.UTF_8)
                .build());
        return ResponseEntity.ok().headers(headers).contentType(MediaType.parseMediaType(p.contentType()))
                .body(p.bytes());
    }

    private String logForm(Model model, Member m, LogForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("villages", activeOf(m));
        model.addAttribute("posts", store.claimedBy(m.id()));
        model.addAttribute("maxPhotos", Photos.MAX_FILES);
        return "party/my/log-form";
    }

    private List<Registration> activeOf(Member m) {
        return store.registrationsOfMember(m.id()).stream().filter(r -> r.status().equals("ACTIVE")).toList();
    }

    static List<Upload> uploads(List<MultipartFile> photos) {
        List<Upload> out = new ArrayList<>();
        for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
            if (!f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())) {
                out.add(new Upload(f.getOriginalFilename(), f.getSize(), f::getBytes));
            }
        }
        return out;
    }

    private static String done(RedirectAttributes flash, Runnable action, String message) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/party/my";
    }
}

package cn.zugong.rating.internal.cycle;

import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.RatingSchemes;
import cn.zugong.rating.internal.cycle.CycleModel.Entry;
import cn.zugong.rating.internal.cycle.CycleModel.Evidence;
import cn.zugong.rating.internal.cycle.CycleModel.Round;
import cn.zugong.rating.internal.cycle.CycleModel.Stage;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.Role;
import cn.zugong.shared.Upload;
import cn.zugong.shared.ZugongException;
import cn.zugong.shared.web.Downloads;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The yearly cycle's pages: rounds, a round's entries, the score sheet with its review actions, the 公示 list. */
@Controller
class CycleController {

    static final String ROUNDS = "/ratings/rounds";
    static final String ENTRIES = "/ratings/entries";

    private final RatingCycle cycle;
    private final RatingSchemes schemes;
    private final Clock clock;

    CycleController(RatingCycle cycle, RatingSchemes schemes, Clock clock) {
        this.cycle = cycle;
        this.schemes = schemes;
        this.clock = clock;
    }

    @GetMapping(ROUNDS)
    String rounds(CurrentUser user, Model model) {
        List<Round> rounds = cycle.rounds(user);
        model.addAttribute("rounds", rounds);
        model.addAttribute("schemeNames", schemes.all().stream().collect(java.util.stream.Collectors.toMap(
                s -> s.code() + "@" + s.version(), RatingScheme::name, (a, b) -> a)));
        model.addAttribute("mayCreate", user.role() == Role.ADMIN);
        return "rating/cycle/rounds";
    }

    @GetMapping(ROUNDS + "/new")
    String newRound(CurrentUser user, Model model) {
        RatingCycle.requireOffice(user);
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有组织部管理员可以发起年度评定");
        }
        model.addAttribute("schemes", schemes.all().stream()
                .sorted(Comparator.comparing(RatingScheme::code).thenComparing(RatingScheme::version)).toList());
        model.addAttribute("year", LocalDate.now(clock).getYear());
        return "rating/cycle/new";
    }

    @PostMapping(ROUNDS)
    String create(@RequestParam(required = false) String scheme, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate selfDue,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDue,
                  @RequestParam(required = false) Integer publicityDays, CurrentUser user, RedirectAttributes flash) {
        return act(flash, ROUNDS + "/new", () -> {
            Round r = cycle.create(new RatingCycle.NewRound(scheme, year, selfDue, reviewDue, publicityDays), user);
            flash.addFlashAttribute("message", "已发起：" + r.name());
            return ROUNDS + "/" + r.id();
        });
    }

    @GetMapping(ROUNDS + "/{id}")
    String round(@PathVariable long id, @RequestParam(required = false) String stage,
                 @RequestParam(required = false) Long district, @RequestParam(required = false) Integer page,
                 CurrentUser user, Model model) {
        Round r = cycle.round(id, user);
        Stage s = Stage.parse(stage);
        var entries = cycle.entries(r, s, district, page, 50, user);
        model.addAttribute("r", r);
        model.addAttribute("scheme", cycle.scheme(r));
        model.addAttribute("entries", entries);
        model.addAttribute("returns", cycle.lastReturns(entries.items()));
        model.addAttribute("counts", cycle.stageCounts(r, user));
        model.addAttribute("starCounts", cycle.starCounts(r, user));
        model.addAttribute("objections", cycle.roundObjections(r, user));
        model.addAttribute("districts", cycle.districts(r));
        model.addAttribute("stage", s);
        model.addAttribute("district", district);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("roundAdmin", RatingCycle.isRoundAdmin(user, r));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("base", ROUNDS + "/" + id + "?stage=" + (s == null ? "" : s.name()) + "&district="
                + (district == null ? "" : district) + "&");
        return "rating/cycle/round";
    }

    /** The 公示 list (printable): names, points, stars, 双强 of every organisation the caller may see. */
    @GetMapping(ROUNDS + "/{id}/publicity")
    String publicity(@PathVariable long id, CurrentUser user, Model model) {
        Round r = cycle.round(id, user);
        model.addAttribute("r", r);
        model.addAttribute("scheme", cycle.scheme(r));
        model.addAttribute("entries", cycle.publicityList(r, user));
        return "rating/cycle/publicity";
    }

    @PostMapping(ROUNDS + "/{id}/publicity")
    String startPublicity(@PathVariable long id,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) Integer version, CurrentUser user, RedirectAttributes flash) {
        return act(flash, ROUNDS + "/" + id, () -> {
            Round r = cycle.startPublicity(id, from, version, user);
            flash.addFlashAttribute("message", "已启动公示：" + r.publicityFrom() + " 至 " + r.publicityTo());
            return ROUNDS + "/" + id;
        });
    }

    @PostMapping(ROUNDS + "/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) Integer version, CurrentUser user,
                   RedirectAttributes flash) {
        return act(flash, ROUNDS + "/" + id, () -> {
            cycle.publish(id, version, user);
            flash.addFlashAttribute("message", "评定结果已发布");
            return ROUNDS + "/" + id;
        });
    }

    @GetMapping(ENTRIES + "/{id}")
    String sheet(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("s", cycle.sheet(id, user));
        model.addAttribute("today", LocalDate.now(clock));
        return "rating/cycle/sheet";
    }

    @PostMapping(ENTRIES + "/{id}/scores")
    String scores(@PathVariable long id, @RequestParam(name = "criterion", required = false) List<String> criterion,
                  @RequestParam(name = "value", required = false) List<String> value,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
                  CurrentUser user, RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            cycle.saveScores(id, RatingCycle.typed(criterion, value), reason, version, user);
            flash.addFlashAttribute("message", "评分已保存");
            return ENTRIES + "/" + id;
        });
    }

    @PostMapping(ENTRIES + "/{id}/recompute")
    String recompute(@PathVariable long id, @RequestParam(required = false) Integer version, CurrentUser user,
                     RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            cycle.recompute(id, version, user);
            flash.addFlashAttribute("message", "已按平台数据重新计算");
            return ENTRIES + "/" + id;
        });
    }

    @PostMapping(ENTRIES + "/{id}/evidence")
    String attach(@PathVariable long id, @RequestParam(required = false) String criterion,
                  @RequestParam(required = false) String description,
                  @RequestParam(name = "file", required = false) MultipartFile file, CurrentUser user,
                  RedirectAttributes flash) {
        // a refused file answers 4xx with its reason (not a redirect), as every upload of the platform does
        Evidence e = cycle.attach(id, criterion, description, file == null || file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank() ? null
                : new Upload(file.getOriginalFilename(), file.getSize(), file::getBytes), user);
        flash.addFlashAttribute("message", "已添加佐证材料" + (e.fileName() == null ? "" : "：" + e.fileName()));
        return "redirect:" + ENTRIES + "/" + id;
    }

    @GetMapping(ENTRIES + "/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId, CurrentUser user) {
        Evidence e = cycle.evidenceRow(id, evidenceId, user);
        return Downloads.attachment(cycle.evidenceContent(id, evidenceId, user), e.fileName(), e.contentType());
    }

    @PostMapping(ENTRIES + "/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Integer version, CurrentUser user,
                  RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            Entry e = cycle.submit(id, version, user);
            flash.addFlashAttribute("message", "已提交，进入" + e.stage().label());
            return ENTRIES + "/" + id;
        });
    }

    @PostMapping(ENTRIES + "/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment,
                   @RequestParam(required = false) Integer version, CurrentUser user, RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            Entry e = cycle.approve(id, comment, version, user);
            flash.addFlashAttribute("message", "审核通过，进入" + e.stage().label());
            return ENTRIES + "/" + id;
        });
    }

    @PostMapping(ENTRIES + "/{id}/return")
    String returnBack(@PathVariable long id, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) Integer version, CurrentUser user, RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            Entry e = cycle.returnBack(id, reason, version, user);
            flash.addFlashAttribute("message", "已退回至" + e.stage().label());
            return ENTRIES + "/" + id;
        });
    }

    @PostMapping(ENTRIES + "/{id}/veto")
    String veto(@PathVariable long id, @RequestParam(required = false) String code,
                @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
                CurrentUser user, RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            cycle.veto(id, code, reason, version, user);
            flash.addFlashAttribute("message", "已记录一票否决");
            return ENTRIES + "/" + id;
        });
    }

    @PostMapping(ENTRIES + "/{id}/veto/lift")
    String liftVeto(@PathVariable long id, @RequestParam(required = false) String code,
                    @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
                    CurrentUser user, RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            cycle.liftVeto(id, code, reason, version, user);
            flash.addFlashAttribute("message", "已撤销一票否决");
            return ENTRIES + "/" + id;
        });
    }

    @PostMapping(ENTRIES + "/{id}/objections")
    String object(@PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedOn,
                  @RequestParam(required = false) String raisedBy, @RequestParam(required = false) String content,
                  CurrentUser user, RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            cycle.object(id, raisedOn, raisedBy, content, user);
            flash.addFlashAttribute("message", "已登记异议");
            return ENTRIES + "/" + id;
        });
    }

    @PostMapping(ENTRIES + "/{id}/objections/{objectionId}/answer")
    String answer(@PathVariable long id, @PathVariable long objectionId, @RequestParam(required = false) String answer,
                  @RequestParam(required = false) Boolean upheld, CurrentUser user, RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            cycle.answer(id, objectionId, answer, upheld, user);
            flash.addFlashAttribute("message", "已答复异议");
            return ENTRIES + "/" + id;
        });
    }

    @PostMapping(ENTRIES + "/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) Integer stars,
                    @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
                    CurrentUser user, RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            Entry e = cycle.withdraw(id, stars, reason, version, user);
            flash.addFlashAttribute("message", "已摘星，现为 " + e.stars() + " 星");
            return ENTRIES + "/" + id;
        });
    }

    @PostMapping(ENTRIES + "/{id}/restore")
    String restore(@PathVariable long id, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) Integer version, CurrentUser user, RedirectAttributes flash) {
        return act(flash, ENTRIES + "/" + id, () -> {
            cycle.restore(id, reason, version, user);
            flash.addFlashAttribute("message", "已恢复星级");
            return ENTRIES + "/" + id;
        });
    }

    /** Runs a write; a 400/409 goes back to the page with its reason, a 403/404 answers as it is. */
    private static String act(RedirectAttributes flash, String back, Supplier<String> write) {
        try {
            return "redirect:" + write.get();
        } catch (ZugongException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + back;
        }
    }
}

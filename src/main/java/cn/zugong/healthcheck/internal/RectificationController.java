package cn.zugong.healthcheck.internal;

import cn.zugong.closure.Attachment;
import cn.zugong.closure.ClosureFilter;
import cn.zugong.closure.ClosureItem;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosurePages;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.closure.Escalations;
import cn.zugong.closure.StepInput;
import cn.zugong.indicator.EvaluationViews.TrendPoint;
import cn.zugong.indicator.EvaluationViews;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import cn.zugong.shared.Upload;
import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.web.Downloads;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

/** 整改销号 pages: the list with filters, generating it, an item with its workflow actions, history and evidence. */
@Controller
class RectificationController {

    private static final String BASE = "/healthcheck/rectifications";

    private final Rectifications rectifications;
    private final ClosureItems items;
    private final ClosureWorkflow workflow;
    private final ClosurePages pages;
    private final Escalations escalations;
    private final EvaluationViews evaluationViews;
    private final OrgTree tree;
    private final Clock clock;

    RectificationController(Rectifications rectifications, ClosureItems items, ClosureWorkflow workflow,
                            ClosurePages pages, Escalations escalations, EvaluationViews evaluationViews, OrgTree tree,
                            Clock clock) {
        this.rectifications = rectifications;
        this.pages = pages;
        this.items = items;
        this.workflow = workflow;
        this.escalations = escalations;
        this.evaluationViews = evaluationViews;
        this.tree = tree;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(RectificationFilter asked, CurrentUser user, Model model) {
        String colour = asked.colour();
        Long unitId = asked.unitId();
        String category = Colour.RED.is(colour) || Colour.YELLOW.is(colour) ? colour : null;
        var filter = new ClosureFilter(Rectifications.KIND, asked.status(), category, asked.overdue(), unitId,
                asked.page(), 20);
        model.addAttribute("page", rectifications.page(user, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", cn.zugong.closure.ClosureStatus.values());
        model.addAttribute("unit", unitId == null ? null : tree.get(unitId, user.scope()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("canGenerate", user.role() == Role.ADMIN);
        model.addAttribute("rule", escalations.ruleText());
        return "healthcheck/rectifications";
    }

    /** 生成整改清单: every red warning of the evaluation in the administrator's scope. */
    @PostMapping(BASE)
    String generate(@RequestParam(required = false) Long evaluation, CurrentUser user, RedirectAttributes flash) {
        var done = rectifications.generate(user, evaluation);
        flash.addFlashAttribute("message", "已生成整改事项 " + done.created() + " 项（已在清单中的 " + done.skipped()
                + " 项未重复生成），整改期限 " + done.deadline() + "。");
        return "redirect:" + BASE;
    }

    /** 列入整改: one yellow (or red) warning selected on the indicator page. */
    @PostMapping(BASE + "/select")
    String select(@RequestParam(required = false) Long evaluation, @RequestParam long unitId,
                  @RequestParam String code, CurrentUser user, RedirectAttributes flash) {
        var done = rectifications.select(user, evaluation, unitId, code);
        flash.addFlashAttribute("message", done.created() == 1 ? "已列入整改清单。" : "该预警已在整改清单中。");
        return "redirect:" + BASE + "?unitId=" + unitId;
    }

    @GetMapping(BASE + "/{id}")
    String item(@PathVariable long id, CurrentUser user, Model model) {
        var line = rectifications.line(user, id);
        ClosureItem item = line.item();
        List<TrendPoint> later = evaluationViews.trend(HealthCheckViews.PACK, item.ownerNodeId(),
                line.source().indicatorCode()).stream().filter(p -> p.evaluationId() > line.source().evaluationId())
                .toList();
        model.addAttribute("line", line);
        model.addAttribute("item", item);
        model.addAttribute("later", later);
        model.addAttribute("latest", later.isEmpty() ? null : later.get(later.size() - 1));
        model.addAttribute("overdue", item.overdue(LocalDate.now(clock)));
        model.addAttribute("closure", pages.view(Rectifications.KIND, id, BASE + "/" + id, BASE + "/" + id, user));
        return "healthcheck/rectification";
    }

    /** One workflow step; a refused step comes back to the item with its reason. */
    @PostMapping(BASE + "/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @ModelAttribute StepInput input, CurrentUser user,
               RedirectAttributes flash) {
        rectifications.line(user, id);
        pages.step(Rectifications.KIND, id, action, input, user, flash);
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, CurrentUser user,
                  RedirectAttributes flash) throws IOException {
        rectifications.line(user, id);
        Attachment a = workflow.attach(id, new Upload(file.getOriginalFilename(), file.getSize(), file::getBytes), user);
        flash.addFlashAttribute("message", "已上传佐证材料：" + a.fileName());
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, CurrentUser user) {
        rectifications.line(user, id);
        Attachment.Content c = items.attachment(id, attachmentId, user);
        return Downloads.attachment(c.bytes(), c.attachment().fileName(), c.attachment().contentType());
    }
}

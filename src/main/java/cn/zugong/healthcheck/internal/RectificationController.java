package cn.zugong.healthcheck.internal;

import cn.zugong.closure.Attachment;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureFilter;
import cn.zugong.closure.ClosureItem;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosureRuleException;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.closure.Escalations;
import cn.zugong.indicator.EvaluationViews.TrendPoint;
import cn.zugong.indicator.EvaluationViews;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.shared.Upload;
import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.web.Downloads;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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

/** 整改销号 pages: the list with filters, generating it, an item with its workflow actions, history and evidence. */
@Controller
class RectificationController {

    private static final String BASE = "/healthcheck/rectifications";

    private final Rectifications rectifications;
    private final ClosureItems items;
    private final ClosureWorkflow workflow;
    private final Escalations escalations;
    private final EvaluationViews evaluationViews;
    private final OrgTree tree;
    private final Clock clock;

    RectificationController(Rectifications rectifications, ClosureItems items, ClosureWorkflow workflow,
                            Escalations escalations, EvaluationViews evaluationViews, OrgTree tree, Clock clock) {
        this.rectifications = rectifications;
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
        model.addAttribute("history", items.history(id, user));
        model.addAttribute("attachments", items.attachments(id, user));
        model.addAttribute("may", Arrays.stream(ClosureAction.values()).filter(a -> items.can(item, a, user))
                .map(Enum::name).toList());
        model.addAttribute("units", items.can(item, ClosureAction.TRANSFER, user) ? tree.units(user.scope()) : List.of());
        model.addAttribute("overdue", item.overdue(LocalDate.now(clock)));
        model.addAttribute("redTo", item.escalatedToNodeId() == null ? null
                : tree.byId(item.escalatedToNodeId()).map(n -> n.name()).orElse(null));
        return "healthcheck/rectification";
    }

    /** One workflow step; a refused step comes back to the item with its reason. */
    @PostMapping(BASE + "/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
               @RequestParam(required = false) String assignee,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
               @RequestParam(required = false) Long toUnitId, CurrentUser user, RedirectAttributes flash) {
        ClosureAction step = Arrays.stream(ClosureAction.values()).filter(a -> a.name().equalsIgnoreCase(action))
                .findFirst().orElseThrow(() -> new NotFoundException("没有这个操作：" + action));
        rectifications.line(user, id);
        try {
            switch (step) {
                case ASSIGN -> workflow.assign(id, assignee, deadline, note, user);
                case START -> workflow.start(id, note, user);
                case PROGRESS -> workflow.progress(id, note, user);
                case RESOLVE -> workflow.resolve(id, note, user);
                case VERIFY -> workflow.verify(id, note, user);
                case REJECT -> workflow.reject(id, note, user);
                case CLOSE -> workflow.close(id, note, user);
                case REOPEN -> workflow.reopen(id, note, deadline, user);
                case TRANSFER -> {
                    if (toUnitId == null) {
                        throw new ClosureRuleException("请选择转办单位");
                    }
                    workflow.transfer(id, toUnitId, note, deadline, user);
                }
                case INSTRUCT -> workflow.instruct(id, note, user);
                case ANSWER -> workflow.answer(id, note, user);
                default -> throw new NotFoundException("没有这个操作：" + action);
            }
            flash.addFlashAttribute("message", "已" + step.label() + "。");
        } catch (ClosureRuleException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
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

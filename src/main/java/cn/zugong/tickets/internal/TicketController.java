package cn.zugong.tickets.internal;

import cn.zugong.closure.Attachment;
import cn.zugong.closure.ClosurePages;
import cn.zugong.closure.ClosureRuleException;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.ClosureView;
import cn.zugong.closure.Escalation;
import cn.zugong.closure.Escalations;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Upload;
import cn.zugong.shared.Role;
import cn.zugong.shared.web.Downloads;
import cn.zugong.tickets.NewTicket;
import cn.zugong.tickets.ProblemTickets;
import cn.zugong.tickets.TicketSource;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 问题清单 pages: the list, raising a ticket, a ticket with its steps and history, the figures, the categories. */
@Controller
class TicketController {

    private static final String BASE = "/tickets";

    private final TicketService tickets;
    private final TicketCategories categories;
    private final TicketFigures figures;
    private final VisitLine visitLine;
    private final TicketFiguresExcel excel;
    private final Escalations escalations;
    private final ClosurePages pages;
    private final OrgTree tree;
    private final Clock clock;

    TicketController(TicketService tickets, TicketCategories categories, TicketFigures figures, TicketFiguresExcel excel,
                     Escalations escalations, ClosurePages pages, OrgTree tree, Clock clock, VisitLine visitLine) {
        this.visitLine = visitLine;
        this.pages = pages;
        this.tickets = tickets;
        this.categories = categories;
        this.figures = figures;
        this.excel = excel;
        this.escalations = escalations;
        this.tree = tree;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(@Valid TicketFilter asked, CurrentUser user, Model model) {
        TicketFilter filter = asked.sized(20);
        model.addAttribute("page", tickets.page(filter, user));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", ClosureStatus.values());
        model.addAttribute("levels", List.of(Escalation.REMINDER, Escalation.YELLOW_CARD, Escalation.RED_CARD));
        model.addAttribute("categories", categories.all());
        model.addAttribute("unit", unit(filter.unitId(), user));
        int year = LocalDate.now(clock).getYear();
        model.addAttribute("year", year);
        model.addAttribute("headline", figures.total(new FigureFilter(year, null, null, null, null, null, null), user));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("rule", escalations.ruleText());
        return "tickets/list";
    }

    @GetMapping(BASE + "/new")
    String form(@RequestParam(required = false) String visitId, CurrentUser user, Model model) {
        if (visitId == null || visitId.isBlank()) {
            return form(model, user, NewTicket.blank(), null);
        }
        var visit = tickets.visit(visitNumber(visitId), user);
        model.addAttribute("visit", visit);
        return form(model, user, TicketService.fromVisit(visit), null);
    }

    /** A refused field comes back to the form beside the field (400), with everything typed kept. */
    @PostMapping(BASE + "/new")
    String raise(@Valid @ModelAttribute("in") NewTicket in, BindingResult errors,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files, CurrentUser user,
                 Model model, HttpServletResponse response, RedirectAttributes flash) throws IOException {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, user, in, null);
        }
        // read only after the rights, the ticket's checks and the evidence policy's limits (issue 12)
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                uploads.add(new Upload(f.getOriginalFilename(), f.getSize(), f::getBytes));
            }
        }
        try {
            Ticket t = tickets.raise(in, uploads, user);
            flash.addFlashAttribute("message", "已登记问题 " + t.ticketNo() + "，等待分拣交办。");
            return "redirect:" + BASE + "/" + t.itemId();
        } catch (ConflictException | ClosureRuleException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return form(model, user, in, e.getMessage());
        }
    }

    private static long visitNumber(String visitId) {
        try {
            return Long.parseLong(visitId.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException("走访记录不存在：" + visitId);
        }
    }

    private String form(Model model, CurrentUser user, NewTicket in, String error) {
        model.addAttribute("in", in);
        model.addAttribute("error", error);
        model.addAttribute("categories", categories.active());
        model.addAttribute("sources", TicketSource.values());
        model.addAttribute("units", tree.units(user.scope()));
        model.addAttribute("cadre", user.role() == Role.CADRE);
        return "tickets/form";
    }

    @GetMapping(BASE + "/{id}")
    String ticket(@PathVariable long id, CurrentUser user, Model model) {
        Ticket t = tickets.get(id, user);
        ClosureView closure = pages.view(ProblemTickets.KIND, id, BASE + "/" + id, BASE + "/" + id, user);
        model.addAttribute("t", t);
        model.addAttribute("closure", closure);
        model.addAttribute("callbacks", tickets.callbacks(t));
        model.addAttribute("categories", categories.active());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("overdue", t.overdue(LocalDate.now(clock)));
        return "tickets/ticket";
    }

    /** One step; a refused step comes back to the ticket with its reason. */
    @PostMapping(BASE + "/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @ModelAttribute TicketStepForm form,
               CurrentUser user, RedirectAttributes flash) {
        tickets.get(id, user);
        pages.step(ProblemTickets.KIND, id, action, form.input(), user, flash);
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, CurrentUser user,
                  RedirectAttributes flash) throws IOException {
        Attachment a = tickets.attach(id, new Upload(file.getOriginalFilename(), file.getSize(), file::getBytes), user);
        flash.addFlashAttribute("message", "已上传佐证材料：" + a.fileName());
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, CurrentUser user) {
        Attachment.Content c = tickets.attachment(id, attachmentId, user);
        return Downloads.attachment(c.bytes(), c.attachment().fileName(), c.attachment().contentType());
    }

    @GetMapping(BASE + "/figures")
    String figures(@Valid FigureFilter asked, CurrentUser user, Model model) {
        FigureFilter filter = asked.inYear(LocalDate.now(clock).getYear());
        Figures f = figures.figures(filter, user);
        model.addAttribute("f", f);
        // visits have no category: the seed's sentence is shown for all categories only
        model.addAttribute("seedSentence", filter.category() == null || filter.category().isBlank()
                ? visitLine.of(filter, user, LocalDate.now(clock)).sentence(f.total()) : null);
        model.addAttribute("filter", filter);
        model.addAttribute("categories", categories.all());
        model.addAttribute("unit", unit(filter.unitId(), user));
        return "tickets/figures";
    }

    @GetMapping(BASE + "/figures.xlsx")
    ResponseEntity<byte[]> figuresExcel(@Valid FigureFilter asked, CurrentUser user) {
        FigureFilter filter = asked.inYear(LocalDate.now(clock).getYear());
        byte[] book = excel.write(figures.figures(filter, user), user.scopeName());
        String name = "问题清单销号统计" + (filter.year() == null ? "" : "-" + filter.year()) + ".xlsx";
        return Downloads.attachment(book, name, Downloads.XLSX);
    }

    /** The unit a filter names, for its heading; a cadre's filters are over the own tickets, not a unit. */
    private OrgNode unit(Long unitId, CurrentUser user) {
        return unitId == null || user.role() == Role.CADRE ? null : tree.get(unitId, user.scope());
    }

    @GetMapping(BASE + "/categories")
    String categories(CurrentUser user, Model model) {
        model.addAttribute("categories", categories.all());
        model.addAttribute("mayEdit", categories.mayEdit(user));
        return "tickets/categories";
    }

    @PostMapping(BASE + "/categories/{code}")
    String updateCategory(@PathVariable String code, @Valid CategoryChange change, CurrentUser user,
                          RedirectAttributes flash) {
        TicketCategory c = categories.update(code, change.slaDays(), Boolean.TRUE.equals(change.active()), user);
        flash.addFlashAttribute("message", "已保存「" + c.name() + "」：处理时限 " + c.slaDays() + " 天"
                + (c.active() ? "" : "（停用）") + "。");
        return "redirect:" + BASE + "/categories";
    }
}

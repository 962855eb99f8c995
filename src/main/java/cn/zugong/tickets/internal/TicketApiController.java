package cn.zugong.tickets.internal;

import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureEvent;
import cn.zugong.closure.ClosurePages;
import cn.zugong.closure.ClosureStep;
import cn.zugong.closure.ClosureView;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.closure.StepInput;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import cn.zugong.tickets.NewTicket;
import cn.zugong.shared.web.Forms;
import cn.zugong.tickets.ProblemTickets;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 问题清单 JSON API: the same rules as the pages (scope, roles, Chinese refusals: 404 / 403 / 409). */
@RestController
@RequestMapping("/api/tickets")
class TicketApiController {

    /** A new ticket; {@code visitId} is kept as the source reference of a ticket raised from a visit. */
    record TicketRequest(String category, String source, String sourceRef, String visitId, Long unitId, String title,
                         String description, String requesterName, String requesterPhone, String cadreUsername,
                         String cadreName) {
        NewTicket ticket() {
            String ref = sourceRef == null || sourceRef.isBlank() ? visitId : sourceRef;
            return new NewTicket(category, source, ref, unitId, title, description, requesterName, requesterPhone,
                    cadreUsername, cadreName);
        }
    }

    record Detail(Ticket ticket, List<String> actions, List<Callback> callbacks, List<ClosureEvent> history) {
    }

    private final TicketService tickets;
    private final ClosureWorkflow workflow;
    private final ClosurePages pages;
    private final TicketCategories categories;
    private final TicketFigures figures;
    private final Clock clock;
    private final Validator validator;

    TicketApiController(TicketService tickets, ClosureWorkflow workflow, ClosurePages pages,
                        TicketCategories categories, TicketFigures figures, Clock clock, Validator validator) {
        this.validator = validator;
        this.tickets = tickets;
        this.workflow = workflow;
        this.pages = pages;
        this.categories = categories;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping
    PageResult<Ticket> list(@Valid TicketFilter filter, CurrentUser user) {
        return tickets.page(filter, user);
    }

    /** A refused field answers 400 with the list of fields and their Chinese messages; nothing is written. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Ticket raise(@RequestBody TicketRequest request, CurrentUser user) throws BindException {
        NewTicket ticket = request.ticket();
        Forms.check(ticket, "ticket", validator);
        return tickets.raise(ticket, List.of(), user);
    }

    /** The ticket, the steps the caller may take now (ATTACH: may upload evidence), its callbacks and history. */
    @GetMapping("/{id}")
    Detail ticket(@PathVariable long id, CurrentUser user) {
        Ticket t = tickets.get(id, user);
        ClosureView v = pages.view(ProblemTickets.KIND, id, null, null, user);
        List<String> actions = new ArrayList<>(v.steps().stream().map(ClosureStep::name).toList());
        if (v.mayAttach()) {
            actions.add(ClosureAction.ATTACH.name());
        }
        return new Detail(t, actions, tickets.callbacks(t), v.history());
    }

    /** One step: triage, transfer, start, progress, resolve, callback, verify, reject, close, reopen, instruct, answer. */
    @PostMapping("/{id}/{action}")
    Ticket act(@PathVariable long id, @PathVariable String action,
               @RequestBody(required = false) TicketStepForm input, CurrentUser user) {
        tickets.get(id, user);
        workflow.apply(ProblemTickets.KIND, id, action, input == null ? StepInput.NONE : input.input(), user);
        return tickets.get(id, user);
    }

    @GetMapping("/figures")
    Figures figures(@Valid FigureFilter filter, CurrentUser user) {
        return figures.figures(filter.inYear(LocalDate.now(clock).getYear()), user);
    }

    @GetMapping("/categories")
    List<TicketCategory> categories() {
        return categories.all();
    }
}

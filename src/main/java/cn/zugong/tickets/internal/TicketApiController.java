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
import cn.zugong.tickets.ProblemTickets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    TicketApiController(TicketService tickets, ClosureWorkflow workflow, ClosurePages pages,
                        TicketCategories categories, TicketFigures figures, Clock clock) {
        this.tickets = tickets;
        this.workflow = workflow;
        this.pages = pages;
        this.categories = categories;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping
    PageResult<Ticket> list(@RequestParam(required = false) String status,
                            @RequestParam(required = false) String category,
                            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Long unitId,
                            @RequestParam(required = false) Integer escalation,
                            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size, CurrentUser user) {
        return tickets.page(new TicketFilter(status, category, overdue, unitId, escalation, q, page, size), user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Ticket raise(@RequestBody TicketRequest request, CurrentUser user) {
        return tickets.raise(request.ticket(), List.of(), user);
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
    Figures figures(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
                    @RequestParam(required = false) Integer month, @RequestParam(required = false) String category,
                    @RequestParam(required = false) Long unitId, @RequestParam(required = false) String cadre,
                    @RequestParam(required = false) String by, CurrentUser user) {
        return figures.figures(new FigureFilter(FigureFilter.year(year, LocalDate.now(clock).getYear()),
                quarter, month, category, unitId, cadre, by), user);
    }

    @GetMapping("/categories")
    List<TicketCategory> categories() {
        return categories.all();
    }
}

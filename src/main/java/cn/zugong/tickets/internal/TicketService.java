package cn.zugong.tickets.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.Attachment;
import cn.zugong.closure.ClosureEvent;
import cn.zugong.closure.ClosureItem;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosurePermissions;
import cn.zugong.closure.ClosureRuleException;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.closure.NewClosureItem;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.service.VisitSummary;
import cn.zugong.service.Visits;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Upload;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.Role;
import cn.zugong.shared.Text;
import cn.zugong.tickets.NewTicket;
import cn.zugong.tickets.ProblemTickets;
import cn.zugong.tickets.TicketSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 问题清单: raising and reading problem tickets, and the ticket's own steps on the closure workflow — triage
 * (分拣交办) and callback (回访), taken through {@link TicketSteps}; the workflow takes the others itself. Who sees a
 * ticket is {@link Visibility}; who may take a workflow step is the closure module's rule, except the callback,
 * which the ticket's own cadre or raiser may record too.
 */
@Service
public class TicketService {

    /** A file brought with a new ticket. */
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

    private final TicketRepository repository;
    private final TicketCategories categories;
    private final ClosureItems items;
    private final ClosureWorkflow workflow;
    private final OrgTree tree;
    private final Accounts accounts;
    private final WorkCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    private final Visits visits;

    TicketService(TicketRepository repository, TicketCategories categories, ClosureItems items,
                  ClosureWorkflow workflow, OrgTree tree, Accounts accounts, WorkCalendar calendar, AuditTrail audit,
                  Clock clock, Visits visits) {
        this.visits = visits;
        this.repository = repository;
        this.categories = categories;
        this.items = items;
        this.workflow = workflow;
        this.tree = tree;
        this.accounts = accounts;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- raising ---------------------------------------------------------------------------------------------

    /**
     * Registers the ticket with the chosen unit (inside the raiser's scope) as its first responsible unit and a
     * provisional deadline from the category's SLA, stores its details and the evidence; all or nothing.
     */
    @Transactional
    public Ticket raise(NewTicket in, List<Upload> files, CurrentUser user) {
        if (user.role().isSecurityOfficer()) {
            throw new ForbiddenException("安全管理员不能登记问题");
        }
        TicketCategory category = categories.require(in.category());
        TicketSource source = TicketSource.parse(in.source()).orElseThrow(() -> new ConflictException("请选择问题来源"));
        String description = Text.required(in.description(), "问题描述", 2000);
        String given = Text.optional(in.title(), "问题标题", 200);
        String title = given == null ? firstLine(description) : given;
        if (in.unitId() == null) {
            throw new ConflictException("请选择问题涉及的单位");
        }
        OrgNode unit = tree.get(in.unitId(), user.scope());
        if (!unit.isUnit()) {
            throw new ConflictException("问题涉及的单位须为单位：「" + unit.name() + "」不是单位");
        }
        String phone = Text.blankToNull(in.requesterPhone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new ConflictException("请求人联系电话格式不正确：只能是 5–20 位数字");
        }
        VisitSummary visit = source == TicketSource.VISIT ? visitOf(in.sourceRef(), user) : null;
        // a ticket from a visit belongs to the cadre who made the visit
        String cadreUsername = visit != null ? visit.cadreUsername()
                : user.role() == Role.CADRE ? user.username() : Text.blankToNull(in.cadreUsername());
        String cadreName = visit != null ? visit.cadreName()
                : user.role() == Role.CADRE ? user.displayName() : Text.blankToNull(in.cadreName());
        if (visit == null && cadreUsername != null && user.role() != Role.CADRE && !accounts.exists(cadreUsername)) {
            throw new ConflictException("服务干部账号不存在：" + cadreUsername);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate deadline = slaDeadline(category, now.toLocalDate());
        ClosureItem item = items.register(new NewClosureItem(ProblemTickets.KIND, "T-" + UUID.randomUUID(), unit.id(),
                category.code(), title, description, deadline), user);
        String number = number(now.getYear(), item.id());
        repository.insert(new TicketRepository.Row(item.id(), number, category.code(), source,
                Text.optional(in.sourceRef(), "来源编号", 100), title, description,
                Text.optional(in.requesterName(), "请求人姓名", 50), phone, unit.id(), user.username(),
                user.displayName(), now, Text.optional(cadreUsername, "服务干部账号", 50),
                Text.optional(cadreName, "服务干部姓名", 50)));
        for (Upload f : files) {
            workflow.attachToRegistration(item.id(), f, user);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("ticketNo", number);
        after.put("category", category.code());
        after.put("source", source.name());
        after.put("unit", unit.id());
        after.put("cadre", cadreUsername);
        after.put("files", files.size());
        audit.record(new AuditEvent(AuditAction.CREATE, "problem_ticket", String.valueOf(item.id()),
                "登记问题 " + number + "：" + title, null, after, null));
        return repository.find(item.id()).orElseThrow();
    }

    /**
     * The visit a ticket comes from: its number must name a visit the caller may see (a cadre: only the own
     * visits), else 404 like every record outside what one may see.
     */
    private VisitSummary visitOf(String sourceRef, CurrentUser user) {
        String ref = Text.blankToNull(sourceRef);
        if (ref == null) {
            throw new ConflictException("来源为走访时，请填写走访记录编号（从走访记录页面“由此次走访登记问题”进入会自动填写）");
        }
        long id;
        try {
            id = Long.parseLong(ref.strip());
        } catch (NumberFormatException e) {
            throw new ConflictException("走访记录编号应为数字：" + ref);
        }
        return visits.get(id, user);
    }

    /** The visit a ticket is started from (404 if the caller may not see it). */
    public VisitSummary visit(long visitId, CurrentUser user) {
        return visits.get(visitId, user);
    }

    /** A blank ticket started from a visit: its source, unit, requester and cadre filled in from the visit. */
    public static NewTicket fromVisit(VisitSummary v) {
        return new NewTicket(null, TicketSource.VISIT.name(), String.valueOf(v.id()), v.nodeId(), null, null, v.whom(),
                null, v.cadreUsername(), v.cadreName());
    }

    /** WT2026-000123: the year raised and the closure item's id. */
    static String number(int year, long itemId) {
        return "WT" + year + "-" + String.format("%06d", itemId);
    }

    // ---- reading -----------------------------------------------------------------------------------------

    public Ticket get(long id, CurrentUser user) {
        return repository.find(id).filter(t -> Visibility.sees(user, t))
                .orElseThrow(() -> new NotFoundException("问题不存在或不在您的查看范围内：" + id));
    }

    /** The progress of tickets by item id, for their raisers outside the office (see ProblemTickets#progress). */
    public Map<Long, cn.zugong.tickets.TicketProgress> progress(java.util.Collection<Long> itemIds) {
        return itemIds.isEmpty() ? Map.of() : repository.progress(itemIds);
    }

    public PageResult<Ticket> page(TicketFilter filter, CurrentUser user) {
        if (filter.unitId() != null && user.role() != Role.CADRE) {
            tree.get(filter.unitId(), user.scope());
        }
        return repository.page(filter, Visibility.of(user), LocalDate.now(clock));
    }

    /** The closure history, if the caller's scope covers the current unit (a raiser elsewhere sees none). */
    public List<ClosureEvent> history(Ticket t, CurrentUser user) {
        return closureItem(t, user) == null ? List.of() : items.history(t.itemId(), user);
    }

    public Attachment.Content attachment(long id, long attachmentId, CurrentUser user) {
        Ticket t = get(id, user);
        if (closureItem(t, user) == null) {
            throw new NotFoundException("佐证材料不存在：" + attachmentId);
        }
        return items.attachment(t.itemId(), attachmentId, user);
    }

    public List<Callback> callbacks(Ticket t) {
        return repository.callbacks(t.itemId());
    }

    // ---- the workflow ------------------------------------------------------------------------------------

    /**
     * 分拣交办 by an administrator above: confirms the category, chooses the responsible unit (a transfer if it
     * is another one) and assigns with the deadline from the category's SLA counted from today, or the one given.
     */
    @Transactional
    public Ticket triage(long id, String categoryCode, Long unitId, LocalDate deadline, String assignee, String note,
                         CurrentUser user) {
        Ticket t = get(id, user);
        ClosureItem item = items.get(id, user);
        if (!items.permissions(item, user).dispatch()) {
            throw new ForbiddenException("只有上级组织部管理员可以分拣交办");
        }
        if (t.status() != ClosureStatus.REGISTERED) {
            throw new ClosureRuleException("当前状态为「" + t.status().label() + "」，不能分拣交办：只有「已登记」的问题可以分拣交办");
        }
        TicketCategory category = categories.require(categoryCode == null || categoryCode.isBlank()
                ? t.categoryCode() : categoryCode);
        LocalDate due = deadline != null ? deadline : slaDeadline(category, LocalDate.now(clock));
        ClosureItem after;
        if (unitId != null && unitId != t.ownerNodeId()) {
            String reason = note == null || note.isBlank() ? "分拣交办（" + category.name() + "）" : note;
            after = workflow.transfer(id, unitId, reason, due, user);
        } else {
            after = workflow.assign(id, assignee, due, note, user);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        repository.triaged(id, category.code(), now);
        audit.record(new AuditEvent(AuditAction.UPDATE, "problem_ticket", String.valueOf(id),
                "分拣交办 " + t.ticketNo() + "：" + category.name() + "，处理时限 " + category.slaDays() + " 天，期限 "
                        + after.deadline(), Map.of("category", t.categoryCode(), "unit", t.ownerNodeId()),
                Map.of("category", category.code(), "unit", after.ownerNodeId(), "deadline",
                        String.valueOf(after.deadline())), null));
        return get(id, user);
    }

    /**
     * 回访: the requester's satisfaction with the result, recorded by the ticket's cadre or raiser, or by a reviewer
     * or administrator above the unit; once per resolution. 不满意 sends the ticket back to the unit with the
     * callback note as the reason (ADR 031).
     */
    @Transactional
    public Ticket callback(long id, String satisfactionValue, String note, CurrentUser user) {
        Ticket t = get(id, user);
        ClosureItem item = closureItem(t, user);
        ClosurePermissions p = item == null ? new ClosurePermissions(false, false, false, false)
                : items.permissions(item, user);
        if (!own(t, user) && !p.verify()) {
            throw new ForbiddenException("只有提出问题的服务干部、登记人或上级审核员、组织部管理员可以回访");
        }
        if (t.status() != ClosureStatus.RESOLVED) {
            throw new ClosureRuleException("当前状态为「" + t.status().label() + "」，不能回访：只有「已办结待核验」的问题可以回访");
        }
        if (t.calledBackSinceResolved()) {
            throw new ClosureRuleException("本次办结已回访（" + t.satisfaction().label() + "），不能重复回访");
        }
        Satisfaction satisfaction = Satisfaction.parse(satisfactionValue)
                .orElseThrow(() -> new ConflictException("请选择回访满意度（满意 / 基本满意 / 不满意）"));
        String text = Text.blankToNull(note);
        if (satisfaction == Satisfaction.UNSATISFIED && text == null) {
            throw new ConflictException("回访不满意时请填写回访情况（不满意的原因）");
        }
        text = Text.optional(text, "回访情况", 1000);
        LocalDateTime now = LocalDateTime.now(clock);
        repository.callback(id, now, user.username(), user.displayName(), satisfaction, text);
        audit.record(new AuditEvent(AuditAction.CREATE, "ticket_callback", String.valueOf(id),
                "回访 " + t.ticketNo() + "：" + satisfaction.label() + (text == null ? "" : "，" + text), null,
                Map.of("satisfaction", satisfaction.name()), null));
        if (satisfaction == Satisfaction.UNSATISFIED) {
            String reason = "回访不满意：" + text;
            if (p.verify()) {
                workflow.reject(id, reason, user);
            } else {
                workflow.rejectByRule(ProblemTickets.KIND, id, reason, user);
            }
        }
        return get(id, user);
    }

    @Transactional
    public Attachment attach(long id, Upload upload, CurrentUser user) {
        get(id, user);
        return workflow.attach(id, upload, user);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** The SLA in calendar days from {@code from}, moved off a holiday to the next working day. */
    LocalDate slaDeadline(TicketCategory category, LocalDate from) {
        return calendar.onOrNextWorkday(from.plusDays(category.slaDays()));
    }

    /** Who may record the callback: the ticket's cadre or raiser, or a reviewer or administrator above. */
    boolean mayCallBack(Ticket t, CurrentUser user, ClosurePermissions p) {
        return t.status() == ClosureStatus.RESOLVED && !t.calledBackSinceResolved() && (own(t, user) || p.verify());
    }

    private static boolean own(Ticket t, CurrentUser user) {
        return user.username().equals(t.raisedBy()) || user.username().equals(t.cadreUsername());
    }

    /** The closure item when the caller's scope covers the current unit, else null. */
    private ClosureItem closureItem(Ticket t, CurrentUser user) {
        if (!user.scope().contains(t.ownerPath()) || user.role().isSecurityOfficer()) {
            return null;
        }
        return items.get(t.itemId(), user);
    }

    private static String firstLine(String description) {
        String line = description.lines().findFirst().orElse(description).strip();
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}

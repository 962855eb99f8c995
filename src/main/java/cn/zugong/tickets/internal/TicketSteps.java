package cn.zugong.tickets.internal;

import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureItem;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosureKind;
import cn.zugong.closure.ClosurePermissions;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.ExtraStep;
import cn.zugong.closure.ExtraSteps;
import cn.zugong.closure.StepInput;
import cn.zugong.shared.CurrentUser;
import cn.zugong.tickets.ProblemTickets;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * What a problem ticket adds to the closure workflow: 分拣交办 (the first assignment, with the category's SLA, in
 * place of 交办 and 转办), 回访 (the requester's satisfaction, before 核验), and 核验 only after a satisfied callback.
 * The workflow takes every other step itself ({@link cn.zugong.closure.ClosureWorkflow#apply}).
 */
@Component
class TicketSteps implements ExtraSteps {

    static final ExtraStep TRIAGE = new ExtraStep("TRIAGE", "分拣交办", "说明 / 理由",
            Set.of(ClosureAction.ASSIGN, ClosureAction.TRANSFER));
    static final ExtraStep CALLBACK = new ExtraStep("CALLBACK", "回访", "回访情况", Set.of());

    /** The form fields of the extra steps beside the standard ones. */
    static final String CATEGORY = "category";
    static final String SATISFACTION = "satisfaction";

    private final TicketService tickets;
    private final TicketRepository repository;
    private final ClosureItems items;

    TicketSteps(TicketService tickets, TicketRepository repository, ClosureItems items) {
        this.tickets = tickets;
        this.repository = repository;
        this.items = items;
    }

    /**
     * An administrator above the responsible unit dispatches a ticket, by 分拣交办 rather than 交办; a ticket is
     * 开始办理 where a rectification is 开始整改.
     */
    @Bean
    ClosureKind problemTicketKind() {
        return ClosureKind.dispatchedFromAbove(ProblemTickets.KIND)
                .onlyActions(ClosureAction.TRANSFER, ClosureAction.START, ClosureAction.PROGRESS,
                        ClosureAction.RESOLVE, ClosureAction.VERIFY, ClosureAction.REJECT, ClosureAction.CLOSE,
                        ClosureAction.REOPEN, ClosureAction.INSTRUCT, ClosureAction.ANSWER)
                .labelled(ClosureAction.START, "开始办理", "办理措施")
                .labelled(ClosureAction.PROGRESS, "更新办理情况", "办理措施")
                .labelled(ClosureAction.RESOLVE, "办结", "办理结果")
                .withExtraSteps(this);
    }

    @Override
    public List<ExtraStep> steps() {
        return List.of(TRIAGE, CALLBACK);
    }

    @Override
    public boolean offers(ExtraStep step, long itemId, ClosureItem item, CurrentUser user) {
        ClosurePermissions p = item == null ? new ClosurePermissions(false, false, false, false)
                : items.permissions(item, user);
        if (step.equals(TRIAGE)) {
            return item != null && item.status() == ClosureStatus.REGISTERED && p.dispatch();
        }
        return repository.find(itemId).map(t -> tickets.mayCallBack(t, user, p)).orElse(false);
    }

    @Override
    public void take(ExtraStep step, long itemId, StepInput in, CurrentUser user) {
        if (step.equals(TRIAGE)) {
            tickets.triage(itemId, in.field(CATEGORY), in.toUnitId(), in.deadline(), in.assignee(), in.note(), user);
        } else {
            tickets.callback(itemId, in.field(SATISFACTION), in.note(), user);
        }
    }

    @Override
    public String refuses(ClosureAction action, ClosureItem item) {
        if (action == ClosureAction.VERIFY && item.status() == ClosureStatus.RESOLVED
                && repository.find(item.id()).filter(Ticket::readyForVerification).isEmpty()) {
            return "尚未回访请求人，不能核验：请先回访，满意或基本满意后方可核验";
        }
        return null;
    }
}

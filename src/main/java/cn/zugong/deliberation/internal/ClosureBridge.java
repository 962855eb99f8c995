package cn.zugong.deliberation.internal;

import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosureKind;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.closure.NewClosureItem;
import cn.zugong.deliberation.Matter;
import cn.zugong.deliberation.Meeting;
import cn.zugong.deliberation.Outcome;
import cn.zugong.shared.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Puts decided matters on the shared closure workflow; a matter's closure status is read from its item
 * (ADR 044). A sitting's decision is
 * the dispatch of the matter, so the kind is declared dispatched by its owner ({@link ClosureKind}): the
 * community's user who held the sitting 交办 it to the responsible party under their own name and records the
 * decision as the measures; the community reports it 办结 when the
 * responsible party has carried it out (a 私事 the residents settled at the sitting is 办结 at once).
 * Verification and 销号 stay with a reviewer or administrator above the community, as for every kind.
 */
@Component
public class ClosureBridge {

    public static final String KIND = cn.zugong.deliberation.Matters.KIND;
    private static final String REF = "sanshi/";

    private final ClosureItems items;
    private final ClosureWorkflow workflow;
    private final DeliberationRepository repository;

    /**
     * The sitting decides who carries a matter out: the community dispatches its own matters, and 交办 and 开始
     * come from the sitting ({@link #carryOut}), so its page takes only the steps after.
     */
    @Bean
    static ClosureKind sanshiMatterKind() {
        return ClosureKind.dispatchedByOwner(KIND).onlyActions(ClosureAction.RESOLVE, ClosureAction.VERIFY,
                ClosureAction.REJECT, ClosureAction.CLOSE, ClosureAction.REOPEN)
                .labelled(ClosureAction.START, "开始办理")
                .labelled(ClosureAction.RESOLVE, "办结", "办理结果");
    }

    ClosureBridge(ClosureItems items, ClosureWorkflow workflow, DeliberationRepository repository) {
        this.items = items;
        this.workflow = workflow;
        this.repository = repository;
    }

    /**
     * Registers, dispatches and starts one item per decided matter (resolving those the residents settled) (called inside the sitting's
     * transaction); returns the closure item id per matter id.
     */
    public Map<Long, Long> carryOut(Meeting meeting, List<Map.Entry<Matter, Outcome>> decided, CurrentUser user) {
        if (decided.isEmpty()) {
            return Map.of();
        }
        List<NewClosureItem> fresh = decided.stream().map(e -> new NewClosureItem(KIND, REF + e.getKey().id(),
                meeting.communityNodeId(), e.getKey().kind().name(), e.getKey().title(),
                e.getKey().description(), e.getValue().deadline())).toList();
        Map<String, Long> ids = items.registerAll(fresh, user, meeting.communityName() + " "
                + meeting.level().label() + "（" + meeting.date() + "）议定事项");
        Map<Long, Long> itemByMatter = new LinkedHashMap<>();
        decided.forEach(e -> itemByMatter.put(e.getKey().id(), ids.get(REF + e.getKey().id())));
        repository.linkClosure(itemByMatter);
        for (Map.Entry<Matter, Outcome> e : decided) {
            long item = itemByMatter.get(e.getKey().id());
            Outcome o = e.getValue();
            workflow.assign(item, o.responsible(), null, "经" + meeting.level().label() + "（" + meeting.date()
                    + "）议定，由「" + o.responsible() + "」办理", user);
            workflow.start(item, o.decision(), user);
            // a decision still has to be carried out by its 责任方 (and escalates when overdue); only a 私事 the
            // residents settled at the sitting itself is done there and then
            if (Boolean.TRUE.equals(o.settledByResidents())) {
                workflow.resolve(item, resolution(meeting, o), user);
            }
        }
        return itemByMatter;
    }

    static String resolution(Meeting meeting, Outcome o) {
        return meeting.level().label() + "（" + meeting.date() + "）议定：" + o.decision() + "；责任方：" + o.responsible()
                + "；办理期限：" + o.deadline() + (Boolean.TRUE.equals(o.settledByResidents()) ? "；居民自行协商解决" : "");
    }
}

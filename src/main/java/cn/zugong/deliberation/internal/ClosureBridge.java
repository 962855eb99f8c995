package cn.zugong.deliberation.internal;

import cn.zugong.closure.ClosureEvents;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.closure.NewClosureItem;
import cn.zugong.deliberation.Matter;
import cn.zugong.deliberation.Meeting;
import cn.zugong.deliberation.Outcome;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts decided matters on the shared closure workflow and mirrors its status back. A sitting's decision is
 * the dispatch of the matter: the workflow lets only an administrator above the owner 交办, so the step is
 * taken by the deliberation platform acting for the township above the community (see docs/adr/032); the
 * community's own user then records the decision as the measures and resolves the item with the outcome.
 * Verification and 销号 stay with a reviewer or administrator above the community, as for every kind.
 */
@Component
public class ClosureBridge {

    public static final String KIND = cn.zugong.deliberation.Matters.KIND;
    private static final String REF = "sanshi/";

    private final ClosureItems items;
    private final ClosureWorkflow workflow;
    private final DeliberationRepository repository;
    private final OrgTree tree;

    ClosureBridge(ClosureItems items, ClosureWorkflow workflow, DeliberationRepository repository, OrgTree tree) {
        this.items = items;
        this.workflow = workflow;
        this.repository = repository;
        this.tree = tree;
    }

    /**
     * Registers, dispatches, starts and resolves one item per decided matter (called inside the sitting's
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
        CurrentUser platform = platformFor(meeting);
        for (Map.Entry<Matter, Outcome> e : decided) {
            long item = itemByMatter.get(e.getKey().id());
            Outcome o = e.getValue();
            workflow.assign(item, o.responsible(), null, "经" + meeting.level().label() + "（" + meeting.date()
                    + "）议定，由「" + o.responsible() + "」办理", platform);
            workflow.start(item, o.decision(), user);
            workflow.resolve(item, resolution(meeting, o), user);
        }
        return itemByMatter;
    }

    private static String resolution(Meeting meeting, Outcome o) {
        return meeting.level().label() + "（" + meeting.date() + "）议定：" + o.decision() + "；责任方：" + o.responsible()
                + "；办理期限：" + o.deadline() + (Boolean.TRUE.equals(o.settledByResidents()) ? "；居民自行协商解决" : "");
    }

    /** The deliberation platform acting for the township (the node above the community) in the dispatch step. */
    private CurrentUser platformFor(Meeting meeting) {
        OrgNode community = tree.byId(meeting.communityNodeId()).orElseThrow();
        OrgNode above = tree.byId(community.parentId()).orElseThrow();
        return new CurrentUser(0, "sanshi-platform", "三事分流议事平台（" + above.name() + "）", Role.ADMIN,
                above.asScope(), above.name());
    }

    @EventListener
    void registered(ClosureEvents.ItemRegistered e) {
        if (KIND.equals(e.kind())) {
            repository.closureStatus(matterId(e.sourceRef()), ClosureStatus.REGISTERED);
        }
    }

    @EventListener
    void changed(ClosureEvents.StatusChanged e) {
        if (KIND.equals(e.kind())) {
            repository.closureStatus(matterId(e.sourceRef()), e.to());
        }
    }

    private static long matterId(String sourceRef) {
        return Long.parseLong(sourceRef.substring(REF.length()));
    }
}

package cn.zugong.closure;

import cn.zugong.closure.internal.ClosureAccess;
import cn.zugong.closure.internal.ClosureKinds;
import cn.zugong.closure.internal.ClosureRepository;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ZugongException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an owning module's item page needs of the workflow: the {@link ClosureView} it hands to the shared fragment
 * ({@code templates/fragments/closure.html}) and the step its forms post.
 */
@Service
public class ClosurePages {

    private final ClosureRepository repository;
    private final ClosureItems items;
    private final ClosureWorkflow workflow;
    private final Escalations escalations;
    private final OrgTree tree;
    private final ClosureKinds kinds;

    ClosurePages(ClosureRepository repository, ClosureItems items, ClosureWorkflow workflow, Escalations escalations,
                 OrgTree tree, ClosureKinds kinds) {
        this.kinds = kinds;
        this.repository = repository;
        this.items = items;
        this.workflow = workflow;
        this.escalations = escalations;
        this.tree = tree;
    }

    /**
     * The view of an item of {@code kind} for the user; steps post to {@code stepBase + "/" + step}, evidence goes
     * to {@code evidenceBase + "/attachments"} (null: the page shows no evidence). The page has checked that
     * the user may see its own record; the item itself may still be outside the user's scope.
     */
    public ClosureView view(String kind, long itemId, String stepBase, String evidenceBase, CurrentUser user) {
        List<ClosureStep> steps = workflow.offered(kind, itemId, user);
        ClosureItem item = repository.find(itemId).filter(i -> i.kind().equals(kind) && ClosureAccess.sees(user, i))
                .orElse(null);
        if (item == null) {
            return new ClosureView(null, stepBase, steps, false, evidenceBase, List.of(), List.of(), List.of(),
                    escalations.ruleText(), null, units(steps, user), kinds.get(kind));
        }
        List<ClosureEvent> history = items.history(itemId, user);
        return new ClosureView(item, stepBase, steps, items.can(item, ClosureAction.ATTACH, user), evidenceBase,
                evidenceBase == null ? List.of() : items.attachments(itemId, user), history,
                history.stream().filter(e -> e.action() == ClosureAction.ESCALATE).toList(), escalations.ruleText(),
                item.escalatedToNodeId() == null ? null
                        : tree.byId(item.escalatedToNodeId()).map(OrgNode::name).orElse(null),
                units(steps, user), kinds.get(kind));
    }

    /** The units a step may send the item to (转办, or a kind's step standing in for it), listed only then. */
    private List<OrgNode> units(List<ClosureStep> steps, CurrentUser user) {
        return steps.stream().anyMatch(ClosureStep::choosesUnit) ? tree.units(user.scope()) : List.of();
    }

    /**
     * Takes a step posted from an item's page ({@link ClosureWorkflow#apply}) and leaves the success message, or
     * the reason a rule refused it (409), for the page it redirects back to; 404 and 403 go to the error page as
     * everywhere.
     */
    public void step(String kind, long itemId, String action, StepInput input, CurrentUser user,
                     RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("message", workflow.apply(kind, itemId, action, input, user).message());
        } catch (ZugongException e) {
            if (e.status() != 409) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
    }
}

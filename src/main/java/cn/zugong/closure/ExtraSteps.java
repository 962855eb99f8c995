package cn.zugong.closure;

import cn.zugong.shared.CurrentUser;
import java.util.List;

/**
 * What a kind adds to the workflow, implemented by the module that owns the kind and handed to its
 * {@link ClosureKind} bean: its own steps, and its own rules around the standard ones. {@link ClosureWorkflow#apply}
 * takes the standard steps itself and gives the extra ones to this, all in one transaction.
 */
public interface ExtraSteps {

    /** The kind's own steps, in the order pages offer them (before the standard ones). */
    List<ExtraStep> steps();

    /**
     * Whether the user may take the step on the item now (pages show only these). {@code item} is null when the
     * item is outside the user's scope: a kind may let others than the owner's scope take its own steps.
     */
    boolean offers(ExtraStep step, long itemId, ClosureItem item, CurrentUser user);

    /** Takes the step with the kind's own checks (who, when, which fields: 404, 403 or a Chinese reason). */
    void take(ExtraStep step, long itemId, StepInput input, CurrentUser user);

    /**
     * The kind's own reason why a standard step may not be taken on the item now, or null: the workflow refuses
     * the step with it (before its own checks) and pages do not offer it.
     */
    default String refuses(ClosureAction action, ClosureItem item) {
        return null;
    }

    /** No extra steps, no rules of its own. */
    ExtraSteps NONE = new ExtraSteps() {
        @Override
        public List<ExtraStep> steps() {
            return List.of();
        }

        @Override
        public boolean offers(ExtraStep step, long itemId, ClosureItem item, CurrentUser user) {
            return false;
        }

        @Override
        public void take(ExtraStep step, long itemId, StepInput input, CurrentUser user) {
            throw new IllegalStateException("no extra steps");
        }
    };
}

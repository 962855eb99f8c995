package cn.zugong.closure;

import java.util.Locale;
import java.util.Set;

/**
 * A step a page offers on an item: its name as routes spell it, its label, the word its note asks for, and which
 * of the workflow's other fields its form asks for — the responsible person (交办), the unit the item goes to
 * (转办) and a new deadline (交办, 转办, 重新打开). A kind's extra step asks for those of the steps it stands in for.
 */
public record ClosureStep(String name, String label, String prompt, boolean asksAssignee, boolean choosesUnit,
                          boolean asksDeadline) {

    private static final Set<ClosureAction> DEADLINE = Set.of(ClosureAction.ASSIGN, ClosureAction.TRANSFER,
            ClosureAction.REOPEN);

    static ClosureStep of(ClosureAction action, String label, String prompt) {
        return new ClosureStep(action.name(), label, prompt, action == ClosureAction.ASSIGN,
                action == ClosureAction.TRANSFER, DEADLINE.contains(action));
    }

    static ClosureStep of(ExtraStep step) {
        Set<ClosureAction> r = step.replaces();
        return new ClosureStep(step.name(), step.label(), step.prompt(), r.contains(ClosureAction.ASSIGN),
                r.contains(ClosureAction.TRANSFER), r.stream().anyMatch(DEADLINE::contains));
    }

    /** The last segment of the step's route, e.g. {@code resolve}. */
    public String path() {
        return name.toLowerCase(Locale.ROOT);
    }
}

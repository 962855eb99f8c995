package cn.zugong.closure;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A kind of item a module puts on the closure workflow, declared as a bean by the module that owns the kind:
 * everything the workflow and the shared page fragment need to know about it.
 * <ul>
 * <li>{@code dispatchedByOwner}: by default an administrator strictly above the owner unit dispatches (交办, 转办)
 * an item; a kind whose items are decided and handed out by the owner itself — a community's deliberation sitting
 * deciding who carries out a matter — is dispatched by its owner, so the owner's own worker takes that step under
 * its own name (ADR 020).</li>
 * <li>{@code actions}: the standard steps users take on its items by name (default: all of
 * {@link #STANDARD}); a step not listed answers 404 like an unknown one.</li>
 * <li>{@code labels}, {@code prompts}: the kind's own words for standard steps and what their forms ask for (a
 * ticket is 开始办理 with 办理措施, not 开始整改 with 整改措施).</li>
 * <li>{@code extraSteps}: its own steps and rules ({@link ExtraSteps#NONE} by default).</li>
 * </ul>
 */
public record ClosureKind(String code, boolean dispatchedByOwner, Set<ClosureAction> actions,
                          Map<ClosureAction, String> labels, Map<ClosureAction, String> prompts,
                          ExtraSteps extraSteps) {

    /** The steps users take by name; registering, 督办 and evidence uploads have their own ways in. */
    public static final Set<ClosureAction> STANDARD = Set.copyOf(EnumSet.complementOf(EnumSet.of(
            ClosureAction.REGISTER, ClosureAction.ESCALATE, ClosureAction.ATTACH)));

    public ClosureKind {
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
        if (!STANDARD.containsAll(actions)) {
            throw new IllegalArgumentException("not a step users take by name: " + actions);
        }
        labels = Map.copyOf(labels);
        prompts = Map.copyOf(prompts);
    }

    /** A kind an administrator above the owner unit dispatches (the default). */
    public static ClosureKind dispatchedFromAbove(String code) {
        return new ClosureKind(code, false, STANDARD, Map.of(), Map.of(), ExtraSteps.NONE);
    }

    /** A kind whose owner unit's worker (its 填报员 or an administrator over it) dispatches the items. */
    public static ClosureKind dispatchedByOwner(String code) {
        return new ClosureKind(code, true, STANDARD, Map.of(), Map.of(), ExtraSteps.NONE);
    }

    /** This kind taking only these standard steps by name. */
    public ClosureKind onlyActions(ClosureAction... only) {
        return new ClosureKind(code, dispatchedByOwner, Set.of(only), labels, prompts, extraSteps);
    }

    /** This kind calling a standard step by its own word. */
    public ClosureKind labelled(ClosureAction action, String label) {
        return new ClosureKind(code, dispatchedByOwner, actions, with(labels, action, label), prompts, extraSteps);
    }

    /** This kind calling a standard step, and the text its form asks for, by its own words (办理措施, not 整改措施). */
    public ClosureKind labelled(ClosureAction action, String label, String prompt) {
        return new ClosureKind(code, dispatchedByOwner, actions, with(labels, action, label),
                with(prompts, action, prompt), extraSteps);
    }

    private static Map<ClosureAction, String> with(Map<ClosureAction, String> words, ClosureAction a, String word) {
        Map<ClosureAction, String> more = new EnumMap<>(ClosureAction.class);
        more.putAll(words);
        more.put(a, word);
        return more;
    }

    /** This kind with its own steps and rules. */
    public ClosureKind withExtraSteps(ExtraSteps steps) {
        return new ClosureKind(code, dispatchedByOwner, actions, labels, prompts, steps);
    }

    /** The kind's word for a standard step. */
    public String label(ClosureAction action) {
        return labels.getOrDefault(action, action.label());
    }

    /** The kind's word for what a standard step's form asks for. */
    public String prompt(ClosureAction action) {
        return prompts.getOrDefault(action, action.prompt());
    }
}

package cn.zugong.closure;

import java.util.Locale;
import java.util.Set;

/**
 * A step a kind adds to the standard ones (a ticket's 分拣交办 and 回访), by its upper-case name as routes and
 * forms spell it, with its label, the word its note field asks for, and the standard steps it stands in for:
 * while it is offered, pages do not offer those (分拣交办 is how a ticket is assigned or transferred at first).
 */
public record ExtraStep(String name, String label, String prompt, Set<ClosureAction> replaces) {

    public ExtraStep {
        name = name.toUpperCase(Locale.ROOT);
        replaces = Set.copyOf(replaces);
    }
}

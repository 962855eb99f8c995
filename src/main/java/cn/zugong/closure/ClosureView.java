package cn.zugong.closure;

import cn.zugong.org.OrgNode;
import java.util.List;

/**
 * What the shared page fragment ({@code templates/fragments/closure.html}) shows of an item: the steps the user
 * may take and where they post ({@code stepBase}/{@code <step>}), the evidence and where it is uploaded and
 * read ({@code evidenceBase}, null for a kind without evidence on its page), the 督办 record and the history.
 * {@code item} is null when the item is outside the user's scope (a ticket's raiser elsewhere): then only the
 * kind's own steps are offered and no history is shown. {@code kind} gives the history its words.
 */
public record ClosureView(ClosureItem item, String stepBase, List<ClosureStep> steps, boolean mayAttach,
                          String evidenceBase, List<Attachment> attachments, List<ClosureEvent> history,
                          List<ClosureEvent> escalations, String escalationRule, String redCardTo,
                          List<OrgNode> units, ClosureKind kind) {

    public boolean evidence() {
        return evidenceBase != null;
    }

    /** The kind's word for a step in the history (a ticket's 开始办理 is a rectification's 开始整改). */
    public String label(ClosureAction action) {
        return kind.label(action);
    }
}

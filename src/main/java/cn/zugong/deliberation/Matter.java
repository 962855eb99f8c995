package cn.zugong.deliberation;

import cn.zugong.closure.ClosureStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A community's matter (事项). The resident's phone is only ever shown masked. {@code kind} is null until
 * classified; {@code carried} counts the sittings that left it 未议结; the closure fields are set once a
 * sitting decided it.
 */
public record Matter(long id, long communityNodeId, String communityName, String communityPath, String title,
                     String description, String raisedBy, String phoneMasked, String grid, LocalDate raisedOn,
                     String evidence, MatterKind kind, MatterStatus status, int carried, Boolean settledByResidents,
                     Long closureItemId, ClosureStatus closureStatus, String registeredBy,
                     LocalDateTime registeredAt) {

    /** The level that deliberates it, or null while unclassified. */
    public MeetingLevel level() {
        return kind == null ? null : kind.level();
    }

    /** May still be (re)classified: nobody has decided it yet. */
    public boolean classifiable() {
        return status != MatterStatus.DECIDED;
    }
}

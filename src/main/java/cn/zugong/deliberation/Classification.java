package cn.zugong.deliberation;

import java.time.LocalDateTime;

/** One line of a matter's 三事归类单: the kind given, the kind before (reclassification), why, by whom, when. */
public record Classification(long id, long matterId, MatterKind kind, MatterKind previousKind, String reason,
                             String classifiedBy, String classifier, LocalDateTime classifiedAt) {
}

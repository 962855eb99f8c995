package cn.zugong.closure;

import java.time.LocalDateTime;

/** Application events of the closure workflow, published in the transaction of the step. */
public final class ClosureEvents {

    private ClosureEvents() {
    }

    public record ItemRegistered(long itemId, String kind, String sourceRef, long ownerNodeId) {
    }

    public record StatusChanged(long itemId, String kind, String sourceRef, ClosureStatus from, ClosureStatus to,
                                String actor) {
    }

    /** 销号: the item was closed after verification. */
    public record ItemClosed(long itemId, String kind, String sourceRef, long ownerNodeId, LocalDateTime at) {
    }

    public record ItemReopened(long itemId, String kind, String sourceRef, String reason) {
    }

    public record ItemTransferred(long itemId, String kind, String sourceRef, long fromNodeId, long toNodeId,
                                  String reason) {
    }

    /** 督办: the item's escalation rose; {@code toNodeId} is the node a red card goes to (else null). */
    public record ItemEscalated(long itemId, String kind, String sourceRef, Escalation level, int overdueWorkdays,
                                Long toNodeId) {
    }
}

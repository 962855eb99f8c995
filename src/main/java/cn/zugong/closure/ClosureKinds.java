package cn.zugong.closure;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a registering module declares about its kind of item. By default an administrator strictly above the owner
 * unit dispatches (交办, 转办) an item; a kind whose items are decided and handed out by the owner itself — a
 * community's deliberation sitting deciding who carries out a matter — is declared dispatched by its owner, so the
 * owner's own worker takes that step under its own name (ADR 020).
 */
public final class ClosureKinds {

    private static final Set<String> DISPATCHED_BY_OWNER = ConcurrentHashMap.newKeySet();

    private ClosureKinds() {
    }

    /** Declares that the owner unit's worker (its 填报员 or an administrator over it) dispatches items of the kind. */
    public static void dispatchedByOwner(String kind) {
        DISPATCHED_BY_OWNER.add(kind);
    }

    public static boolean isDispatchedByOwner(String kind) {
        return DISPATCHED_BY_OWNER.contains(kind);
    }
}

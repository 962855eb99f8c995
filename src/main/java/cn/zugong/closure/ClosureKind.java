package cn.zugong.closure;

/**
 * A kind of item a module puts on the closure workflow, declared as a bean by the module that owns the kind. By
 * default an administrator strictly above the owner unit dispatches (交办, 转办) an item; a kind whose items are
 * decided and handed out by the owner itself — a community's deliberation sitting deciding who carries out a
 * matter — is dispatched by its owner, so the owner's own worker takes that step under its own name (ADR 020).
 */
public record ClosureKind(String code, boolean dispatchedByOwner) {

    /** A kind an administrator above the owner unit dispatches (the default). */
    public static ClosureKind dispatchedFromAbove(String code) {
        return new ClosureKind(code, false);
    }

    /** A kind whose owner unit's worker (its 填报员 or an administrator over it) dispatches the items. */
    public static ClosureKind dispatchedByOwner(String code) {
        return new ClosureKind(code, true);
    }
}

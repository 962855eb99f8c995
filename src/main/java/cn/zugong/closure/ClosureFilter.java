package cn.zugong.closure;

/**
 * A list query inside the caller's scope: kind (required), then optional status, category, only overdue,
 * one owner unit (or subtree node), and the page. Unknown statuses are ignored.
 */
public record ClosureFilter(String kind, String status, String category, Boolean overdue, Long ownerNodeId,
                            Integer page, Integer size) {

    public static ClosureFilter all(String kind) {
        return new ClosureFilter(kind, null, null, null, null, 1, 200);
    }
}

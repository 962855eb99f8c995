package cn.zugong.closure;

/**
 * What a user may do with an item: work it (the owner unit's reporter or an administrator over it), verify
 * and close it (a reviewer or administrator strictly above the owner unit), dispatch it (assign, transfer:
 * an administrator strictly above), give a leader's instruction (a leader over it).
 */
public record ClosurePermissions(boolean work, boolean verify, boolean dispatch, boolean instruct) {
}

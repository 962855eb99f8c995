package cn.zugong.closure.internal;

import cn.zugong.closure.ClosureItem;
import cn.zugong.closure.ClosurePermissions;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;

/**
 * The role rules: the owner unit's reporter or an administrator over it works an item; a reviewer or
 * administrator strictly above the owner unit verifies and closes it; an administrator strictly above
 * dispatches (assigns, transfers) it — or, for a kind dispatched by its owner ({@link cn.zugong.closure.ClosureKind}), the owner's
 * own worker does; a leader over it may give an instruction. Nobody outside the scope
 * sees it at all (the lookups answer 404).
 */
public final class ClosureAccess {

    private ClosureAccess() {
    }

    public static boolean sees(CurrentUser user, ClosureItem item) {
        return !user.role().isSecurityOfficer() && user.scope().contains(item.ownerPath());
    }

    public static ClosurePermissions of(CurrentUser user, ClosureItem item, boolean dispatchedByOwner) {
        boolean inside = sees(user, item);
        boolean above = inside && !user.scope().path().equals(item.ownerPath());
        Role role = user.role();
        boolean works = inside && (role == Role.ADMIN || role == Role.REPORTER);
        boolean dispatches = above && role == Role.ADMIN || works && dispatchedByOwner;
        return new ClosurePermissions(works, above && (role == Role.ADMIN || role == Role.REVIEWER), dispatches,
                inside && role == Role.LEADER);
    }
}

package cn.zugong.tickets.internal;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import java.util.Map;

/**
 * Who sees which tickets, as one SQL predicate over {@code problem_ticket t} joined with its {@code closure_item i}: a service cadre (CADRE) the tickets
 * they raised or are the cadre of; the office's roles the tickets whose current responsible unit lies in their
 * scope, and the ones they raised themselves (which may have been transferred out of it).
 */
record Visibility(String sql, Map<String, Object> params) {

    static Visibility of(CurrentUser user) {
        if (user.role().isSecurityOfficer()) {
            return new Visibility("1 = 0", Map.of());
        }
        if (user.role() == Role.CADRE) {
            return new Visibility("(t.raised_by = :me or t.cadre_username = :me)", Map.of("me", user.username()));
        }
        return new Visibility("(" + OrgScope.sqlContains("i.owner_node_id") + " or t.raised_by = :me)",
                Map.of("me", user.username(), "scopePath", user.scope().pathPattern()));
    }

    /** The same rule for one ticket already read. */
    static boolean sees(CurrentUser user, Ticket t) {
        if (user.role().isSecurityOfficer()) {
            return false;
        }
        boolean own = user.username().equals(t.raisedBy()) || user.username().equals(t.cadreUsername());
        if (user.role() == Role.CADRE) {
            return own;
        }
        return user.username().equals(t.raisedBy()) || user.scope().contains(t.ownerPath());
    }
}

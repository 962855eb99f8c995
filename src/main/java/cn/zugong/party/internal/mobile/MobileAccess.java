package cn.zugong.party.internal.mobile;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.Role;

/**
 * Who may write what (ADR 070): the office's ADMIN and REPORTER keep the files (a village or unit reporter its own
 * branch's, an administrator the whole scope's), as they keep the roster; only ADMIN registers host organisations,
 * applies the 三个一批 rule and presses 督办. REVIEWER and LEADER read.
 */
final class MobileAccess {

    private MobileAccess() {
    }

    static void requireFileWrite(CurrentUser user) {
        if (user.role() != Role.ADMIN && user.role() != Role.REPORTER) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权登记流动党员信息");
        }
    }

    static void requireAdmin(CurrentUser user, String what) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权" + what);
        }
    }

    static boolean mayWrite(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.REPORTER;
    }
}

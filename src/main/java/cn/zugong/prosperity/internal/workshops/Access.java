package cn.zugong.prosperity.internal.workshops;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.Role;

/**
 * Who writes what (ADR 071): ADMIN (in scope) keeps workshops, pairs and 强村公司; ADMIN or REPORTER (the workshop's
 * village or township, or above) enters and imports the monthly ledger; REVIEWER and LEADER read.
 */
final class Access {

    private Access() {
    }

    static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权维护共富工坊、结对和强村公司，请联系组织部管理员");
        }
    }

    static boolean canEnterLedger(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.REPORTER;
    }

    static void requireLedgerWrite(CurrentUser user) {
        if (!canEnterLedger(user)) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权填报工坊月度台账");
        }
    }

    static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色无权访问共富工坊");
        }
    }
}

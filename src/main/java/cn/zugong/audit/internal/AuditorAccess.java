package cn.zugong.audit.internal;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.Role;

/**
 * Only the security auditor (安全审计员, role AUDITOR of 三员分立) reads the trail. The route rules say the
 * same; this check keeps it true should a route ever be mapped outside /audit.
 */
final class AuditorAccess {

    static final String AUDITOR = Role.AUDITOR.name();

    private AuditorAccess() {
    }

    static boolean allows(CurrentUser user) {
        return user != null && user.role() == Role.AUDITOR;
    }

    static void require(CurrentUser user) {
        if (!allows(user)) {
            throw new ForbiddenException("仅安全审计员可以查看审计日志");
        }
    }
}

package cn.zugong.audit.internal;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;

/**
 * Only the security auditor (安全审计员, role AUDITOR of 三员分立) reads the trail. Checked by the role's
 * name, so this module does not depend on when the role constant joins the shared kernel.
 */
final class AuditorAccess {

    static final String AUDITOR = "AUDITOR";

    private AuditorAccess() {
    }

    static boolean allows(CurrentUser user) {
        return user != null && AUDITOR.equals(user.role().name());
    }

    static void require(CurrentUser user) {
        if (!allows(user)) {
            throw new ForbiddenException("仅安全审计员可以查看审计日志");
        }
    }
}

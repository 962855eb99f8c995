package cn.zugong.shared;

import java.io.Serializable;

/** The signed-in user as every module sees it. Controller methods simply declare a
 * {@code CurrentUser} parameter (resolved from the security context by the shared web layer). Serializable: the
 * security principal carrying it is stored in the session table (Spring Session JDBC, ADR 045). */
public record CurrentUser(long accountId, String username, String displayName, Role role, OrgScope scope,
                          String scopeName) implements Serializable {

    /** Implemented by the security principal, so the kernel reads the user without knowing the security module. */
    public interface Holder {
        CurrentUser currentUser();
    }

    public void requireRosterWrite() {
        if (!role.canEditRoster()) {
            throw new ForbiddenException("当前角色（" + role.label() + "）无权修改人员信息");
        }
    }
}

package cn.zugong.security.internal;

import cn.zugong.shared.Role;
import java.time.LocalDateTime;

/** One row of the account lists of the system and the security administrator. */
public record AccountView(long id, String username, String displayName, Role role, Long scopeNodeId, String scopeName,
                   boolean enabled, boolean locked, boolean mustChangePassword, LocalDateTime lastLoginAt,
                   String createdBy, LocalDateTime createdAt) {

    public String roleLabel() {
        return role == null ? "待授权" : role.label();
    }

    public boolean officer() {
        return role != null && role.isSecurityOfficer();
    }

    /**
     * Whose password the system administrator may not reset alone (ADR 033): the officers, and the
     * organisation administrators, whose rights over the roster a reset password would hand over.
     */
    public boolean guarded() {
        return officer() || role == Role.ADMIN;
    }

    /** The role and scope in words, for audit entries: "组织部管理员·舟山市". */
    public String grantLabel() {
        return roleLabel() + (scopeName == null ? "" : "·" + scopeName);
    }

    public String status() {
        if (!enabled) {
            return "已停用";
        }
        if (locked) {
            return "已锁定";
        }
        return role == null ? "待授权" : "正常";
    }
}

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

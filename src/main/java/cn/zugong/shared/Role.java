package cn.zugong.shared;

import java.util.Arrays;
import java.util.List;

/**
 * Roles. Each account holds exactly one, scoped to one node of the organisation tree, so no account can
 * hold two of the three security officers' roles (三员分立). The officers administer the platform and
 * never read personnel files; the business roles do the organisation work.
 */
public enum Role {
    ADMIN("组织部管理员"),
    REVIEWER("审核员"),
    REPORTER("单位填报员"),
    LEADER("领导"),
    /** 系统管理员: creates accounts, enables, disables, unlocks, resets passwords; grants nothing. */
    SYS_ADMIN("系统管理员"),
    /** 安全保密管理员: grants business roles and scopes; creates no accounts. */
    SEC_ADMIN("安全保密管理员"),
    /** 安全审计员: reads and exports the audit trail, nothing else. */
    AUDITOR("安全审计员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** One of 三员: system administrator, security administrator, security auditor. */
    public boolean isSecurityOfficer() {
        return this == SYS_ADMIN || this == SEC_ADMIN || this == AUDITOR;
    }

    /** The roles that do organisation work and may be granted by the security administrator. */
    public static List<Role> business() {
        return Arrays.stream(values()).filter(r -> !r.isSecurityOfficer()).toList();
    }

    /** Leaders and reviewers read the roster; only admins and unit reporters maintain it. */
    public boolean canEditRoster() {
        return this == ADMIN || this == REPORTER;
    }

    /** Only admins may see an ID number or phone in full (each time audited); everyone else sees it masked. */
    public boolean canUnmask() {
        return this == ADMIN;
    }
}

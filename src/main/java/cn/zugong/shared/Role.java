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
    /**
     * 服务干部 (五个一批 / 暖企专员 / 第一书记): logs visits and raises problems; sees only the charges and
     * tickets they are part of, and none of the office's modules (roster, 体检, 亮灯台).
     */
    CADRE("服务干部"),
    /**
     * 人才: a recognised or registered talent outside the civil service, with an account of their own; reaches only
     * the talent's own pages (人才码, 码上办, own applications and grants) and sees only their own record (ADR 055).
     */
    TALENT("人才"),
    /**
     * 举荐委员: a member of a 举荐小组 (an industry department's or key enterprise's head); reaches only the
     * nominations of their own groups and never another member's score before submitting their own (ADR 055).
     */
    TALENT_REFEREE("举荐委员"),
    /**
     * 党员: a party member with an account of their own (党员报到, issue 18, ADR 068); reaches only the member's own
     * pages under /party/my (报到, 认领服务岗位, 服务记录) and sees only their own records.
     */
    PARTY_MEMBER("党员"),
    /**
     * 干部监督: the cadre-supervision staff (干部监督科) of the organisation department (issue 19, ADR 074); reaches only
     * the cadre work pages under /cadres, and with ADMIN alone reads and keeps the incentive and discipline records
     * (容错纠错, 澄清正名, 回访, 处分后使用, 及时奖励), every read audited.
     */
    CADRE_SUPERVISOR("干部监督"),
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

    /** 服务干部: works only on the service cadres' pages. */
    public boolean isCadre() {
        return this == CADRE;
    }

    /** 人才 or 举荐委员: the public side of the talent module, outside the office (ADR 055). */
    public boolean isTalentSide() {
        return this == TALENT || this == TALENT_REFEREE;
    }

    /** 党员: the party member's own pages of 党员报到, outside the office (ADR 068). */
    public boolean isPartyMember() {
        return this == PARTY_MEMBER;
    }

    /** 干部监督: the cadre work pages only, with the incentive and discipline records (ADR 074). */
    public boolean isCadreSupervisor() {
        return this == CADRE_SUPERVISOR;
    }

    /**
     * Works in the office's modules: a business role other than the service cadre, the talent side, 党员 and
     * 干部监督 (who reaches the cadre work pages only).
     */
    public boolean isOffice() {
        return !isSecurityOfficer() && !isCadre() && !isTalentSide() && !isPartyMember() && !isCadreSupervisor();
    }

    /** The roles that do organisation work and may be granted by the security administrator. */
    public static List<Role> business() {
        return Arrays.stream(values()).filter(r -> !r.isSecurityOfficer()).toList();
    }

    /** The business roles that work in the office's modules (everything except the service cadres' pages). */
    public static List<Role> office() {
        return Arrays.stream(values()).filter(Role::isOffice).toList();
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

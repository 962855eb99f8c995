package cn.zugong.shared;

/** Business roles. Each account holds exactly one, scoped to one node of the organisation tree. */
public enum Role {
    ADMIN("组织部管理员"),
    REVIEWER("审核员"),
    REPORTER("单位填报员"),
    LEADER("领导");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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

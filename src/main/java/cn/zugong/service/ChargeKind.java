package cn.zugong.service;

/** What a cadre serves: an enterprise, a village (a VILLAGE node of the tree) or a project. */
public enum ChargeKind {
    ENTERPRISE("企业"),
    VILLAGE("村（社区）"),
    PROJECT("项目");

    private final String label;

    ChargeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

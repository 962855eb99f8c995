package cn.zugong.party;

/** Where a mobile member stands (流动党员), derived from the file's dated events (动态管理, ADR 070). */
public enum MobileState {
    OUT("在外流动", true),
    IN("流入", true),
    LOST("失联", true),
    RETURNED("已返回", false),
    GONE("已流出", false);

    private final String label;
    private final boolean active;

    MobileState(String label, boolean active) {
        this.label = label;
        this.active = active;
    }

    public String label() {
        return label;
    }

    /** Still ours to keep in touch with and to have managed (三个一批); returned and flowed-out members are not. */
    public boolean active() {
        return active;
    }
}

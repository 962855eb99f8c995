package cn.zugong.deliberation;

/** Where a matter stands before the closure workflow takes over: 待归类 → 待议 (on an agenda) → 已议定. */
public enum MatterStatus {
    PENDING("待归类"),
    ROUTED("待议"),
    DECIDED("已议定");

    private final String label;

    MatterStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MatterStatus parse(String value) {
        for (MatterStatus s : values()) {
            if (s.name().equalsIgnoreCase(String.valueOf(value).strip())) {
                return s;
            }
        }
        return null;
    }
}

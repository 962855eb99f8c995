package cn.zugong.party;

/** 三个一批: the three ways a mobile member comes to be managed by an organisation (ADR 070). */
public enum MobileHostKind {
    WORKPLACE("工作地纳管", "工作地党组织"),
    RESIDENCE("居住地接收", "居住地党组织"),
    REGIONAL("区域性党组织覆盖", "驻外（区域性）党组织");

    private final String label;
    private final String hostLabel;

    MobileHostKind(String label, String hostLabel) {
        this.label = label;
        this.hostLabel = hostLabel;
    }

    public String label() {
        return label;
    }

    public String hostLabel() {
        return hostLabel;
    }
}

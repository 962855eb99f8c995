package cn.zugong.party;

/** What a village's service post (服务岗位) is for. */
public enum CheckinPostKind {
    INDUSTRY("产业帮扶"),
    GRID("网格服务"),
    IDEAS("集智献策"),
    POLICY("政策宣传"),
    ELDERLY("关爱老人"),
    OTHER("其他");

    private final String label;

    CheckinPostKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.zugong.party;

/**
 * A dated event of a mobile member's file (动态管理) and the state it leaves the member in; {@link #TRANSFER}
 * (转接组织关系) changes the 组织关系 to 转出 and leaves the state as it was.
 */
public enum MobileEventKind {
    LEFT("外出", MobileState.OUT),
    RETURNED("返回", MobileState.RETURNED),
    LOST("失联", MobileState.LOST),
    RECONNECTED("恢复联系", MobileState.OUT),
    FLOW_IN("流入", MobileState.IN),
    FLOW_OUT("流出", MobileState.GONE),
    TRANSFER("转接组织关系", null);

    private final String label;
    private final MobileState leaves;

    MobileEventKind(String label, MobileState leaves) {
        this.label = label;
        this.leaves = leaves;
    }

    public String label() {
        return label;
    }

    /** The state after the event; null when the event does not change it. */
    public MobileState leaves() {
        return leaves;
    }
}

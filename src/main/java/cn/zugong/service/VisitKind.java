package cn.zugong.service;

/** What a visit was, and which kind of charge it serves: projects, enterprises, or fishermen and farmers of a village. */
public enum VisitKind {
    PROJECT("项目对接", ChargeKind.PROJECT),
    ENTERPRISE("走访企业", ChargeKind.ENTERPRISE),
    FARMER("走访渔农户", ChargeKind.VILLAGE);

    private final String label;
    private final ChargeKind chargeKind;

    VisitKind(String label, ChargeKind chargeKind) {
        this.label = label;
        this.chargeKind = chargeKind;
    }

    public String label() {
        return label;
    }

    /** The kind of charge a visit of this kind is logged against. */
    public ChargeKind chargeKind() {
        return chargeKind;
    }
}

package cn.zugong.people;

/** Why a person's state changed (person_version.change_kind, ADR 050), with the timeline's label. */
public enum ChangeKind {
    HIRE("录用/调入"), PROMOTION("职级晋升"), POST("职务变动"), TRANSFER("调动"), EDUCATION("学历变更"),
    POLITICAL("政治面貌变更"), RETIRE("退休"), LEAVE("调出/离职"), CORRECTION("更正"), IMPORT("导入"), EDIT("修改"),
    DEMO("演示数据");

    public final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    /** The kind stored in a row, or EDIT for a value this version does not know. */
    public static ChangeKind of(String stored) {
        for (ChangeKind k : values()) {
            if (k.name().equals(stored)) {
                return k;
            }
        }
        return EDIT;
    }
}

package cn.zugong.cadre;

import cn.zugong.people.ChangeKind;

/**
 * The four kinds of 选拔任用 (cadre_appointment.kind) with the roster change each makes at 任职: 提拔 and 进一步使用 a
 * post change, 职级晋升 a rank promotion, 交流 a transfer to another unit.
 */
public enum AppointmentKind {
    PROMOTION("提拔", ChangeKind.POST), FURTHER_USE("进一步使用", ChangeKind.POST),
    RANK_PROMOTION("职级晋升", ChangeKind.PROMOTION), EXCHANGE("交流", ChangeKind.TRANSFER);

    public final String label;
    public final ChangeKind change;

    AppointmentKind(String label, ChangeKind change) {
        this.label = label;
        this.change = change;
    }

    public String label() {
        return label;
    }

    /** The kind named by code or by its Chinese label, or null. */
    public static AppointmentKind parse(String s) {
        for (AppointmentKind k : values()) {
            if (k.name().equals(s) || k.label.equals(s)) {
                return k;
            }
        }
        return null;
    }
}

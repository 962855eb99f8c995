package cn.zugong.cadre.internal.appointments;

/** The procedure of 选拔任用, in its only legal order: each step is recorded after the one before it. */
public enum AppointmentStep {
    PROPOSAL("动议"), RECOMMENDATION("民主推荐"), INSPECTION("考察"), DECISION("讨论决定"), PUBLICITY("任前公示"),
    APPOINTMENT("任职");

    public static final String ORDER = "动议→民主推荐→考察→讨论决定→任前公示→任职";
    /** 任前公示 lasts at least this many working days (《党政领导干部选拔任用工作条例》). */
    public static final int PUBLICITY_WORKDAYS = 5;

    public final String label;

    AppointmentStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The step after this one, or null after 任职. */
    public AppointmentStep next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    public static AppointmentStep parse(String s) {
        for (AppointmentStep st : values()) {
            if (st.name().equals(s) || st.label.equals(s)) {
                return st;
            }
        }
        return null;
    }
}

package cn.zugong.deliberation;

/** 三事: which kind of matter it is, and so which level deliberates it. */
public enum MatterKind {
    BIG("大事", "需多方协调或政府部门参与的公共事务", MeetingLevel.JOINT),
    SMALL("小事", "社区层面可以解决的公共事务", MeetingLevel.COUNCIL),
    PRIVATE("私事", "居民自身事务，由居民自行协商解决为主", MeetingLevel.GRID);

    private final String label;
    private final String meaning;
    private final MeetingLevel level;

    MatterKind(String label, String meaning, MeetingLevel level) {
        this.label = label;
        this.meaning = meaning;
        this.level = level;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    public MeetingLevel level() {
        return level;
    }

    public static MatterKind of(MeetingLevel level) {
        for (MatterKind k : values()) {
            if (k.level == level) {
                return k;
            }
        }
        throw new IllegalArgumentException(String.valueOf(level));
    }

    /** The kind named by {@code value} (BIG / SMALL / PRIVATE or 大事 / 小事 / 私事), or null. */
    public static MatterKind parse(String value) {
        if (value == null) {
            return null;
        }
        for (MatterKind k : values()) {
            if (k.name().equalsIgnoreCase(value.strip()) || k.label.equals(value.strip())) {
                return k;
            }
        }
        return null;
    }
}

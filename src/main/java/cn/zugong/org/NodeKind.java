package cn.zugong.org;

public enum NodeKind {
    PROVINCE("省"),
    CITY("市"),
    COUNTY("县（市、区）"),
    TOWNSHIP("乡镇（街道）"),
    VILLAGE("村（社区）"),
    UNIT("单位"),
    PARTY_ORG("党组织");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isDivision() {
        return this != UNIT && this != PARTY_ORG;
    }

    /** Kinds as they appear in divisions-zhejiang.csv's level column. */
    public static NodeKind ofDivisionLevel(String level) {
        return switch (level) {
            case "province" -> PROVINCE;
            case "city" -> CITY;
            case "county" -> COUNTY;
            case "township" -> TOWNSHIP;
            case "village" -> VILLAGE;
            default -> throw new IllegalArgumentException("unknown division level: " + level);
        };
    }
}

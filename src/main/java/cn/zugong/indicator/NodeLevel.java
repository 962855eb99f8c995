package cn.zugong.indicator;

import java.util.Locale;
import java.util.Optional;

/**
 * The level of a result's node, for per-level legends (ADR 053): a unit's own result, or a roll-up at a
 * 乡镇（街道）, a 区县 or the 市 (a province roll-up is read with the city's rule: both are far above
 * the units whose head-counts they add).
 */
public enum NodeLevel {
    UNIT("unit", "单位"),
    TOWNSHIP("township", "乡镇（街道）汇总"),
    COUNTY("county", "区县汇总"),
    CITY("city", "市汇总");

    private final String key;
    private final String label;

    NodeLevel(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key a pack writes under {@code levels:}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<NodeLevel> ofKey(String key) {
        for (NodeLevel l : values()) {
            if (l.key.equals(key)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** From an org node kind (org_node.kind): UNIT, TOWNSHIP, COUNTY, CITY, PROVINCE. */
    public static NodeLevel ofNodeKind(String kind) {
        return switch (kind == null ? "UNIT" : kind.toUpperCase(Locale.ROOT)) {
            case "TOWNSHIP" -> TOWNSHIP;
            case "COUNTY" -> COUNTY;
            case "CITY", "PROVINCE" -> CITY;
            default -> UNIT;
        };
    }
}

package cn.zugong.indicator;

import java.util.Set;

/** Which units an indicator applies to: unit tiers (市直/县直/乡镇) and unit types; empty = all. */
public record Applicability(Set<String> tiers, Set<String> unitTypes) {

    public static final Applicability ALL = new Applicability(Set.of(), Set.of());

    public Applicability {
        tiers = Set.copyOf(tiers);
        unitTypes = Set.copyOf(unitTypes);
    }

    public boolean appliesTo(String tier, String unitType) {
        return (tiers.isEmpty() || tiers.contains(tier)) && (unitTypes.isEmpty() || unitTypes.contains(unitType));
    }
}

package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.NodeLevel;
import java.util.List;

/**
 * The nodes of one evaluation: the units in scope (with tier and type for applicability) and, for
 * each unit, the indexes of its roll-up ancestors inside the scope (township, county, city…), found
 * from the materialised path. Units come first in {@code ids}, roll-up nodes after them; {@code levels}
 * gives each node's level (unit, township, county, city) for per-level legends.
 */
public record ScopeNodes(long[] ids, int unitCount, String[] tiers, String[] unitTypes, int[][] ancestors,
                         NodeLevel[] levels) {

    public NodeLevel level(int node) {
        return levels[node];
    }

    public int size() {
        return ids.length;
    }

    public boolean isRollup(int node) {
        return node >= unitCount;
    }

    /** {@code ancestors.get(i)}: indexes (into ids) of unit i's roll-up nodes. */
    public static ScopeNodes of(List<Unit> units, List<Long> rollups, List<int[]> up) {
        return of(units, rollups, up, rollups.stream().map(r -> NodeLevel.CITY).toList());
    }

    /** {@code rollupLevels}: the level of each roll-up node, in the order of {@code rollups}. */
    public static ScopeNodes of(List<Unit> units, List<Long> rollups, List<int[]> up, List<NodeLevel> rollupLevels) {
        int n = units.size() + rollups.size();
        long[] ids = new long[n];
        String[] tiers = new String[units.size()];
        String[] types = new String[units.size()];
        int[][] ancestors = new int[units.size()][];
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            ids[i] = u.id();
            tiers[i] = u.tier();
            types[i] = u.unitType();
            ancestors[i] = up.get(i);
        }
        NodeLevel[] levels = new NodeLevel[n];
        java.util.Arrays.fill(levels, 0, units.size(), NodeLevel.UNIT);
        for (int i = 0; i < rollups.size(); i++) {
            ids[units.size() + i] = rollups.get(i);
            levels[units.size() + i] = rollupLevels.get(i);
        }
        return new ScopeNodes(ids, units.size(), tiers, types, ancestors, levels);
    }

    public record Unit(long id, String path, String tier, String unitType) {
    }
}

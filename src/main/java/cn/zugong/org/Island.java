package cn.zugong.org;

import java.util.List;

/**
 * An inhabited island (有人岛) of the city (ADR 068): its county node, whether it is 偏远 (a remote small island) and
 * the village nodes on it, in the tree's order.
 */
public record Island(long id, String code, String name, long countyId, String countyName, boolean remote,
                     List<Long> villageIds) {
}

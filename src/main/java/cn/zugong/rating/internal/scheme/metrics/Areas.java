package cn.zugong.rating.internal.scheme.metrics;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The area a party organisation belongs to: its nearest ancestor that is not itself a party organisation — the
 * unit (机关、事业单位、企业), the village or community, the township — where the area's figures (tickets, 三事分流,
 * 亮灯台, 数字体检) are counted. A 党支部 under a 党委 climbs through the 党委. One query per level climbed (for all
 * organisations at once), never one per organisation.
 */
@Component
class Areas {

    /** Party organisations nest a few levels at most (党委 → 党总支 → 党支部); the climb stops well above that. */
    private static final int MAX_LEVELS = 8;

    private final OrgTree tree;

    Areas(OrgTree tree) {
        this.tree = tree;
    }

    /** Organisation id → its area node; an organisation without one (a root) is left out. */
    Map<Long, OrgNode> of(Collection<OrgNode> organisations) {
        Map<Long, OrgNode> areas = new HashMap<>();
        Map<Long, Long> climbing = new HashMap<>();
        organisations.forEach(o -> {
            if (o.parentId() != null) {
                climbing.put(o.id(), o.parentId());
            }
        });
        for (int level = 0; level < MAX_LEVELS && !climbing.isEmpty(); level++) {
            Set<Long> parents = new HashSet<>(climbing.values());
            Map<Long, OrgNode> nodes = tree.byIds(parents);
            for (var it = climbing.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                OrgNode parent = nodes.get(e.getValue());
                if (parent == null || (parent.isPartyOrg() && parent.parentId() == null)) {
                    it.remove();
                } else if (parent.isPartyOrg()) {
                    e.setValue(parent.parentId());
                } else {
                    areas.put(e.getKey(), parent);
                    it.remove();
                }
            }
        }
        return areas;
    }

    /** Spreads the values found per area back to the organisations of each area. */
    static <V> Map<Long, V> perOrganisation(Map<Long, OrgNode> areas, Map<Long, V> byArea) {
        Map<Long, V> out = new HashMap<>();
        areas.forEach((org, area) -> {
            V v = byArea.get(area.id());
            if (v != null) {
                out.put(org, v);
            }
        });
        return out;
    }
}

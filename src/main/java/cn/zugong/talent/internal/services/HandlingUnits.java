package cn.zugong.talent.internal.services;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PlatformAdmin;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The handling unit of each catalogue item, found in the org tree by its name (the highest unit of that name inside
 * the deployment's root division). Resolved once and kept while every unit is found; an installation missing a unit
 * (another city's tree, a unit not created yet) resolves again on the next call, so a unit added later is found
 * without a restart. An item whose unit is missing is shown as 未配置承办单位 and cannot be applied for.
 */
@Component
class HandlingUnits {

    private final OrgTree tree;
    private final PlatformAdmin platform;
    private final ServiceCatalogue catalogue;
    private volatile Map<String, OrgNode> complete;

    HandlingUnits(OrgTree tree, PlatformAdmin platform, ServiceCatalogue catalogue) {
        this.tree = tree;
        this.platform = platform;
        this.catalogue = catalogue;
    }

    /** The unit of the item, empty when the installation has none of that name. */
    Optional<OrgNode> of(ServiceCatalogue.ServiceItem item) {
        return Optional.ofNullable(all().get(item.unitName()));
    }

    /** Units by name, for every catalogue unit found. */
    Map<String, OrgNode> all() {
        Map<String, OrgNode> known = complete;
        if (known != null) {
            return known;
        }
        Map<String, OrgNode> found = new HashMap<>();
        OrgNode root;
        try {
            root = platform.root();
        } catch (IllegalStateException e) {
            return Map.of();
        }
        var wanted = catalogue.items().stream().map(ServiceCatalogue.ServiceItem::unitName)
                .collect(java.util.stream.Collectors.toSet());
        tree.units(root.asScope()).stream().filter(u -> wanted.contains(u.name()))
                .sorted(Comparator.comparingInt(OrgNode::depth))
                .forEach(u -> found.putIfAbsent(u.name(), u));
        Map<String, OrgNode> result = Map.copyOf(found);
        if (found.keySet().containsAll(wanted)) {
            complete = result;
        }
        return result;
    }
}

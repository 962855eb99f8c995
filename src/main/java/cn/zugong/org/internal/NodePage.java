package cn.zugong.org.internal;

import cn.zugong.org.NodeFigure;
import cn.zugong.org.NodeFigures;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.UnitFacts;
import cn.zugong.shared.OrgScope;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Everything the node page and its API show about one node, assembled once for both. */
@Component
class NodePage {

    record View(OrgNode node, List<OrgNode> ancestors, List<OrgNode> divisions, List<OrgNode> units,
                List<OrgNode> partyOrgs, UnitFacts unitFacts, String partyOrgType, List<NodeFigure> figures) {
    }

    private final OrgTree tree;
    private final List<NodeFigures> figureSources;

    NodePage(OrgTree tree, List<NodeFigures> figureSources) {
        this.tree = tree;
        this.figureSources = figureSources;
    }

    View of(long id, OrgScope scope) {
        OrgNode node = tree.get(id, scope);
        List<OrgNode> children = tree.children(id, scope);
        List<NodeFigure> figures = new ArrayList<>();
        if (node.kind().isDivision()) {
            figures.add(new NodeFigure("下辖单位", tree.countInSubtree(node, NodeKind.UNIT), null));
        }
        figures.add(new NodeFigure("党组织", tree.countInSubtree(node, NodeKind.PARTY_ORG), null));
        figureSources.forEach(source -> figures.addAll(source.figuresFor(node)));
        return new View(node, tree.ancestors(node, scope),
                children.stream().filter(c -> c.kind().isDivision()).toList(),
                children.stream().filter(OrgNode::isUnit).toList(),
                children.stream().filter(OrgNode::isPartyOrg).toList(),
                node.isUnit() ? tree.unitFacts(id).orElse(null) : null,
                node.isPartyOrg() ? tree.partyOrgType(id).orElse(null) : null,
                figures);
    }
}

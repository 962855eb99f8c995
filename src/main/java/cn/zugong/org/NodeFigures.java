package cn.zugong.org;

import cn.zugong.shared.OrgScope;
import java.util.List;

/**
 * Lets other modules (people, later health check…) add figures to the node page without the
 * org module depending on them. Implementations count within {@code node.asScope()}.
 */
public interface NodeFigures {

    List<NodeFigure> figuresFor(OrgNode node);
}

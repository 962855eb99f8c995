package cn.zugong.people.internal;

import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import org.springframework.stereotype.Component;

/** The scope of a list: the user's scope, narrowed to a node of it when one is chosen (404 outside). */
@Component
public class PeopleScope {

    private final OrgTree tree;

    PeopleScope(OrgTree tree) {
        this.tree = tree;
    }

    public OrgScope of(CurrentUser user, Long nodeId) {
        return nodeId == null ? user.scope() : tree.get(nodeId, user.scope()).asScope();
    }
}

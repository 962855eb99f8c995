package cn.zugong.deliberation.internal;

import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;

/**
 * Who may do what in 三事分流: every office role reads inside its scope; the community's 填报员 or an 组织部管理员
 * whose scope covers the community registers, classifies and holds sittings. Outside the scope is 404.
 */
public final class SanshiAccess {

    private SanshiAccess() {
    }

    public static boolean mayWork(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.REPORTER;
    }

    public static void requireWorker(CurrentUser user) {
        if (!mayWork(user)) {
            throw new ForbiddenException("只有社区填报员或组织部管理员可以登记、归类事项和召开议事会议（当前角色："
                    + user.role().label() + "）");
        }
    }

    public static void requireReader(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）不能查看三事分流");
        }
    }

    /** The community (a 村/社区 node) inside the caller's scope: 404 outside it, 409 for another kind of node. */
    public static OrgNode community(OrgTree tree, long nodeId, CurrentUser user) {
        requireReader(user);
        OrgNode node = tree.get(nodeId, user.scope());
        if (node.kind() != NodeKind.VILLAGE) {
            throw new ConflictException("三事分流以村（社区）为单位：「" + node.name() + "」不是村（社区）");
        }
        return node;
    }

    public static NotFoundException notFound(String what, long id) {
        return new NotFoundException(what + "不存在或不在您的管理范围内：" + id);
    }
}

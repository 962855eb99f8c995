package cn.zugong.lighting.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in the 亮灯台. A task is visible when its lead unit lies in the caller's scope; a
 * list when the scope owns it or leads one of its tasks. Outside: 404, as everywhere on the platform.
 * Lists and tasks are edited by an ADMIN whose scope owns the list; a unit's tasks are reported by a
 * REPORTER or ADMIN whose scope contains the unit; reports are reviewed by a REVIEWER or ADMIN in scope.
 */
@Component
public class Access {

    private final ListRepository lists;
    private final OrgTree tree;

    Access(ListRepository lists, OrgTree tree) {
        this.lists = lists;
        this.tree = tree;
    }

    public TaskList visibleList(CurrentUser user, Long listId) {
        TaskList list = listId == null ? null : lists.list(listId).orElse(null);
        if (list == null || !(user.scope().contains(list.ownerPath()) || lists.visible(user.scope()).containsKey(list))) {
            throw new NotFoundException("任务清单不存在或不在您的管理范围内：" + listId);
        }
        return list;
    }

    public TaskList editableList(CurrentUser user, Long listId) {
        TaskList list = visibleList(user, listId);
        requireListAdmin(user, list);
        return list;
    }

    public void requireListAdmin(CurrentUser user, TaskList list) {
        if (user.role() != Role.ADMIN || !user.scope().contains(list.ownerPath())) {
            throw new ForbiddenException("只有本清单所属范围（" + list.ownerName() + "）的组织部管理员可以维护任务清单");
        }
    }

    public Task visibleTask(CurrentUser user, Long taskId) {
        Task task = taskId == null ? null : lists.task(taskId).orElse(null);
        if (task == null || !inScope(user, task.leadUnitId())) {
            throw new NotFoundException("任务不存在或不在您的管理范围内：" + taskId);
        }
        return task;
    }

    public Task reportableTask(CurrentUser user, Long taskId) {
        Task task = visibleTask(user, taskId);
        if (user.role() != Role.REPORTER && user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有单位填报员和组织部管理员可以申报进度");
        }
        return task;
    }

    public void requireReviewer(CurrentUser user) {
        if (user.role() != Role.REVIEWER && user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有审核员和组织部管理员可以审核申报");
        }
    }

    /** A unit inside the scope (a reporter's own unit, or one an administrator picked). */
    public OrgNode unit(CurrentUser user, Long unitId) {
        OrgNode node = tree.get(unitId == null ? user.scope().nodeId() : unitId, user.scope());
        if (!node.isUnit()) {
            throw new NotFoundException("请选择一个单位：" + node.name() + " 不是单位");
        }
        return node;
    }

    public boolean inScope(CurrentUser user, long nodeId) {
        return tree.byId(nodeId).map(n -> user.scope().contains(n.path())).orElse(false);
    }
}

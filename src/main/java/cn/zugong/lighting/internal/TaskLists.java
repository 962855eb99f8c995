package cn.zugong.lighting.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and editing lists and tasks (administrators of the list's scope); every write audited. */
@Service
public class TaskLists {

    private final ListRepository lists;
    private final Access access;
    private final AuditTrail audit;
    private final OrgTree tree;
    private final Clock clock;

    TaskLists(ListRepository lists, Access access, AuditTrail audit, OrgTree tree, Clock clock) {
        this.lists = lists;
        this.access = access;
        this.audit = audit;
        this.tree = tree;
        this.clock = clock;
    }

    /** Creates a list owned by the administrator's scope node; the problems when the form is wrong. */
    @Transactional
    public TaskList createList(CurrentUser user, ListForm form, List<String> problems) {
        if (user.role() != cn.zugong.shared.Role.ADMIN) {
            throw new cn.zugong.shared.ForbiddenException("只有组织部管理员可以新建任务清单");
        }
        OrgNode owner = tree.get(user.scope().nodeId(), user.scope());
        TaskList l = form.toList(0, owner.id(), owner.path(), owner.name(), user.username(), problems);
        if (l == null) {
            return null;
        }
        if (lists.listByCode(l.code()).isPresent()) {
            problems.add("清单编号已存在：" + l.code());
            return null;
        }
        long id = lists.insertList(l, LocalDateTime.now(clock));
        TaskList saved = lists.list(id).orElseThrow();
        audit.record(AuditEvent.change(AuditAction.CREATE, "lighting_list", id, null, ListForm.of(saved)));
        return saved;
    }

    @Transactional
    public TaskList updateList(CurrentUser user, long listId, ListForm form, List<String> problems) {
        TaskList before = access.editableList(user, listId);
        TaskList l = form.toList(listId, before.ownerNodeId(), before.ownerPath(), before.ownerName(),
                before.createdBy(), problems);
        if (l == null) {
            return null;
        }
        if (lists.listByCode(l.code()).filter(o -> o.id() != listId).isPresent()) {
            problems.add("清单编号已存在：" + l.code());
            return null;
        }
        lists.updateList(l);
        TaskList after = lists.list(listId).orElseThrow();
        audit.record(AuditEvent.change(AuditAction.UPDATE, "lighting_list", listId, ListForm.of(before),
                ListForm.of(after)));
        return after;
    }

    /** Creates ({@code taskId} null) or edits a task; the problems by field when the form is wrong. */
    @Transactional
    public Task saveTask(CurrentUser user, long listId, Long taskId, TaskForm form,
                         List<TaskValidator.Problem> problems) {
        TaskList list = access.editableList(user, listId);
        Task before = null;
        if (taskId != null) {
            before = access.visibleTask(user, taskId);
            if (before.listId() != listId) {
                throw new cn.zugong.shared.NotFoundException("任务不属于该清单：" + taskId);
            }
        }
        var checked = TaskValidator.check(form, list, taskId == null ? 0 : taskId, unitsFor(list, List.of(form)));
        problems.addAll(checked.problems());
        Task t = checked.task();
        if (t != null) {
            boolean taken = lists.allTasks(listId).stream().anyMatch(o -> o.code().equals(t.code())
                    && (taskId == null || o.id() != taskId));
            if (taken) {
                problems.add(new TaskValidator.Problem("code", t.code(), "任务编号在本清单中已存在"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        long id;
        if (before == null) {
            id = lists.insertTask(t, now);
        } else {
            id = before.id();
            lists.updateTask(t, now);
        }
        Task after = lists.task(id).orElseThrow();
        audit.record(AuditEvent.change(before == null ? AuditAction.CREATE : AuditAction.UPDATE, "lighting_task", id,
                before == null ? null : TaskForm.of(before), TaskForm.of(after)));
        return after;
    }

    /** Unit names used by the forms, looked up under the list's owner in one query. */
    Map<String, List<Long>> unitsFor(TaskList list, List<TaskForm> forms) {
        Set<String> names = new HashSet<>();
        forms.forEach(f -> names.addAll(f.allUnitNames()));
        names.remove("");
        return lists.unitsByName(new OrgScope(list.ownerNodeId(), list.ownerPath()), names);
    }

    /** Result of an import: all rows written, or none and every problem. */
    public record ImportOutcome(int inserted, int updated, List<ImportProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** "第 5 行 F 列（权重）：权重须大于 0" */
    public record ImportProblem(int row, String column, String header, String value, String message) {

        /** Values are echoed at most 50 characters long. */
        public ImportProblem {
            value = value == null || value.length() <= 50 ? value : value.substring(0, 50) + "…";
        }

        public String text() {
            return "第 " + row + " 行 " + column + " 列（" + header + "）：" + message;
        }
    }

    /** All-or-nothing: every row is checked; when one is wrong nothing is written. Tasks are matched by code. */
    @Transactional
    public ImportOutcome importTasks(CurrentUser user, long listId, List<TaskSheet.Row> rows) {
        TaskList list = access.editableList(user, listId);
        Map<String, List<Long>> units = unitsFor(list, rows.stream().map(TaskSheet.Row::form).toList());
        Map<String, Task> existing = new LinkedHashMap<>();
        lists.allTasks(listId).forEach(t -> existing.put(t.code(), t));
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Task> valid = new ArrayList<>();
        for (TaskSheet.Row row : rows) {
            String code = row.form().code() == null ? "" : row.form().code().strip();
            Task old = existing.get(code);
            var checked = TaskValidator.check(row.form(), list, old == null ? 0 : old.id(), units);
            for (var p : checked.problems()) {
                problems.add(new ImportProblem(row.row(), TaskSheet.column(p.field()), TaskSheet.header(p.field()),
                        p.value(), p.message()));
            }
            if (!code.isEmpty() && seen.containsKey(code)) {
                problems.add(new ImportProblem(row.row(), TaskSheet.column("code"), TaskSheet.header("code"), code,
                        "任务编号与第 " + seen.get(code) + " 行重复"));
            }
            seen.putIfAbsent(code, row.row());
            if (checked.ok()) {
                valid.add(checked.task());
            }
        }
        if (rows.isEmpty()) {
            problems.add(new ImportProblem(2, "A", TaskSheet.header("code"), "", "文件中没有任务数据（从第 2 行起填写）"));
        }
        if (!problems.isEmpty()) {
            return new ImportOutcome(0, 0, problems);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        int inserted = 0;
        int updated = 0;
        for (Task t : valid) {
            if (t.id() == 0) {
                lists.insertTask(t, now);
                inserted++;
            } else {
                lists.updateTask(t, now);
                updated++;
            }
        }
        audit.record(new AuditEvent(AuditAction.IMPORT, "lighting_task", null, "导入亮灯任务：" + list.name() + "，新增 "
                + inserted + " 项、更新 " + updated + " 项", null, Map.of("listId", listId, "inserted", inserted,
                "updated", updated, "codes", valid.stream().map(Task::code).toList()), null));
        return new ImportOutcome(inserted, updated, List.of());
    }

    static boolean isDuplicate(RuntimeException e) {
        return e instanceof DuplicateKeyException;
    }
}

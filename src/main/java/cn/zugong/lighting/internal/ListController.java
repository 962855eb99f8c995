package cn.zugong.lighting.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Task lists and tasks: browse, create and edit (administrators of the list's scope), Excel in and out, month close. */
@Controller
class ListController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ListRepository lists;
    private final TaskLists taskLists;
    private final Access access;
    private final Views views;
    private final ReportRepository reports;
    private final LightQueries lights;
    private final MonthClose close;
    private final AuditTrail audit;
    private final LightingSettings settings;

    ListController(ListRepository lists, TaskLists taskLists, Access access, Views views, ReportRepository reports,
                   LightQueries lights, MonthClose close, AuditTrail audit, LightingSettings settings) {
        this.lists = lists;
        this.taskLists = taskLists;
        this.access = access;
        this.views = views;
        this.reports = reports;
        this.lights = lights;
        this.close = close;
        this.audit = audit;
        this.settings = settings;
    }

    @GetMapping("/lighting")
    String index(CurrentUser user, Model model) {
        model.addAttribute("lists", lists.visible(user.scope()));
        model.addAttribute("isAdmin", user.role() == Role.ADMIN);
        model.addAttribute("canReport", user.role() == Role.ADMIN || user.role() == Role.REPORTER);
        model.addAttribute("canReview", user.role() == Role.ADMIN || user.role() == Role.REVIEWER);
        return "lighting/index";
    }

    @GetMapping("/lighting/lists/{listId}")
    String list(@PathVariable long listId, CurrentUser user, Model model) {
        TaskList list = access.visibleList(user, listId);
        model.addAttribute("list", list);
        model.addAttribute("tasks", lists.tasks(listId, user.scope()));
        model.addAttribute("windows", views.windows(list));
        model.addAttribute("canEdit", user.role() == Role.ADMIN && user.scope().contains(list.ownerPath()));
        return "lighting/list";
    }

    @GetMapping("/lighting/lists/new")
    String newList(CurrentUser user, Model model) {
        requireAdmin(user);
        ListConfig d = settings.defaultConfig();
        model.addAttribute("form", ListForm.of(new TaskList(0, "", "", views.today().getYear(), "人才工作",
                TaskList.ANNUAL, null, null, 0, "/", "", d, "")));
        return "lighting/list-form";
    }

    @PostMapping("/lighting/lists")
    String createList(@ModelAttribute ListForm form, CurrentUser user, Model model, HttpServletResponse response) {
        requireAdmin(user);
        List<String> problems = new ArrayList<>();
        TaskList saved = taskLists.createList(user, form, problems);
        if (saved == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("problems", problems);
            return "lighting/list-form";
        }
        return "redirect:/lighting/lists/" + saved.id();
    }

    @GetMapping("/lighting/lists/{listId}/edit")
    String editList(@PathVariable long listId, CurrentUser user, Model model) {
        TaskList list = access.editableList(user, listId);
        model.addAttribute("list", list);
        model.addAttribute("form", ListForm.of(list));
        return "lighting/list-form";
    }

    @PostMapping("/lighting/lists/{listId}/edit")
    String updateList(@PathVariable long listId, @ModelAttribute ListForm form, CurrentUser user, Model model,
                      HttpServletResponse response) {
        List<String> problems = new ArrayList<>();
        TaskList saved = taskLists.updateList(user, listId, form, problems);
        if (saved == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("list", access.visibleList(user, listId));
            model.addAttribute("form", form);
            model.addAttribute("problems", problems);
            return "lighting/list-form";
        }
        return "redirect:/lighting/lists/" + listId;
    }

    @GetMapping("/lighting/lists/{listId}/tasks/new")
    String newTask(@PathVariable long listId, CurrentUser user, Model model) {
        TaskList list = access.editableList(user, listId);
        model.addAttribute("list", list);
        model.addAttribute("form", TaskForm.empty(list.year()));
        return "lighting/task-form";
    }

    @PostMapping("/lighting/lists/{listId}/tasks")
    String createTask(@PathVariable long listId, @ModelAttribute TaskForm form, CurrentUser user, Model model,
                      HttpServletResponse response) {
        return saveTask(listId, null, form, user, model, response);
    }

    @GetMapping("/lighting/tasks/{taskId}/edit")
    String editTask(@PathVariable long taskId, CurrentUser user, Model model) {
        Task task = access.visibleTask(user, taskId);
        model.addAttribute("list", access.editableList(user, task.listId()));
        model.addAttribute("task", task);
        model.addAttribute("form", TaskForm.of(task));
        return "lighting/task-form";
    }

    @PostMapping("/lighting/tasks/{taskId}/edit")
    String updateTask(@PathVariable long taskId, @ModelAttribute TaskForm form, CurrentUser user, Model model,
                      HttpServletResponse response) {
        Task task = access.visibleTask(user, taskId);
        model.addAttribute("task", task);
        return saveTask(task.listId(), taskId, form, user, model, response);
    }

    private String saveTask(long listId, Long taskId, TaskForm form, CurrentUser user, Model model,
                            HttpServletResponse response) {
        List<TaskValidator.Problem> problems = new ArrayList<>();
        Task saved = taskLists.saveTask(user, listId, taskId, form, problems);
        if (saved == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("list", access.visibleList(user, listId));
            model.addAttribute("form", form);
            model.addAttribute("problems", problems.stream().map(p -> TaskSheet.header(p.field()) + "：" + p.message())
                    .toList());
            return "lighting/task-form";
        }
        return "redirect:/lighting/lists/" + listId;
    }

    /** Drill-down: the task, its light of every month with the reason, every report with its evidence. */
    @GetMapping("/lighting/tasks/{taskId}")
    String task(@PathVariable long taskId, @RequestParam(required = false) String month, CurrentUser user,
                Model model) {
        Task task = access.visibleTask(user, taskId);
        TaskList list = lists.list(task.listId()).orElseThrow();
        List<Report> history = reports.history(taskId);
        model.addAttribute("list", list);
        model.addAttribute("task", task);
        model.addAttribute("lights", lights.ofTask(taskId));
        model.addAttribute("reports", history);
        model.addAttribute("attachments", reports.attachments(history.stream().map(Report::id).toList()));
        model.addAttribute("month", month == null || month.isBlank() ? null : Period.parse(month).code());
        model.addAttribute("colours", Colour.LIGHTS);
        return "lighting/task";
    }

    @GetMapping("/lighting/template.xlsx")
    void template(CurrentUser user, HttpServletResponse response) throws IOException {
        Downloads.prepare(response, "亮灯任务导入模板.xlsx", "lighting-template.xlsx", XLSX);
        TaskSheet.write(List.of(), response.getOutputStream());
    }

    @GetMapping("/lighting/lists/{listId}/export.xlsx")
    void export(@PathVariable long listId, CurrentUser user, HttpServletResponse response) throws IOException {
        TaskList list = access.visibleList(user, listId);
        List<Task> tasks = lists.tasks(listId, user.scope());
        Downloads.prepare(response, list.name() + ".xlsx", "lighting-tasks.xlsx", XLSX);
        TaskSheet.write(tasks, response.getOutputStream());
        audit.record(AuditEvent.of(AuditAction.EXPORT, "lighting_task", null, "导出亮灯任务：" + list.name() + "，"
                + tasks.size() + " 项"));
    }

    @GetMapping("/lighting/import")
    String importPage(@RequestParam(required = false) Long listId, CurrentUser user, Model model) {
        model.addAttribute("list", access.editableList(user, listId));
        return "lighting/import";
    }

    /**
     * The caller's right to edit the list is checked before the upload is opened (issue 12: a leader's 200,000-row
     * file was parsed first); then the shared streaming reader applies the size, row and cell caps. Failures are
     * audited with the file name and the number of errors.
     */
    @PostMapping("/lighting/import")
    String importFile(@RequestParam(required = false) Long listId, @RequestParam(required = false) MultipartFile file,
                      CurrentUser user, Model model, HttpServletResponse response) {
        TaskList list = access.editableList(user, listId);
        model.addAttribute("list", list);
        String fileName = file == null ? null : file.getOriginalFilename();
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            List<TaskSheet.Row> rows = TaskSheet.read(in);
            TaskLists.ImportOutcome outcome = taskLists.importTasks(user, list.id(), rows);
            model.addAttribute("outcome", outcome);
            if (!outcome.ok()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                auditFailure(list, fileName, outcome.problems().size() + " 处错误，首个："
                        + outcome.problems().get(0).text(), outcome.problems().size());
            }
        } catch (SheetException e) {
            model.addAttribute("fileError", e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            auditFailure(list, fileName, e.getMessage(), 1);
        } catch (IOException e) {
            model.addAttribute("fileError", "读取上传文件失败，请重新上传");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            auditFailure(list, fileName, "读取上传文件失败", 1);
        }
        return "lighting/import";
    }

    private void auditFailure(TaskList list, String fileName, String reason, int errors) {
        String name = fileName == null || fileName.isBlank() ? "（无文件名）"
                : fileName.length() > 100 ? fileName.substring(0, 100) + "…" : fileName;
        audit.record(new AuditEvent(AuditAction.IMPORT_FAILED, "lighting_task", null, "导入亮灯任务失败：" + list.name()
                + "，" + name + "，" + reason, null, Map.of("listId", list.id(), "fileName", name, "errors", errors),
                null));
    }

    /** 关闭本月: final lights now (an administrator of the list's scope); also closes a reopened month again. */
    @PostMapping("/lighting/lists/{listId}/close")
    String closeMonth(@PathVariable long listId, @RequestParam(required = false) String month, CurrentUser user,
                      RedirectAttributes flash) {
        TaskList list = access.editableList(user, listId);
        Period p = Period.parse(month);
        requireYear(list, p);
        MonthClose.Result result;
        try {
            result = close.close(listId, p, user.username());
        } catch (ConflictException e) { // another node, the job or a second click closed it meanwhile
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/lighting/lists/" + listId;
        }
        flash.addFlashAttribute("message", p.label() + "已关闭并亮灯：" + result.tasks() + " 项任务，用时 " + result.millis()
                + " 毫秒。");
        return "redirect:/lighting/lists/" + listId;
    }

    /** 重新开放: late reports are accepted (marked 逾期) until the month is closed again. */
    @PostMapping("/lighting/lists/{listId}/reopen")
    String reopen(@PathVariable long listId, @RequestParam(required = false) String month, CurrentUser user,
                  RedirectAttributes flash) {
        TaskList list = access.editableList(user, listId);
        Period p = Period.parse(month);
        requireYear(list, p);
        close.reopen(listId, p, user.username());
        flash.addFlashAttribute("message", p.label() + "申报窗口已重新开放，补报的进度标记为逾期。");
        return "redirect:/lighting/lists/" + listId;
    }

    private static void requireYear(TaskList list, Period p) {
        if (p.year() != list.year()) {
            throw new NotFoundException("该月份不属于本清单年度：" + p.label());
        }
    }

    private static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.ADMIN) {
            throw new cn.zugong.shared.ForbiddenException("只有组织部管理员可以新建任务清单");
        }
    }
}

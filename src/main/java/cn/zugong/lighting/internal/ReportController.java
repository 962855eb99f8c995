package cn.zugong.lighting.internal;

import cn.zugong.shared.web.Downloads;
import cn.zugong.org.OrgNode;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.shared.Upload;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** 一站式申报 (one phone-friendly page per unit and month), review, reporting rates, evidence downloads. */
@Controller
class ReportController {

    private final Access access;
    private final ListRepository lists;
    private final ReportRepository reports;
    private final Reporting reporting;
    private final Reminders reminders;
    private final Views views;

    ReportController(Access access, ListRepository lists, ReportRepository reports, Reporting reporting,
                     Reminders reminders, Views views) {
        this.access = access;
        this.lists = lists;
        this.reports = reports;
        this.reporting = reporting;
        this.reminders = reminders;
        this.views = views;
    }

    @GetMapping("/lighting/report")
    String page(ListMonth asked, CurrentUser user, Model model) {
        Long listId = asked.listId();
        Long unitId = asked.unitId();
        String month = asked.month();
        if (user.role() != Role.REPORTER && user.role() != Role.ADMIN) {
            throw new cn.zugong.shared.ForbiddenException("只有单位填报员和组织部管理员可以申报进度");
        }
        TaskList list = listId == null ? views.defaultList(user, null) : access.visibleList(user, listId);
        Period period = views.month(list, month);
        model.addAttribute("list", list);
        model.addAttribute("lists", lists.visible(user.scope()).keySet());
        model.addAttribute("period", period);
        model.addAttribute("window", reporting.window(list, period));
        List<Task> scoped = lists.tasks(list.id(), user.scope());
        List<Long> unitIds = scoped.stream().map(Task::leadUnitId).distinct().toList();
        model.addAttribute("units", scoped.stream().collect(java.util.stream.Collectors.toMap(Task::leadUnitId,
                Task::leadUnitName, (a, b) -> a, java.util.TreeMap::new)));
        Long chosen = unitId != null ? unitId : user.role() == Role.REPORTER || unitIds.isEmpty()
                ? Long.valueOf(user.scope().nodeId()) : unitIds.get(0);
        OrgNode unit = access.unit(user, chosen);
        List<Task> tasks = lists.tasksOfUnit(list.id(), unit.id());
        Map<Long, Report> byTask = reports.ofTasks(tasks.stream().map(Task::id).toList(), period);
        Map<Long, Report> previous = period.month() == 1 ? Map.of()
                : reports.ofTasks(tasks.stream().map(Task::id).toList(), period.previous());
        model.addAttribute("unit", unit);
        model.addAttribute("tasks", tasks);
        model.addAttribute("reports", byTask);
        model.addAttribute("previous", previous);
        model.addAttribute("attachments", reports.attachments(byTask.values().stream().map(Report::id).toList()));
        model.addAttribute("notices", reminders.notices(unit.id()).stream().limit(3).toList());
        return "lighting/report";
    }

    @PostMapping("/lighting/report/save")
    String save(ReportEntry entry, CurrentUser user, RedirectAttributes flash) {
        Long taskId = entry.taskId();
        String actual = entry.actual();
        Task task = access.reportableTask(user, taskId);
        BigDecimal value;
        try {
            value = actual == null ? null : new BigDecimal(actual);
        } catch (NumberFormatException e) {
            throw new InvalidInput("累计完成值须为数字：" + actual);
        }
        boolean submit = "submit".equals(entry.action());
        Report saved = reporting.save(user, new Reporting.Entry(taskId, entry.month(), value, entry.narrative(),
                submit));
        flash.addFlashAttribute("message", task.code() + (submit ? " 已提交，等待审核。" : " 已暂存草稿。"));
        return back(task, saved.period(), user);
    }

    @PostMapping("/lighting/report/attachments")
    String attach(@RequestParam(required = false) Long taskId, @RequestParam(required = false) String month,
                  @RequestParam(required = false) MultipartFile file, CurrentUser user, RedirectAttributes flash)
            throws IOException {
        Task task = access.reportableTask(user, taskId);
        if (file == null || file.isEmpty()) {
            throw new InvalidInput("请选择要上传的附件");
        }
        Attachment a = reporting.attach(user, taskId, month, new Upload(file.getOriginalFilename(), file.getSize(),
                file::getBytes));
        flash.addFlashAttribute("message", task.code() + " 已上传附件：" + a.fileName());
        return back(task, Period.parse(month).code(), user);
    }

    private static String back(Task task, int period, CurrentUser user) {
        return "redirect:" + UriComponentsBuilder.fromPath("/lighting/report").queryParam("listId", task.listId())
                .queryParam("unitId", task.leadUnitId()).queryParam("month", Period.of(period).iso())
                .fragment("task-" + task.id()).build().toUriString();
    }

    @GetMapping("/lighting/attachments/{attachmentId}")
    void download(@PathVariable long attachmentId, CurrentUser user, HttpServletResponse response) throws IOException {
        Attachment a = reports.attachment(attachmentId).orElseThrow(() -> new NotFoundException("附件不存在：" + attachmentId));
        Report r = reports.byId(a.reportId()).orElseThrow();
        access.visibleTask(user, r.taskId());
        Downloads.prepare(response, a.fileName(), "evidence-" + a.id(), a.contentType());
        response.getOutputStream().write(reports.content(a.id()));
    }

    @GetMapping("/lighting/review")
    String review(ListMonth asked, CurrentUser user, Model model) {
        Long listId = asked.listId();
        String month = asked.month();
        access.requireReviewer(user);
        TaskList list = listId == null ? views.defaultList(user, null) : access.visibleList(user, listId);
        Period period = views.month(list, month);
        List<Task> tasks = lists.tasks(list.id(), user.scope());
        Map<Long, Report> byTask = reports.ofTasks(tasks.stream().map(Task::id).toList(), period);
        model.addAttribute("list", list);
        model.addAttribute("lists", lists.visible(user.scope()).keySet());
        model.addAttribute("period", period);
        model.addAttribute("tasks", tasks.stream().filter(t -> byTask.containsKey(t.id())
                && byTask.get(t.id()).status() != Report.Status.DRAFT).toList());
        model.addAttribute("reports", byTask);
        model.addAttribute("attachments", reports.attachments(byTask.values().stream().map(Report::id).toList()));
        return "lighting/review";
    }

    @PostMapping("/lighting/reports/{reportId}/review")
    String decide(@PathVariable long reportId, ReviewDecision form, CurrentUser user, RedirectAttributes flash) {
        Report r = reporting.review(user, reportId, "approve".equals(form.decision()), form.reason());
        Task task = lists.task(r.taskId()).orElseThrow();
        flash.addFlashAttribute("message", task.code() + (r.status() == Report.Status.APPROVED ? " 审核通过。" : " 已退回。"));
        return "redirect:/lighting/review?listId=" + task.listId() + "&month=" + Period.of(r.period()).iso();
    }

    /** 申报情况: expected, received, on time, late and missing reports per unit (like DHIS2's reporting rates). */
    @GetMapping("/lighting/rates")
    String rates(ListMonth asked, CurrentUser user, Model model) {
        Long listId = asked.listId();
        String month = asked.month();
        TaskList list = listId == null ? views.defaultList(user, null) : access.visibleList(user, listId);
        Period period = views.month(list, month);
        model.addAttribute("list", list);
        model.addAttribute("lists", lists.visible(user.scope()).keySet());
        model.addAttribute("period", period);
        model.addAttribute("window", reporting.window(list, period));
        model.addAttribute("rates", rates(list.id(), period, user.scope()));
        return "lighting/rates";
    }


    List<Rate> rates(long listId, Period period, OrgScope scope) {
        List<Task> tasks = lists.tasks(listId, scope);
        Map<Long, Report> byTask = reports.ofTasks(tasks.stream().map(Task::id).toList(), period);
        Map<Long, Rate> out = new java.util.LinkedHashMap<>();
        for (Task t : tasks) {
            Rate r = out.computeIfAbsent(t.leadUnitId(), k -> new Rate(t.leadUnitName(), new int[4],
                    new java.util.ArrayList<>()));
            Report rep = byTask.get(t.id());
            r.counts()[0]++;
            if (rep != null && rep.status().counts()) {
                r.counts()[1]++;
                r.counts()[rep.late() ? 3 : 2]++;
            } else {
                r.missing().add(t.code() + " " + t.title());
            }
        }
        return out.values().stream().sorted(java.util.Comparator.comparing((Rate r) -> -r.missing().size())
                .thenComparing(Rate::unitName)).toList();
    }

    /** counts: expected, received, on time, late. */
    record Rate(String unitName, int[] counts, List<String> missing) {
    }
}

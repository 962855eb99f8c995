package cn.zugong.lighting;

import cn.zugong.lighting.internal.HistoricalReports;
import cn.zugong.lighting.internal.LightingJob;
import cn.zugong.lighting.internal.LightingSettings;
import cn.zugong.lighting.internal.ListConfig;
import cn.zugong.lighting.internal.ListRepository;
import cn.zugong.lighting.internal.MonthClose;
import cn.zugong.lighting.internal.Period;
import cn.zugong.lighting.internal.Task;
import cn.zugong.lighting.internal.TaskList;
import cn.zugong.org.OrgNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * 亮灯台 lists whose year so far is already known — lists, tasks, reviewed monthly reports and closed months
 * with their real dates — written by the module itself. Used by the demo.
 */
@Service
public class LightingHistory {

    /** The reporting window of a list that does not take the configured defaults. */
    public record Window(int openDay, int closeDay, int remindDays) {
    }

    /** A list; {@code symposium} lists hold the items of {@code sourceMeeting} (人才座谈会), the others are yearly. */
    public record NewList(String code, String name, int year, String domain, boolean symposium, String sourceMeeting,
                          LocalDate meetingDate, OrgNode owner, Window window, String createdBy,
                          LocalDateTime createdAt) {
    }

    /** A task; {@code plan} holds the cumulative percentages of the target planned by each month's end. */
    public record NewTask(String code, String title, long leadUnitId, String leadUnitName, List<Long> coUnitIds,
                          BigDecimal weight, BigDecimal target, String measure, List<Integer> plan, LocalDate deadline,
                          String sourceItem) {

        /** The value planned by the end of the month, as the lights compute it. */
        public BigDecimal planned(int year, int month) {
            return task(0, 0).planned(new Period(year, month));
        }

        public String targetText() {
            return task(0, 0).targetText();
        }

        Task task(long id, long listId) {
            return new Task(id, listId, code, title, leadUnitId, leadUnitName, coUnitIds, "", weight, target, measure,
                    plan, deadline, sourceItem);
        }
    }

    /** A monthly report; {@code status} is DRAFT, SUBMITTED, RETURNED or APPROVED. */
    public record Report(long taskId, int year, int month, long unitId, BigDecimal actualValue, String narrative,
                         String status, boolean late, String savedBy, LocalDateTime savedAt, String submittedBy,
                         LocalDateTime submittedAt, String reviewedBy, LocalDateTime reviewedAt, String returnReason) {
    }

    private final ListRepository lists;
    private final HistoricalReports reports;
    private final MonthClose close;
    private final LightingJob job;
    private final LightingSettings settings;

    LightingHistory(ListRepository lists, HistoricalReports reports, MonthClose close, LightingJob job,
                    LightingSettings settings) {
        this.lists = lists;
        this.reports = reports;
        this.close = close;
        this.job = job;
        this.settings = settings;
    }

    public boolean exists(String listCode) {
        return lists.listByCode(listCode).isPresent();
    }

    /** The number of tasks of the list with this code. */
    public int taskCount(String listCode) {
        return lists.allTasks(lists.listByCode(listCode).orElseThrow().id()).size();
    }

    public long addList(NewList l) {
        ListConfig d = settings.defaultConfig();
        ListConfig config = l.window() == null ? d : new ListConfig(l.window().openDay(), l.window().closeDay(),
                l.window().remindDays(), d.blueRatio(), d.yellowRatio(), d.redRatio(), d.stallMonths(), d.points(),
                null);
        OrgNode owner = l.owner();
        return lists.insertList(new TaskList(0, l.code(), l.name(), l.year(), l.domain(),
                l.symposium() ? TaskList.SYMPOSIUM : TaskList.ANNUAL, l.sourceMeeting(), l.meetingDate(), owner.id(),
                owner.path(), owner.name(), config, l.createdBy()), l.createdAt());
    }

    public long addTask(long listId, NewTask task, LocalDateTime createdAt) {
        return lists.insertTask(task.task(0, listId), createdAt);
    }

    public void addReports(List<Report> monthly) {
        reports.insert(monthly);
    }

    /** Closes the month of the list as its window's close would: lights, points, ranking. */
    public void closeMonth(long listId, int year, int month, String actor) {
        close.close(listId, new Period(year, month), actor);
    }

    /** One pass of the 亮灯台 job (closes what the clock says is due, reminders, notices). */
    public void runJob() {
        job.run();
    }
}

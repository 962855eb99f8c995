package cn.zugong.lighting.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Upload;
import cn.zugong.shared.UploadedFiles;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 一站式申报: save a draft, submit (exactly once per task and month: the unique key and a conditional update),
 * review (approve, or return with a reason the reporter sees), attachments. Every write is one transaction
 * and audited with its before and after.
 */
@Service
public class Reporting {

    /** Evidence files per report (one task and month). */
    static final int MAX_ATTACHMENTS = 10;

    private final Access access;
    private final ListRepository lists;
    private final ReportRepository reports;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final LightingSettings settings;
    private final Window.Expiry expiry;

    Reporting(Access access, ListRepository lists, ReportRepository reports, AuditTrail audit, Clock clock,
              PlatformTransactionManager transactions, LightingSettings settings,
              Window.Expiry expiry) {
        this.access = access;
        this.lists = lists;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.expiry = expiry;
    }

    /** What a reporter sends for one task and month. */
    public record Entry(Long taskId, String month, BigDecimal actual, String narrative, boolean submit) {
    }

    public Window window(TaskList list, Period period) {
        return Window.of(list.config(), period, reports.monthStatus(list.id(), period), LocalDateTime.now(clock),
                expiry);
    }

    /** Saves the draft and, with {@code submit}, submits it. A repeated identical submit changes nothing. */
    public Report save(CurrentUser user, Entry entry) {
        Task task = access.reportableTask(user, entry.taskId());
        Period period = Period.parse(entry.month());
        TaskList list = lists.list(task.listId()).orElseThrow();
        if (period.year() != list.year()) {
            throw new NotFoundException("该月份不属于本清单年度：" + period.label());
        }
        String narrative = entry.narrative() == null ? null : entry.narrative().strip();
        validate(entry.actual(), narrative, entry.submit());
        try {
            return tx.execute(s -> saveOnce(user, task, list, period, entry.actual(), narrative, entry.submit()));
        } catch (DuplicateKeyException raced) {
            // another request inserted this task's report first: now it exists, update it
            return tx.execute(s -> saveOnce(user, task, list, period, entry.actual(), narrative, entry.submit()));
        }
    }

    private Report saveOnce(CurrentUser user, Task task, TaskList list, Period period, BigDecimal actual,
                            String narrative, boolean submit) {
        Window window = window(list, period);
        LocalDateTime now = LocalDateTime.now(clock);
        Report before = reports.find(task.id(), period).orElse(null);
        if (before != null && !before.editable()) {
            if (submit && before.status() == Report.Status.SUBMITTED && same(before, actual, narrative)) {
                return before; // idempotent: the same submission again
            }
            throw InvalidInput.conflict("本月进度已提交（" + before.status().label() + "），如需修改请联系审核员退回");
        }
        if (!window.acceptsReports()) {
            throw InvalidInput.conflict("不在申报时间内：" + window.text());
        }
        long id;
        if (before == null) {
            id = reports.insertDraft(task.id(), period, task.leadUnitId(), actual, narrative, user.username(), now);
        } else {
            id = before.id();
            if (reports.updateEditable(id, actual, narrative, user.username(), now) == 0) {
                throw InvalidInput.conflict("本月进度已被他人提交，请刷新后查看");
            }
        }
        if (submit && reports.submit(id, window.late(), user.username(), now) == 0) {
            throw InvalidInput.conflict("本月进度已被他人提交，请刷新后查看");
        }
        Report after = reports.byId(id).orElseThrow();
        audit.record(new AuditEvent(before == null ? AuditAction.CREATE : AuditAction.UPDATE, "lighting_report",
                String.valueOf(id), (submit ? "提交" : "暂存") + "亮灯任务进度：" + task.code() + " " + period.label(),
                before == null ? null : before.audit(), after.audit(), null));
        return after;
    }

    private static boolean same(Report r, BigDecimal actual, String narrative) {
        return r.actual() != null && actual != null && r.actual().compareTo(actual) == 0
                && Objects.equals(r.narrative(), narrative);
    }

    private static void validate(BigDecimal actual, String narrative, boolean submit) {
        if (actual != null && (actual.signum() < 0 || actual.compareTo(new BigDecimal("1000000000000")) >= 0)) {
            throw new InvalidInput("累计完成值须为不小于 0 的数字");
        }
        if (narrative != null && narrative.length() > 2000) {
            throw new InvalidInput("进展情况不能超过 2000 字");
        }
        if (submit && (actual == null || narrative == null || narrative.isBlank())) {
            throw new InvalidInput("提交前请填写累计完成值和进展情况");
        }
    }

    /** Approve, or return with a reason (required). Only submitted reports are reviewed. */
    public Report review(CurrentUser user, Long reportId, boolean approve, String reason) {
        access.requireReviewer(user);
        Report before = reportId == null ? null : reports.byId(reportId).orElse(null);
        if (before == null) {
            throw new NotFoundException("申报记录不存在：" + reportId);
        }
        Task task = access.visibleTask(user, before.taskId());
        String why = reason == null ? "" : reason.strip();
        if (!approve && why.isEmpty()) {
            throw new InvalidInput("退回时必须填写退回原因");
        }
        if (why.length() > 500) {
            throw new InvalidInput("退回原因不能超过 500 字");
        }
        return tx.execute(s -> {
            if (reports.review(before.id(), approve, why, user.username(), LocalDateTime.now(clock)) == 0) {
                throw InvalidInput.conflict("该申报当前状态为“" + before.status().label() + "”，不能审核");
            }
            Report after = reports.byId(before.id()).orElseThrow();
            audit.record(new AuditEvent(AuditAction.UPDATE, "lighting_report", String.valueOf(before.id()),
                    (approve ? "审核通过" : "退回") + "亮灯任务进度：" + task.code() + " " + Period.of(before.period()).label(),
                    before.audit(), after.audit(), null));
            return after;
        });
    }

    /** Adds evidence to the month's report (a draft is created when there is none yet). */
    /**
     * Adds evidence to the report of a task and month. Order: the caller's right to report the task, then name,
     * type and size, then the count per report ({@link #MAX_ATTACHMENTS}); only then are the bytes read and
     * checked against the extension (magic number, {@link UploadedFiles}).
     */
    public Attachment attach(CurrentUser user, Long taskId, String month, Upload upload) {
        Task task = access.reportableTask(user, taskId);
        Period period = Period.parse(month);
        String name = upload.fileName() == null ? "" : upload.fileName().replaceAll("[\\\\/]", "_").strip();
        String ext = UploadedFiles.extension(name);
        if (upload.size() == 0) {
            throw new InvalidInput("附件为空，请重新选择文件");
        }
        if (upload.size() > settings.attachments().maxBytes()) {
            throw new InvalidInput("附件过大：单个附件不能超过 " + settings.attachments().maxBytes() / 1024 / 1024 + "MB");
        }
        String type = UploadedFiles.typeOf(ext, Set.copyOf(settings.attachments().extensions())).orElse(null);
        if (type == null || name.length() > 200) {
            throw new InvalidInput("附件类型不支持：仅限 " + String.join("、", settings.attachments().extensions()));
        }
        TaskList list = lists.list(task.listId()).orElseThrow();
        return tx.execute(s -> {
            Report report = reports.find(task.id(), period).orElse(null);
            if (report != null && !report.editable()) {
                throw InvalidInput.conflict("本月进度已提交，不能再添加附件");
            }
            if (!window(list, period).acceptsReports()) {
                throw InvalidInput.conflict("不在申报时间内：" + window(list, period).text());
            }
            if (report != null && reports.attachmentCount(report.id()) >= MAX_ATTACHMENTS) {
                throw InvalidInput.conflict("每份进度最多上传 " + MAX_ATTACHMENTS + " 个附件，请删除或合并后再上传");
            }
            byte[] content = upload.bytes();
            if (content.length == 0 || content.length > settings.attachments().maxBytes()) {
                throw new InvalidInput("附件为空或过大，请重新选择文件");
            }
            if (!UploadedFiles.contentMatches(ext, content)) {
                throw new InvalidInput("附件「" + name + "」的内容与扩展名 ." + ext + " 不符，文件可能已损坏或被改名");
            }
            LocalDateTime now = LocalDateTime.now(clock);
            long reportId = report != null ? report.id()
                    : reports.insertDraft(task.id(), period, task.leadUnitId(), null, null, user.username(), now);
            long id = reports.addAttachment(reportId, name, type, content, user.username(), now);
            audit.record(new AuditEvent(AuditAction.CREATE, "lighting_attachment", String.valueOf(id),
                    "上传亮灯任务佐证材料：" + task.code() + " " + period.label(), null,
                    Map.of("reportId", reportId, "fileName", name, "size", content.length,
                            "sha256", UploadedFiles.sha256(content)), null));
            return reports.attachment(id).orElseThrow();
        });
    }
}

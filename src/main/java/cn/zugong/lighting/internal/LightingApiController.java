package cn.zugong.lighting.internal;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.time.ReportPeriod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The 亮灯台 over REST (浙政钉 apps, mobile clients, the load run): same rules and scope as the pages. */
@RestController
@RequestMapping("/api/lighting")
class LightingApiController {

    private final Access access;
    private final ListRepository lists;
    private final ReportRepository reports;
    private final Reporting reporting;
    private final BoardController board;
    private final Scoring scoring;
    private final Clock clock;

    LightingApiController(Access access, ListRepository lists, ReportRepository reports, Reporting reporting,
                          BoardController board, Scoring scoring, Clock clock) {
        this.scoring = scoring;
        this.clock = clock;
        this.access = access;
        this.lists = lists;
        this.reporting = reporting;
        this.reports = reports;
        this.board = board;
    }

    record ListView(long id, String code, String name, int year, String source, String sourceMeeting, int tasks) {
    }

    @GetMapping("/lists")
    List<ListView> lists(CurrentUser user) {
        return lists.visible(user.scope()).entrySet().stream().map(e -> new ListView(e.getKey().id(), e.getKey().code(),
                e.getKey().name(), e.getKey().year(), e.getKey().source(), e.getKey().sourceMeeting(), e.getValue()))
                .toList();
    }

    @GetMapping("/lists/{listId}/tasks")
    List<Task> tasks(@PathVariable long listId, CurrentUser user) {
        access.visibleList(user, listId);
        return lists.tasks(listId, user.scope());
    }

    @GetMapping("/tasks/{taskId}/reports")
    List<Report> reports(@PathVariable long taskId, CurrentUser user) {
        access.visibleTask(user, taskId);
        return reports.history(taskId);
    }

    /** Body of a report: {"taskId":1,"month":"2026-10","actual":12,"narrative":"…","submit":true}. */
    record ReportBody(Long taskId, String month, BigDecimal actual, String narrative, Boolean submit) {
    }

    @PostMapping("/reports")
    Report save(@RequestBody ReportBody body, CurrentUser user) {
        return reporting.save(user, new Reporting.Entry(body.taskId(), body.month(), body.actual(), body.narrative(),
                Boolean.TRUE.equals(body.submit())));
    }

    record ReviewBody(Boolean approve, String reason) {
    }

    @PostMapping("/reports/{reportId}/review")
    Report review(@PathVariable long reportId, @RequestBody ReviewBody body, CurrentUser user) {
        return reporting.review(user, reportId, Boolean.TRUE.equals(body.approve()), body.reason());
    }

    /** The figures of a period (from–to, both inclusive; bad or missing dates: the year to date) in the caller's scope. */
    @GetMapping("/figures")
    Scoring.PeriodFigures figures(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  CurrentUser user) {
        var period = ReportPeriod.of("custom", null, null, null, from, to,
                LocalDate.now(clock));
        return scoring.period(user.scope(), period.from(), period.to());
    }

    @GetMapping("/board")
    Map<String, Object> board(ListMonth asked, CurrentUser user) {
        Bulletin.Content c = board.content(user, asked);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("list", c.list().name());
        out.put("period", c.period().iso());
        out.put("colours", c.figures().colours());
        out.put("score", c.figures().score());
        out.put("expected", c.expected());
        out.put("received", c.received());
        out.put("flagged", c.flagged());
        out.put("ranking", c.ranking());
        out.put("formula", Scoring.FORMULA);
        return out;
    }
}

package cn.zugong.lighting.internal;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.legend.Colour;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Shared page helpers: default months, the windows of a year, chart JSON. */
@Component
public class Views {

    private final ReportRepository reports;
    private final ListRepository lists;
    private final Clock clock;
    private final Window.Expiry expiry;

    Views(ReportRepository reports, ListRepository lists, Clock clock, Window.Expiry expiry) {
        this.expiry = expiry;
        this.reports = reports;
        this.lists = lists;
        this.clock = clock;
    }

    /** The month asked for, else the latest month whose window has opened (or January of the list's year). */
    public Period month(TaskList list, String month) {
        if (month != null && !month.isBlank()) {
            Period p = Period.parse(month);
            if (p.year() != list.year()) {
                throw new cn.zugong.shared.NotFoundException("该月份不属于本清单年度：" + p.label());
            }
            return p;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Map<Integer, String> statuses = reports.monthStatuses(list.id());
        Period best = new Period(list.year(), 1);
        for (int m = 1; m <= 12; m++) {
            Period p = new Period(list.year(), m);
            if (Window.of(list.config(), p, statuses.get(p.code()), now, expiry).state() != Window.State.BEFORE_OPEN) {
                best = p;
            }
        }
        return best;
    }

    public List<Window> windows(TaskList list) {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<Integer, String> statuses = reports.monthStatuses(list.id());
        List<Window> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            Period p = new Period(list.year(), m);
            out.add(Window.of(list.config(), p, statuses.get(p.code()), now, expiry));
        }
        return out;
    }

    public TaskList defaultList(CurrentUser user, Long listId) {
        if (listId != null) {
            return null;
        }
        return lists.visible(user.scope()).keySet().stream().findFirst()
                .orElseThrow(() -> new cn.zugong.shared.NotFoundException("您的管理范围内还没有亮灯任务清单"));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** [{period, GREEN: n, …, score}] for the trend chart's data- attribute. */
    public static String trendJson(List<Scoring.MonthFigures> trend) {
        return trend.stream().map(f -> "{\"period\":\"" + f.period().month() + "月\",\"score\":" + f.score()
                        + Colour.LIGHTS.stream().map(c -> ",\"" + c.code() + "\":" + f.count(c))
                        .collect(Collectors.joining()) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    public static String coloursJson() {
        return Colour.LIGHTS.stream().map(c -> "{\"code\":\"" + c.code() + "\",\"label\":\""
                + c.shortLabel() + "灯\",\"hex\":\"" + c.hex() + "\"}").collect(Collectors.joining(",", "[", "]"));
    }
}

package cn.zugong.lighting.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders {@code remindDays} before a window closes: every unit that still has tasks without a submitted
 * report gets one in-app notice per list and month, and when the list has a robot webhook one outbox
 * message names the units (both deduplicated, so the job may run as often as it likes).
 */
@Service
public class Reminders {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    Reminders(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Missing(long unitId, String unitName, int tasks) {
    }

    /** Units with tasks not yet submitted for the month (one aggregate query). */
    public List<Missing> missing(long listId, Period period) {
        return jdbc.sql("select t.lead_unit_id, n.name, count(*) from lighting_task t join org_node n on n.id = t.lead_unit_id "
                        + "left join lighting_report r on r.task_id = t.id and r.period = :p "
                        + "and r.status in ('SUBMITTED', 'APPROVED') where t.list_id = :l and r.id is null "
                        + "group by t.lead_unit_id, n.name order by n.name")
                .param("l", listId).param("p", period.code())
                .query((rs, i) -> new Missing(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    /** Sends the reminders of the window if it is open and within remindDays of closing; returns notices created. */
    @Transactional
    public int remind(TaskList list, Window window) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (window.state() != Window.State.OPEN
                || now.isBefore(window.closesAt().minusDays(list.config().remindDays()))) {
            return 0;
        }
        Period period = window.period();
        String close = window.closesAt().toLocalDate().minusDays(1).toString();
        List<String> units = new ArrayList<>();
        int created = 0;
        for (Missing m : missing(list.id(), period)) {
            int n = jdbc.sql("select count(*) from lighting_notice where list_id = :l and period = :p and unit_id = :u "
                            + "and kind = 'REMIND'").param("l", list.id()).param("p", period.code()).param("u", m.unitId())
                    .query(Integer.class).single();
            if (n == 0) { // a pass running at the same time may have written it meanwhile: the unique key decides
                created += jdbc.sql("insert into lighting_notice (list_id, period, unit_id, kind, message, created_at) "
                                + "values (:l, :p, :u, 'REMIND', :m, :now) on conflict do nothing")
                        .param("l", list.id()).param("p", period.code())
                        .param("u", m.unitId()).param("m", "【亮灯台提醒】" + list.name() + " " + period.label() + "进度申报将于 "
                                + close + " 截止，本单位还有 " + m.tasks() + " 项任务未提交，请及时申报。")
                        .param("now", Timestamp.valueOf(now)).update();
            }
            units.add(m.unitName() + "（" + m.tasks() + " 项）");
        }
        if (list.config().webhookUrl() != null && !units.isEmpty()) {
            String text = "【亮灯台提醒】" + list.name() + " " + period.label() + "进度申报将于 " + close + " 截止，尚未提交的单位："
                    + String.join("、", units.subList(0, Math.min(units.size(), 30)))
                    + (units.size() > 30 ? " 等 " + units.size() + " 个单位" : "") + "。";
            outbox.enqueue(WebhookChannel.NAME, list.config().webhookUrl(), robotJson(text),
                    "remind:" + list.id() + ":" + period.code());
        }
        return created;
    }

    /** 钉钉/浙政钉 group robot text message. */
    static String robotJson(String text) {
        return "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n") + "\"}}";
    }

    public record Notice(long id, String message, LocalDateTime createdAt) {
    }

    public List<Notice> notices(long unitId) {
        return jdbc.sql("select id, message, created_at from lighting_notice where unit_id = :u order by id desc")
                .param("u", unitId).query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3).toLocalDateTime())).list();
    }
}

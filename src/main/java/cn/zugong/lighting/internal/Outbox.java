package cn.zugong.lighting.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The outbox: messages are written in the business transaction (deduplicated by key) and delivered later
 * by {@link #deliverDue()}; every attempt is recorded, a failure is retried after retrySeconds × 2^(n−1)
 * until maxAttempts, then the message is FAILED.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final Map<String, NoticeChannel> channels;
    private final LightingSettings settings;
    private final Clock clock;

    Outbox(JdbcClient jdbc, List<NoticeChannel> channels, LightingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.channels = channels.stream().collect(Collectors.toMap(NoticeChannel::name, Function.identity()));
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues a message unless one with the same key exists; true when queued. */
    public boolean enqueue(String channel, String target, String payload, String dedupeKey) {
        if (jdbc.sql("select count(*) from lighting_outbox where dedupe_key = :k").param("k", dedupeKey)
                .query(Integer.class).single() > 0) {
            return false;
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        jdbc.sql("insert into lighting_outbox (channel, target, payload, dedupe_key, status, next_attempt_at, created_at) "
                        + "values (:c, :t, :p, :k, 'PENDING', :now, :now)").param("c", channel).param("t", target)
                .param("p", payload).param("k", dedupeKey).param("now", now).update();
        return true;
    }

    record Message(long id, String channel, String target, String payload, int attempts) {
    }

    /** Sends every due message once; returns how many were sent. */
    public int deliverDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Message> due = jdbc.sql("select id, channel, target, payload, attempts from lighting_outbox "
                        + "where status = 'PENDING' and next_attempt_at <= :now order by id")
                .param("now", Timestamp.valueOf(now))
                .query((rs, i) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5))).list();
        int sent = 0;
        for (Message m : due) {
            int attempt = m.attempts() + 1;
            Integer code = null;
            String error = null;
            try {
                NoticeChannel channel = channels.get(m.channel());
                if (channel == null) {
                    throw new IllegalStateException("no channel " + m.channel());
                }
                code = channel.send(m.target(), m.payload());
            } catch (Exception e) {
                error = String.valueOf(e.getMessage());
                error = error.length() > 500 ? error.substring(0, 500) : error;
            }
            LocalDateTime at = LocalDateTime.now(clock);
            jdbc.sql("insert into lighting_outbox_attempt (outbox_id, attempt, attempted_at, status_code, error) "
                            + "values (:id, :n, :at, :code, :e)").param("id", m.id()).param("n", attempt)
                    .param("at", Timestamp.valueOf(at)).param("code", code).param("e", error).update();
            if (error == null) {
                sent++;
                jdbc.sql("update lighting_outbox set status = 'SENT', attempts = :n, sent_at = :at, last_error = null "
                        + "where id = :id").param("n", attempt).param("at", Timestamp.valueOf(at)).param("id", m.id()).update();
            } else {
                boolean give = attempt >= settings.outbox().maxAttempts();
                long delay = settings.outbox().retrySeconds() << Math.min(attempt - 1, 10);
                jdbc.sql("update lighting_outbox set status = :s, attempts = :n, last_error = :e, next_attempt_at = :next "
                                + "where id = :id").param("s", give ? "FAILED" : "PENDING").param("n", attempt)
                        .param("e", error).param("next", Timestamp.valueOf(at.plusSeconds(delay))).param("id", m.id())
                        .update();
            }
        }
        return sent;
    }
}

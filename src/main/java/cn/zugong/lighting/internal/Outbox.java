package cn.zugong.lighting.internal;

import cn.zugong.shared.jobs.Node;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: messages are written in the business transaction (deduplicated by key) and delivered later
 * by {@link #deliverDue()}; every attempt is recorded, a failure is retried after retrySeconds × 2^(n−1)
 * until maxAttempts, then the message is FAILED. Each message is sent by one node (a claim, see
 * {@link #deliverDue()}).
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final Map<String, NoticeChannel> channels;
    private final LightingSettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Outbox(JdbcClient jdbc, List<NoticeChannel> channels, LightingSettings settings, Clock clock,
           TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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
        // a pass on another node may have queued it meanwhile: the unique key decides, without an error
        return jdbc.sql("insert into lighting_outbox (channel, target, payload, dedupe_key, status, next_attempt_at, "
                        + "created_at) values (:c, :t, :p, :k, 'PENDING', :now, :now) on conflict do nothing")
                .param("c", channel).param("t", target).param("p", payload).param("k", dedupeKey).param("now", now)
                .update() == 1;
    }

    record Message(long id, String channel, String target, String payload, int attempts) {
    }

    /**
     * Sends every due message once; returns how many this call sent. Several nodes or threads may deliver at
     * once: each message is claimed first by a conditional update (claimed by nobody, or by a claim older than
     * the claim timeout), only the claimant sends it, and its attempt and new status are written together, in
     * one transaction, only while the claim is still its own. No database lock is held while sending.
     */
    public int deliverDue() {
        String claimant = Node.id() + "/" + UUID.randomUUID();
        LocalDateTime now = LocalDateTime.now(clock);
        Timestamp stale = Timestamp.valueOf(now.minus(settings.outbox().claimTimeout()));
        List<Long> due = jdbc.sql("select id from lighting_outbox where status = 'PENDING' and next_attempt_at <= :now "
                        + "and (claimed_at is null or claimed_at < :stale) order by id")
                .param("now", Timestamp.valueOf(now)).param("stale", stale).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            Optional<Message> claimed = claim(id, claimant, stale);
            if (claimed.isPresent() && deliver(claimed.get(), claimant)) {
                sent++;
            }
        }
        return sent;
    }

    /** The message if this claimant took it: still pending, due and not claimed by a live claim. */
    private Optional<Message> claim(long id, String claimant, Timestamp stale) {
        LocalDateTime now = LocalDateTime.now(clock);
        int taken = jdbc.sql("update lighting_outbox set claimed_by = :c, claimed_at = :now where id = :id "
                        + "and status = 'PENDING' and next_attempt_at <= :now and (claimed_at is null or claimed_at < :stale)")
                .param("c", claimant).param("now", Timestamp.valueOf(now)).param("stale", stale).param("id", id).update();
        if (taken == 0) {
            return Optional.empty();
        }
        // read after the claim: another node may have attempted it between the list and the claim
        return jdbc.sql("select id, channel, target, payload, attempts from lighting_outbox where id = :id and claimed_by = :c")
                .param("id", id).param("c", claimant)
                .query((rs, i) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5))).optional();
    }

    /** Sends the claimed message and records the attempt; true when sent. */
    private boolean deliver(Message m, String claimant) {
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
        Integer status = code;
        String failure = error;
        Boolean recorded = transactions.execute(tx -> record(m, claimant, attempt, at, status, failure));
        if (!Boolean.TRUE.equals(recorded)) {
            log.warn("outbox message {} was sent by {} after its claim timed out; another node owns it now", m.id(),
                    claimant);
        }
        return error == null;
    }

    private boolean record(Message m, String claimant, int attempt, LocalDateTime at, Integer code, String error) {
        int updated;
        if (error == null) {
            updated = jdbc.sql("update lighting_outbox set status = 'SENT', attempts = :n, sent_at = :at, last_error = null, "
                            + "claimed_by = null, claimed_at = null where id = :id and claimed_by = :c")
                    .param("n", attempt).param("at", Timestamp.valueOf(at)).param("id", m.id()).param("c", claimant)
                    .update();
        } else {
            boolean give = attempt >= settings.outbox().maxAttempts();
            long delay = settings.outbox().retrySeconds() << Math.min(attempt - 1, 10);
            updated = jdbc.sql("update lighting_outbox set status = :s, attempts = :n, last_error = :e, next_attempt_at = :next, "
                            + "claimed_by = null, claimed_at = null where id = :id and claimed_by = :c")
                    .param("s", give ? "FAILED" : "PENDING").param("n", attempt).param("e", error)
                    .param("next", Timestamp.valueOf(at.plusSeconds(delay))).param("id", m.id()).param("c", claimant)
                    .update();
        }
        if (updated == 0) {
            return false;
        }
        jdbc.sql("insert into lighting_outbox_attempt (outbox_id, attempt, attempted_at, status_code, error) "
                        + "values (:id, :n, :at, :code, :e)").param("id", m.id()).param("n", attempt)
                .param("at", Timestamp.valueOf(at)).param("code", code).param("e", error).update();
        return true;
    }
}

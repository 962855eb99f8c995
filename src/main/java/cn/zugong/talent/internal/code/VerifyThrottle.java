package cn.zugong.talent.internal.code;

import cn.zugong.shared.TooManyRequestsException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public verify routes' limit per client address: at most {@code zugong.talent.verify.per-minute} verifications
 * (default 30) in a fixed one-minute window, then 429 with a Chinese message and Retry-After. Kept in memory per
 * instance, like the login throttle of the security module (ClientThrottle); 0 turns it off (benchmarks).
 */
@Component
class VerifyThrottle {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private record Window(long minute, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int perMinute;

    VerifyThrottle(Clock clock, @Value("${zugong.talent.verify.per-minute:30}") int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Counts one verification of {@code client}; 429 when it has used up its minute. */
    void acquire(String client) {
        int limit = perMinute;
        if (limit <= 0) {
            return;
        }
        long now = clock.millis();
        long minute = now / 60_000;
        if (windows.size() > MAX_TRACKED_CLIENTS) {
            windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        }
        Window w = windows.compute(client == null ? "?" : client, (k, old) ->
                old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        if (w.count() > limit) {
            long retry = Math.max(1, 60 - (now % 60_000) / 1000);
            throw new TooManyRequestsException("核验过于频繁：每个地址每分钟最多核验 " + limit + " 次，请 " + retry
                    + " 秒后再试", retry);
        }
    }

    /** For tests and benchmarks: the limit per minute (0 = off). */
    int perMinute() {
        return perMinute;
    }

    void perMinute(int limit) {
        this.perMinute = limit;
        windows.clear();
    }
}

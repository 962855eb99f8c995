package cn.zugong.shared.web;

import cn.zugong.shared.TooManyRequestsException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * A limit per client (address) in fixed one-minute windows, for public routes without sign-in (the 人才码 verify
 * page, the raters' vote page): past the limit, 429 with the caller's Chinese message and Retry-After. Kept in memory
 * per instance like the login throttle; a limit of 0 turns it off (benchmarks). Thread-safe.
 */
public final class MinuteThrottle {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private record Window(long minute, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final IntFunction<String> message;
    private volatile int perMinute;

    /** {@code message} gives the refusal text for the limit (e.g. "每个地址每分钟最多核验 30 次"). */
    public MinuteThrottle(Clock clock, int perMinute, IntFunction<String> message) {
        this.clock = clock;
        this.perMinute = perMinute;
        this.message = message;
    }

    /** Counts one request of {@code client}; 429 when it has used up its minute. */
    public void acquire(String client) {
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
            throw new TooManyRequestsException(message.apply(limit) + "，请 " + retry + " 秒后再试", retry);
        }
    }

    public int perMinute() {
        return perMinute;
    }

    /** For tests and benchmarks: a new limit (0 = off), starting a fresh window for everyone. */
    public void perMinute(int limit) {
        this.perMinute = limit;
        windows.clear();
    }
}

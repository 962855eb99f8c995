package cn.zugong.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address over a sliding window. Kept in memory: it slows a password sprayer
 * down on this instance; the per-account lock (in the database) is what holds across instances.
 */
@Component
class ClientThrottle {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final SecuritySettings settings;
    private final Clock clock;

    ClientThrottle(SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    void failed(String client) {
        if (client == null) {
            return;
        }
        if (failures.size() > MAX_TRACKED_CLIENTS) {
            failures.entrySet().removeIf(e -> blockedFrom(e.getValue()) == null);
        }
        Deque<Instant> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    /** True while the client has failed too often within the window. */
    boolean blocked(String client) {
        Deque<Instant> times = client == null ? null : failures.get(client);
        return times != null && blockedFrom(times) != null;
    }

    private Instant blockedFrom(Deque<Instant> times) {
        Instant windowStart = clock.instant().minus(settings.clientWindow());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
                times.pollFirst();
            }
            return times.size() >= settings.clientMaxFailures() ? times.peekFirst() : null;
        }
    }
}

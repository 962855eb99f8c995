package cn.zugong.talent.internal.code;

import cn.zugong.shared.web.MinuteThrottle;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public verify routes' limit per client address: at most {@code zugong.talent.verify.per-minute} verifications
 * (default 30) in a fixed one-minute window, then 429 with a Chinese message and Retry-After (the shared
 * {@link MinuteThrottle}); 0 turns it off (benchmarks).
 */
@Component
class VerifyThrottle {

    private final MinuteThrottle throttle;

    VerifyThrottle(Clock clock, @Value("${zugong.talent.verify.per-minute:30}") int perMinute) {
        this.throttle = new MinuteThrottle(clock, perMinute, limit -> "核验过于频繁：每个地址每分钟最多核验 " + limit + " 次");
    }

    /** Counts one verification of {@code client}; 429 when it has used up its minute. */
    void acquire(String client) {
        throttle.acquire(client);
    }

    /** For tests and benchmarks: the limit per minute (0 = off). */
    int perMinute() {
        return throttle.perMinute();
    }

    void perMinute(int limit) {
        throttle.perMinute(limit);
    }
}

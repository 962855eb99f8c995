package cn.zugong.rating.internal.evaluation;

import cn.zugong.shared.TooManyRequestsException;
import cn.zugong.shared.web.MinuteThrottle;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one limit on wrong rater codes per client address, for the phone page and the JSON vote API alike: at most {@code zugong.rating.vote.per-minute} unknown codes
 * (default 20) in a one-minute window (the shared {@link MinuteThrottle}); past it, every code from that address is
 * refused with 429 until the minute is over — a right one too, so guessing gains nothing. Right codes do not count:
 * a village hall behind one address lets all its raters vote. 0 turns it off (benchmarks).
 */
@Component
public class WrongCodeThrottle {

    private final MinuteThrottle throttle;
    private final Clock clock;
    /** client → the minute in which it went over the limit. */
    private final Map<String, Long> blocked = new ConcurrentHashMap<>();

    WrongCodeThrottle(Clock clock, @Value("${zugong.rating.vote.per-minute:20}") int perMinute) {
        this.clock = clock;
        this.throttle = new MinuteThrottle(clock, perMinute,
                limit -> "评议码错误次数过多：每个地址每分钟最多输错 " + limit + " 次");
    }

    /** Before a code is looked up: 429 while the client is over its limit in this minute. */
    public void check(String client) {
        if (throttle.perMinute() <= 0) {
            return;
        }
        Long minute = blocked.get(key(client));
        long now = clock.millis();
        if (minute != null && minute == now / 60_000) {
            long retry = Math.max(1, 60 - (now % 60_000) / 1000);
            throw new TooManyRequestsException("评议码错误次数过多：每个地址每分钟最多输错 " + throttle.perMinute()
                    + " 次，请 " + retry + " 秒后再试", retry);
        }
    }

    /** Counts one wrong code of the client; 429 (and blocked for the rest of the minute) past the limit. */
    public void wrong(String client) {
        try {
            throttle.acquire(key(client));
        } catch (TooManyRequestsException e) {
            if (blocked.size() > 100_000) {
                blocked.clear();
            }
            blocked.put(key(client), clock.millis() / 60_000);
            throw e;
        }
    }

    public int perMinute() {
        return throttle.perMinute();
    }

    /** For tests and benchmarks: a new limit (0 = off), forgetting every client. */
    public void perMinute(int limit) {
        throttle.perMinute(limit);
        blocked.clear();
    }

    private static String key(String client) {
        return client == null ? "?" : client;
    }
}

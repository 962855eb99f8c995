package cn.zugong;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The platform's clock in tests: it starts at a fixed instant ({@link #START}, never today's date) and ticks
 * on with the JVM's elapsed time, plus an offset a test may move forward (lock-outs, deadlines, escalation).
 * A test that moves it puts it back with {@link #reset()} when it ends.
 */
public class TestClock extends Clock {

    /** Where every test run's time begins: a working day, after the demo's last 数字体检 (as of 2026-11-01). */
    public static final LocalDateTime START = LocalDateTime.of(2026, 12, 4, 10, 0);

    private final Instant start = START.atZone(ZoneId.systemDefault()).toInstant();
    private final long startNanos = System.nanoTime();
    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /**
     * Moves the clock so that it reads {@code at} (in the system zone) now; it ticks on from there. For a test
     * whose subject depends on the date (a month's window, a year's end): pin it rather than depend on today.
     */
    public void setTo(LocalDateTime at) {
        offset = Duration.between(ticking(), at.atZone(getZone()).toInstant());
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return ticking().plus(offset);
    }

    private Instant ticking() {
        return start.plusNanos(System.nanoTime() - startNanos);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}

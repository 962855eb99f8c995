package cn.zugong.lighting.internal;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code zugong.lighting.*}: the defaults a new list starts with (each list keeps its own copy, editable),
 * attachment limits, the outbox retry policy, the schedule of the close/remind job and the expiry: working days
 * (official calendar, {@code WorkCalendar}) after a window's close during which late reports are accepted
 * before the month locks automatically (0: it locks at the close).
 */
@ConfigurationProperties("zugong.lighting")
public record LightingSettings(Defaults defaults, Attachments attachments, Outbox outbox, int expiryWorkingDays) {

    public record Defaults(int openDay, int closeDay, int remindDays, BigDecimal blueRatio, BigDecimal yellowRatio,
                           BigDecimal redRatio, int stallMonths, int pointsGreen, int pointsBlue, int pointsYellow,
                           int pointsPurple, int pointsRed) {
    }

    public record Attachments(long maxBytes, List<String> extensions) {
    }

    /**
     * claimTimeout: how long a node's claim on a message holds (it sends in seconds); after it another node may
     * send the message, which then goes out twice only if the first node sent it and died before marking it.
     */
    public record Outbox(int maxAttempts, long retrySeconds, java.time.Duration claimTimeout) {

        public Outbox {
            claimTimeout = claimTimeout == null ? java.time.Duration.ofMinutes(5) : claimTimeout;
        }
    }

    public ListConfig defaultConfig() {
        Defaults d = defaults;
        return new ListConfig(d.openDay(), d.closeDay(), d.remindDays(), d.blueRatio(), d.yellowRatio(), d.redRatio(),
                d.stallMonths(), ListConfig.points(d.pointsGreen(), d.pointsBlue(), d.pointsYellow(), d.pointsPurple(),
                d.pointsRed()), null);
    }
}

package cn.zugong.security.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication limits (zugong.security.*): an account locks after {@code maxFailedAttempts} wrong passwords
 * in a row for {@code lockDuration}; a client address that fails {@code clientMaxFailures} times within
 * {@code clientWindow} is refused for the rest of that window, whatever account it tries.
 */
@ConfigurationProperties("zugong.security")
record SecuritySettings(@DefaultValue("5") int maxFailedAttempts,
                        @DefaultValue("15m") Duration lockDuration,
                        @DefaultValue("20") int clientMaxFailures,
                        @DefaultValue("15m") Duration clientWindow,
                        @DefaultValue("10") int passwordMinLength,
                        @DefaultValue("5") int passwordHistory) {
}

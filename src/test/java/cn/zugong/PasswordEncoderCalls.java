package cn.zugong;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts the application's password checks (BCrypt), so a test can show that a call with an API token costs
 * none (ADR 048). The encoder is wrapped, not replaced: hashes and checks are the application's own. Part of
 * the one shared test context ({@link IntegrationTest}), so it adds no context of its own.
 */
public class PasswordEncoderCalls {

    private static final AtomicLong MATCHES = new AtomicLong();

    private PasswordEncoderCalls() {
    }

    /** Password checks ({@code matches}) since the context started. */
    public static long matches() {
        return MATCHES.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        static BeanPostProcessor countingPasswordEncoder() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof PasswordEncoder encoder ? new Counting(encoder) : bean;
                }
            };
        }
    }

    private record Counting(PasswordEncoder encoder) implements PasswordEncoder {
        @Override
        public String encode(CharSequence raw) {
            return encoder.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            MATCHES.incrementAndGet();
            return encoder.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return encoder.upgradeEncoding(encoded);
        }
    }
}

package cn.zugong.shared;

import java.util.Map;

/** The caller (or everybody) has used up what is allowed (429): try again after {@link #retryAfterSeconds()}. */
public class TooManyRequestsException extends ZugongException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message) {
        this(message, 30);
    }

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(429, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", String.valueOf(retryAfterSeconds));
    }
}

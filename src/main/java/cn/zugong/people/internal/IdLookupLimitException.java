package cn.zugong.people.internal;

/** An account used up its whole-ID lookups of the window (429 with a Chinese message, ADR 034). */
final class IdLookupLimitException extends RuntimeException {

    private final long retryAfterSeconds;

    IdLookupLimitException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

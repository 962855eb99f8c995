package cn.zugong.people.internal;

import cn.zugong.shared.TooManyRequestsException;

/** An account used up its whole-ID lookups of the window (429 with a Chinese message, ADR 034). */
final class IdLookupLimitException extends TooManyRequestsException {

    IdLookupLimitException(String message, long retryAfterSeconds) {
        super(message, retryAfterSeconds);
    }
}

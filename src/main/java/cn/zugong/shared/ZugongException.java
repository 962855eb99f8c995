package cn.zugong.shared;

import java.util.Map;

/**
 * The one way a module refuses a request with a Chinese message: the exception carries its HTTP status, and the
 * shared error advice answers JSON {@code {status, error}} under /api and the error page elsewhere. Extend it (or
 * throw one of the kernel's subclasses) instead of writing an advice of your own.
 */
public abstract class ZugongException extends RuntimeException {

    private final int status;

    protected ZugongException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status code (400, 403, 404, 409, 429…). */
    public int status() {
        return status;
    }

    /** Extra fields of the JSON body beside status and error (e.g. the field errors of a form); none by default. */
    public Map<String, Object> details() {
        return Map.of();
    }

    /** Response headers the status needs (e.g. Retry-After for 429); none by default. */
    public Map<String, String> headers() {
        return Map.of();
    }
}

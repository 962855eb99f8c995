package cn.zugong.shared;

/** The caller (or everybody) has as much running as allowed (429): try again once it has finished. */
public class TooManyRequestsException extends RuntimeException {
    public TooManyRequestsException(String message) {
        super(message);
    }
}

package cn.zugong.shared;

/** The request itself is malformed (400); the message says, in Chinese, what and where. */
public class BadRequestException extends ZugongException {
    public BadRequestException(String message) {
        super(400, message);
    }
}

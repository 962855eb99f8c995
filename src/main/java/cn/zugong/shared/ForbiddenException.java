package cn.zugong.shared;

public class ForbiddenException extends ZugongException {
    public ForbiddenException(String message) {
        super(403, message);
    }
}

package cn.zugong.shared;

/** A record that does not exist or lies outside the caller's scope: both answer 404, so scope never leaks existence. */
public class NotFoundException extends ZugongException {
    public NotFoundException(String message) {
        super(404, message);
    }
}

package cn.zugong.shared;

/** Someone else changed the same thing first (409): the user reloads and tries again. */
public class ConflictException extends ZugongException {
    public ConflictException(String message) {
        super(409, message);
    }
}

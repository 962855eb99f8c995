package cn.zugong.lighting.internal;

import cn.zugong.shared.ZugongException;
import org.springframework.http.HttpStatus;

/** A request the 亮灯台 refuses with a Chinese message: bad input (400) or a state conflict (409). */
public class InvalidInput extends ZugongException {

    public InvalidInput(String message) {
        this(HttpStatus.BAD_REQUEST, message);
    }

    public InvalidInput(HttpStatus status, String message) {
        super(status.value(), message);
    }

    public static InvalidInput conflict(String message) {
        return new InvalidInput(HttpStatus.CONFLICT, message);
    }
}

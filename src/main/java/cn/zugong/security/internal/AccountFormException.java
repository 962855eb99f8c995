package cn.zugong.security.internal;

import java.util.List;

/** A form the administrators or a user filled in wrongly; {@code problems} says what, in Chinese. */
class AccountFormException extends RuntimeException {

    private final List<String> problems;

    AccountFormException(List<String> problems) {
        super(String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}

package cn.zugong.security.internal;

import java.util.List;

/** A password that breaks the policy; {@code problems} lists every rule it breaks, in Chinese. */
public class WeakPasswordException extends IllegalArgumentException {

    private final List<String> problems;

    public WeakPasswordException(String username, List<String> problems) {
        super("账号 " + username + " 的密码不符合要求：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

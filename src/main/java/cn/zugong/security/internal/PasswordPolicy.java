package cn.zugong.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * 口令复杂度 as 等保 2.0 asks: at least {@code passwordMinLength} characters, three of the four classes
 * (upper case, lower case, digits, symbols), not containing the username, and none of the last
 * {@code passwordHistory} passwords again. Every violation is reported, in Chinese.
 */
@Component
class PasswordPolicy {

    private final SecuritySettings settings;
    private final PasswordEncoder encoder;

    PasswordPolicy(SecuritySettings settings, PasswordEncoder encoder) {
        this.settings = settings;
        this.encoder = encoder;
    }

    List<String> violations(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < settings.passwordMinLength()) {
            problems.add("密码长度不能少于 " + settings.passwordMinLength() + " 位");
        }
        if (password == null) {
            return problems;
        }
        if (classes(password) < 3) {
            problems.add("密码须包含大写字母、小写字母、数字、特殊字符中的至少三类");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("密码不能包含用户名");
        }
        if (password.chars().anyMatch(Character::isWhitespace)) {
            problems.add("密码不能包含空格");
        }
        return problems;
    }

    /** The new password must differ from the current one and the earlier ones kept in the history. */
    boolean reuses(String password, String currentHash, List<String> history) {
        if (currentHash != null && encoder.matches(password, currentHash)) {
            return true;
        }
        return history.stream().limit(settings.passwordHistory() - 1L).anyMatch(h -> encoder.matches(password, h));
    }

    String reuseMessage() {
        return "新密码不能与最近 " + settings.passwordHistory() + " 次使用过的密码相同";
    }

    private static int classes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (char c : password.toCharArray()) {
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}

package cn.zugong.security.internal;

import java.security.SecureRandom;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Hashing under the policy, and initial passwords that meet it. */
@Component
public class Passwords {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%&*+-=?";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;

    Passwords(PasswordPolicy policy, PasswordEncoder encoder) {
        this.policy = policy;
        this.encoder = encoder;
    }

    /** The hash of a password that meets the policy; otherwise every problem, in Chinese. */
    public String hashChecked(String username, String raw) {
        List<String> problems = policy.violations(username, raw);
        if (!problems.isEmpty()) {
            throw new WeakPasswordException(username, problems);
        }
        return encoder.encode(raw);
    }

    /** A random 14-character initial password with all four classes, shown once to the administrator. */
    static String initial() {
        return random(14);
    }

    /** Half of an initial password (two officers hold one each, ADR 033): 7 characters, all four classes. */
    static String half() {
        return random(7);
    }

    private static String random(int length) {
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        StringBuilder sb = new StringBuilder();
        for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            sb.append(set.charAt(RANDOM.nextInt(set.length())));
        }
        while (sb.length() < length) {
            sb.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        for (int i = sb.length() - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char c = sb.charAt(i);
            sb.setCharAt(i, sb.charAt(j));
            sb.setCharAt(j, c);
        }
        return sb.toString();
    }
}

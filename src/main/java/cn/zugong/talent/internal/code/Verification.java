package cn.zugong.talent.internal.code;

import java.time.LocalDate;

/**
 * The answer of a verification, as the public page and API give it: the outcome; for a valid code only the
 * masked name, the level and the validity (nothing else about the talent).
 */
public record Verification(Outcome outcome, String maskedName, String level, String levelName,
                           LocalDate validFrom, LocalDate validUntil) {

    static Verification failed(Outcome outcome) {
        return new Verification(outcome, null, null, null, null, null);
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    public String reason() {
        return outcome.label();
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***: only the first character of a name is shown. */
    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}

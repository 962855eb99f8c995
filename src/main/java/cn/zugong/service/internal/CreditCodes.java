package cn.zugong.service.internal;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-character set (digits and capitals without
 * I, O, Z, S, V); the 18th is a check character, 31 − (Σ cᵢ·wᵢ mod 31) with wᵢ = 3^(i−1) mod 31.
 */
final class CreditCodes {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** Completes 17 characters with their check character (demo data, tests). */
    static String of(String first17) {
        return first17 + checkChar(first17);
    }

    /** Empty when valid, otherwise the reason in Chinese. */
    static Optional<String> problem(String value) {
        if (value == null || value.length() != 18) {
            return Optional.of("统一社会信用代码应为18位");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(value.charAt(i)) < 0) {
                return Optional.of("统一社会信用代码第" + (i + 1) + "位「" + value.charAt(i)
                        + "」不是合法字符（数字或除 I、O、Z、S、V 外的大写字母）");
            }
        }
        if (checkChar(value) != value.charAt(17)) {
            return Optional.of("统一社会信用代码校验位错误");
        }
        return Optional.empty();
    }
}

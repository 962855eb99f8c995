package cn.zugong.talent;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-character set without I, O, S, V, Z — registration
 * authority, kind, the 6-digit administrative region, the 9-character organisation code (GB 11714) and a check
 * character computed over the first 17 with weights 3^i mod 31.
 */
public final class CreditCodes {

    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodes() {
    }

    /** The check character of the first 17 characters. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARS.charAt(c == 31 ? 0 : c);
    }

    /**
     * A valid code for an enterprise ("91", 企业 registered with 市场监管) or an institution ("12", 事业单位 registered
     * with 编办) in a region, with an 8-digit organisation body (its GB 11714 check character computed).
     */
    public static String of(boolean enterprise, String region6, int body) {
        String digits = String.format("%08d", body);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        String orgCheck = c == 10 ? "X" : c == 11 ? "0" : String.valueOf(c);
        String first17 = (enterprise ? "91" : "12") + region6 + digits + orgCheck;
        return first17 + checkChar(first17);
    }

    /** What is wrong with a code, in Chinese; empty when it is valid. Lower case is read as upper case. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("统一社会信用代码不能为空");
        }
        String code = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.length() != 18) {
            return Optional.of("统一社会信用代码应为18位，实际为" + code.length() + "位");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARS.indexOf(code.charAt(i)) < 0) {
                return Optional.of("统一社会信用代码第" + (i + 1) + "位“" + code.charAt(i) + "”不是有效字符（不含I、O、S、V、Z）");
            }
        }
        if (checkChar(code) != code.charAt(17)) {
            return Optional.of("统一社会信用代码校验位错误：应为“" + checkChar(code) + "”");
        }
        return Optional.empty();
    }
}

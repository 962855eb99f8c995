package cn.zugong.shared;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 公民身份号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character. Every number that
 * enters the platform goes through {@link #normalise} (NFKC, so full-width digits typed in a Chinese
 * input method become ASCII) and then must be ASCII only ({@link #problem}): digits of other scripts
 * (Arabic-Indic ٣, Devanagari ३ …) are refused, never computed on.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final Pattern FORMAT = Pattern.compile("[0-9]{17}[0-9X]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private IdNumbers() {
    }

    /** The check character of 17 ASCII digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an ASCII digit at position " + (i + 1));
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Builds a valid number from region code, birth date and a 3-digit sequence (odd = male). */
    public static String of(String region6, LocalDate birth, int sequence) {
        String first17 = region6 + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence % 1000);
        return first17 + checkChar(first17);
    }

    /**
     * The form every number is checked, indexed and stored in: NFKC (full-width ０-９ and ｘ become
     * 0-9 and x, the ideographic space a space), white space removed, upper case. Null stays null.
     */
    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String nfkc = Normalizer.normalize(value, Normalizer.Form.NFKC);
        return SPACES.matcher(nfkc).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Whether a normalised value has the shape of a number (ASCII digits, last may be X); no check digit. */
    public static boolean looksLikeOne(String normalised) {
        return normalised != null && FORMAT.matcher(normalised).matches();
    }

    /** Empty when valid (the value already {@link #normalise normalised}), otherwise the reason in Chinese. */
    public static Optional<String> problem(String value) {
        if (value == null || value.length() != 18) {
            return Optional.of("身份证号应为18位");
        }
        if (!looksLikeOne(value)) {
            return Optional.of("身份证号只能由数字0-9组成（末位可为X），请检查是否混入了其他文字的数字或符号");
        }
        if (birthDate(value).isEmpty()) {
            return Optional.of("身份证号中的出生日期无效");
        }
        if (checkChar(value) != value.charAt(17)) {
            return Optional.of("身份证号校验位错误");
        }
        return Optional.empty();
    }

    public static Optional<LocalDate> birthDate(String value) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}

package cn.zugong.shared;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bounded parsing of decimal numbers that users type. {@code new BigDecimal("1E+999999999")} is cheap, but
 * {@code toPlainString()}, {@code setScale} or arithmetic on it allocate the full expansion (a gigabyte) or
 * compute 10^999999999: so only plain numbers are accepted, without exponent and with a bounded number of digits.
 */
public final class Decimals {

    /** At most 15 integer digits and 6 fraction digits, an optional sign, "." as the decimal point. */
    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d{1,15}(\\.\\d{1,6})?");

    private Decimals() {
    }

    /** The number, or empty when {@code text} is not a plain decimal of bounded size. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        return s.length() <= 24 && PLAIN.matcher(s).matches() ? Optional.of(new BigDecimal(s)) : Optional.empty();
    }
}

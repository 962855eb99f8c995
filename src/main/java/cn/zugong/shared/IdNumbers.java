package cn.zugong.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** 公民身份号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Builds a valid number from region code, birth date and a 3-digit sequence (odd = male). */
    public static String of(String region6, LocalDate birth, int sequence) {
        String first17 = region6 + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence % 1000);
        return first17 + checkChar(first17);
    }

    /** Empty when valid, otherwise the reason in Chinese. */
    public static Optional<String> problem(String value) {
        if (value == null || value.length() != 18) {
            return Optional.of("身份证号应为18位");
        }
        String upper = value.toUpperCase();
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(upper.charAt(i))) {
                return Optional.of("身份证号前17位应为数字");
            }
        }
        if (birthDate(upper).isEmpty()) {
            return Optional.of("身份证号中的出生日期无效");
        }
        if (checkChar(upper) != upper.charAt(17)) {
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

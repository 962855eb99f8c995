package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.Indicator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing buffer of CSV bytes for COPY (ResultWriter): ASCII and pre-encoded pieces appended without going
 * through Strings, and numbers with four decimals exactly as {@link Indicator#scaled}{@code (v, 4)} prints them.
 */
final class CsvBytes {

    private static final byte[] FOUR_ZEROS = ".0000".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int size;

    CsvBytes(int capacity) {
        buffer = new byte[capacity];
    }

    /** A value as a quoted CSV field, UTF-8. */
    static byte[] quoted(String value) {
        return ('"' + doubledQuotes(value) + '"').getBytes(StandardCharsets.UTF_8);
    }

    /** A piece of a quoted field, UTF-8. */
    static byte[] escaped(String piece) {
        return doubledQuotes(piece).getBytes(StandardCharsets.UTF_8);
    }

    private static String doubledQuotes(String text) {
        return text.replace("\"", "\"\"");
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buffer;
    }

    void clear() {
        size = 0;
    }

    CsvBytes bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buffer, size, b.length);
        size += b.length;
        return this;
    }

    /** Characters below 128 only (digits, signs, points, ASCII codes). */
    CsvBytes ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    CsvBytes comma() {
        return one((byte) ',');
    }

    CsvBytes quote() {
        return one((byte) '"');
    }

    CsvBytes newline() {
        return one((byte) '\n');
    }

    /** {@code Indicator.scaled(v, 4).toPlainString()}: a whole number as its digits and ".0000" without BigDecimal. */
    CsvBytes scaled4(double v) {
        if (Indicator.isWhole(v)) {
            return whole((long) v).bytes(FOUR_ZEROS);
        }
        return ascii(Indicator.scaled(v, 4).toPlainString());
    }

    private CsvBytes whole(long v) {
        ensure(20);
        if (v < 0) {
            buffer[size++] = '-';
            v = -v;
        }
        int start = size;
        do {
            buffer[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
        return this;
    }

    private CsvBytes one(byte b) {
        ensure(1);
        buffer[size++] = b;
        return this;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}

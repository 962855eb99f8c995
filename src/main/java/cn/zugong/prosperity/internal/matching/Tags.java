package cn.zugong.prosperity.internal.matching;

import cn.zugong.shared.BadRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Skills as tags: split on commas, 顿号, semicolons or spaces, trimmed, distinct, at most 20 of 32 characters. */
final class Tags {

    static final int MAX = 20;
    static final int LENGTH = 32;

    private Tags() {
    }

    static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.split("[,，、;；\\s]+"));
    }

    /** The cleaned tags; {@code field} names the form field in the refusal. */
    static List<String> clean(Collection<String> raw, String field) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null) {
            for (String t : raw) {
                if (t == null || t.isBlank()) {
                    continue;
                }
                String s = t.strip();
                if (s.length() > LENGTH) {
                    throw new BadRequestException(field + "：每项不超过 " + LENGTH + " 个字（" + s + "）");
                }
                out.add(s);
            }
        }
        if (out.size() > MAX) {
            throw new BadRequestException(field + "：最多 " + MAX + " 项");
        }
        return new ArrayList<>(out);
    }
}

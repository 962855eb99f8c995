package cn.zugong.talent.internal.registry;

import cn.zugong.talent.internal.TalentSearch;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The registry list's filters as the query string carries them. */
record TalentFilter(@Size(max = 50, message = "姓名过长") String name, String level, String category, String field,
                    Boolean keyOnly, String education, Long employerId, Long nodeId, Integer page) {

    TalentSearch search(String nodePath) {
        return new TalentSearch(blank(name), blank(level), blank(category), blank(field), Boolean.TRUE.equals(keyOnly),
                blank(education), employerId, nodePath);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The query string without the page, ending with "&" (or "?"), for the pager and the export link. */
    String query(String base) {
        StringBuilder q = new StringBuilder(base).append('?');
        add(q, "name", name);
        add(q, "level", level);
        add(q, "category", category);
        add(q, "field", field);
        add(q, "keyOnly", Boolean.TRUE.equals(keyOnly) ? "true" : null);
        add(q, "education", education);
        add(q, "employerId", employerId == null ? null : employerId.toString());
        add(q, "nodeId", nodeId == null ? null : nodeId.toString());
        return q.toString();
    }

    private static void add(StringBuilder q, String key, String value) {
        if (value != null && !value.isBlank()) {
            q.append(key).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8)).append('&');
        }
    }
}

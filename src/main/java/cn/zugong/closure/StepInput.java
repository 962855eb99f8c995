package cn.zugong.closure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a step takes from its form or JSON body: the note (measures, result, reason… as the step calls it), the
 * responsible person and a new deadline (交办, 转办, 重新打开), the unit an item is transferred to, and the fields
 * of a kind's own extra steps by name (a ticket's category, a callback's satisfaction). A step ignores what it
 * does not use; what it needs and lacks is refused by the workflow with a Chinese reason.
 */
public record StepInput(String note, String assignee, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                        Long toUnitId, Map<String, String> more) {

    public static final StepInput NONE = new StepInput(null, null, null, null, Map.of());

    public StepInput {
        // Map.copyOf refuses null values, and an unfilled form field is exactly a null value
        Map<String, String> kept = new LinkedHashMap<>();
        if (more != null) {
            more.forEach((k, v) -> {
                if (v != null) {
                    kept.put(k, v);
                }
            });
        }
        more = Map.copyOf(kept);
    }

    /** Only a note (a reason, a result…). */
    public static StepInput note(String note) {
        return new StepInput(note, null, null, null, Map.of());
    }

    /** A field of a kind's own step, or null. */
    public String field(String name) {
        return more.get(name);
    }
}

package cn.zugong.service.internal;

import cn.zugong.shared.ZugongException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Form input refused field by field (400): each message is in Chinese and names its field; nothing is saved.
 * Under /api the body lists {field, message} pairs beside the joined message.
 */
class InvalidForm extends ZugongException {

    private final Map<String, String> errors;

    InvalidForm(Map<String, String> errors) {
        super(400, String.join("；", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    Map<String, String> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> details() {
        // the same shape as a refused request record (shared ErrorAdvice): a list of {field, message}
        return Map.of("errors", errors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
    }

    /** Collects the problems of one form, then throws them all at once. */
    static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        Collector add(String field, String message) {
            errors.putIfAbsent(field, message);
            return this;
        }

        boolean has(String field) {
            return errors.containsKey(field);
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidForm(errors);
            }
        }
    }
}

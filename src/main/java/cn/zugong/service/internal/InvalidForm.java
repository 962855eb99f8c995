package cn.zugong.service.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Form input refused field by field (400): each message is in Chinese and names its field; nothing is saved. */
class InvalidForm extends RuntimeException {

    private final Map<String, String> errors;

    InvalidForm(Map<String, String> errors) {
        super(String.join("；", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    Map<String, String> errors() {
        return errors;
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

package cn.zugong.prosperity.internal.workshops;

import cn.zugong.shared.ZugongException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A form (or its JSON) with wrong fields: 400, every field's Chinese message; pages show them beside the fields. */
class FormRefused extends ZugongException {

    private final Map<String, String> fields;

    FormRefused(Map<String, String> fields) {
        super(400, String.join("；", fields.values()));
        this.fields = new LinkedHashMap<>(fields);
    }

    Map<String, String> fields() {
        return fields;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("fields", fields);
    }
}

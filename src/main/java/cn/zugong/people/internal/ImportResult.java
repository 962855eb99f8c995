package cn.zugong.people.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** The outcome of an import: counts when saved, or every error found (then nothing was saved). */
public record ImportResult(int inserted, int updated, List<ImportError> errors) {

    static ImportResult failed(List<ImportError> errors) {
        return new ImportResult(0, 0, errors);
    }

    @JsonIgnore
    public boolean ok() {
        return errors.isEmpty();
    }
}

package cn.zugong.people;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A roster write's application time and reason: the rows take effect on {@code effective} (a sequenced
 * update "for portion of [effective, ∞)", ADR 050), recorded now by the signed-in user (or {@code system}).
 */
public record RosterChange(LocalDate effective, ChangeKind kind, String note) {

    public RosterChange {
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(kind, "kind");
    }
}

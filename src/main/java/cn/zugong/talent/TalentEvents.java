package cn.zugong.talent;

import java.time.LocalDate;

/**
 * Events of the talent module, published in the transaction of the change (listeners that must not be lost use
 * {@code @ApplicationModuleListener}). The recognition part publishes them; the 人才码 part issues and revokes codes
 * on them; grants and services read the level from the registry.
 */
public final class TalentEvents {

    private TalentEvents() {
    }

    /** A talent was recognised at {@code level} (A–E) by {@code route} (REGULAR, SPECIAL, NOMINATED), valid until. */
    public record Recognised(long talentId, String level, String route, LocalDate since, LocalDate until, long caseId) {
    }

    /** A recognition was withdrawn (撤销认定) or ended: the talent has no level from now on. */
    public record RecognitionRevoked(long talentId, String reason) {
    }
}

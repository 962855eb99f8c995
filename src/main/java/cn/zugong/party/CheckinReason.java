package cn.zugong.party;

/**
 * Why a party member registers with a village's party organisation (双找双回, ADR 069); each reason is checked against
 * the member's data by its own rule before the village confirms.
 */
public enum CheckinReason {
    /** 原户籍: the region code of the member's ID number (first 6 digits) is the village's county code. */
    HOMETOWN("原户籍"),
    /** 曾工作生活: a stated period of at least a year, in the past, after the member's birth, and a declaration. */
    FORMER_RESIDENT("曾工作生活"),
    /** 联系点: the member's branch, or a party organisation above it, has the village as its contact point. */
    CONTACT_POINT("联系点"),
    /** 结对村: the member's branch, or a party organisation above it, is paired with the village. */
    PAIRED_VILLAGE("结对村");

    private final String label;

    CheckinReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 联系点 and 结对村 are checked against the office's pairings ({@code checkin_pairing}). */
    public boolean isPairing() {
        return this == CONTACT_POINT || this == PAIRED_VILLAGE;
    }
}

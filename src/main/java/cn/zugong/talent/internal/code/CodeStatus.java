package cn.zugong.talent.internal.code;

/** A 人才码's state in the platform (its dates are checked separately, against the clock). */
public enum CodeStatus {
    VALID("有效"), REVOKED("已撤销"), SUPERSEDED("已重新签发");

    private final String label;

    CodeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

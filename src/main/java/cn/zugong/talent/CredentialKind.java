package cn.zugong.talent;

/** Kinds of credential a talent holds, as stored in talent_credential.kind; codes come from the classification. */
public enum CredentialKind {
    TITLE("职称"), AWARD("奖项"), PROGRAMME("人才计划");

    private final String label;

    CredentialKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

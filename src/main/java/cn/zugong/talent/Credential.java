package cn.zugong.talent;

/** A title, award or programme a talent holds, by its code in {@code talent/classification.yaml}. */
public record Credential(CredentialKind kind, String code, Integer year, String note) {
}

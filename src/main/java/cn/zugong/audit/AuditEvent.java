package cn.zugong.audit;

/**
 * One thing to audit. {@code before}/{@code after} are any values (records, maps) serialised to JSON;
 * leave them null for reads. {@code actor} null means "the signed-in user".
 */
public record AuditEvent(AuditAction action, String objectType, String objectId, String summary, Object before,
                         Object after, String actor) {

    public static AuditEvent read(String objectType, Object objectId, String summary) {
        return new AuditEvent(AuditAction.READ_PERSONAL, objectType, String.valueOf(objectId), summary, null, null, null);
    }

    public static AuditEvent of(AuditAction action, String objectType, Object objectId, String summary) {
        return new AuditEvent(action, objectType, objectId == null ? null : String.valueOf(objectId), summary, null,
                null, null);
    }

    public static AuditEvent change(AuditAction action, String objectType, Object objectId, Object before,
                                    Object after) {
        return new AuditEvent(action, objectType, objectId == null ? null : String.valueOf(objectId), null, before,
                after, null);
    }

    public AuditEvent by(String actorName) {
        return new AuditEvent(action, objectType, objectId, summary, before, after, actorName);
    }
}

package cn.zugong.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * SHA-256 over the previous hash and every field of an entry, each length-prefixed so fields cannot shift.
 * The timestamp is hashed in one fixed form (millisecond precision, always three fraction digits), so the
 * hash re-computed from a value read back from H2 or PostgreSQL equals the one written.
 */
final class AuditHashes {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private AuditHashes() {
    }

    static String at(LocalDateTime at) {
        return at == null ? null : AT.format(at);
    }

    static String hash(AuditRecord e) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object field : new Object[] {e.prevHash(), e.id(), at(e.at()), e.actor(), e.actorRole(),
                    e.clientIp(), e.action(), e.objectType(), e.objectId(), e.summary(), e.beforeJson(),
                    e.afterJson()}) {
                byte[] bytes = field == null ? new byte[0] : field.toString().getBytes(StandardCharsets.UTF_8);
                digest.update((field == null ? "N" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

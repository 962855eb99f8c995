package cn.zugong.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Authenticated encryption of single personal-data fields (ID numbers, phones) at rest: SM4-GCM
 * (GB/T 32907, GM/T 0002) through BouncyCastle's lightweight API, a random 12-byte nonce per value, a
 * 128-bit tag, and the table and column name as associated data, so a value copied into another
 * column no longer decrypts. Stored as text {@code v1:<keyId>:<base64(nonce || ciphertext || tag)>}.
 * <p>
 * Encrypts under the current key; decrypts under the current or any old key named by the value's
 * key id (key rotation, see ADR 006). Thread-safe.
 */
public final class FieldCipher {

    public static final String PREFIX = "v1:";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 16;

    private final String currentKeyId;
    private final Map<String, byte[]> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId id of the key new values are encrypted with
     * @param keys every key that may be needed to decrypt, by id; must contain the current one
     */
    public FieldCipher(String currentKeyId, Map<String, byte[]> keys) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current key id " + currentKeyId + " has no key");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key id must be 1-32 letters, digits, _ or -: " + id);
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("SM4 key " + id + " must be 128 bits (16 bytes), not "
                        + key.length + " bytes");
            }
            copy.put(id, key.clone());
        });
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(copy);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The stored form of {@code plaintext}; null stays null. {@code aad} names the column, e.g. "person.id_number". */
    public String encrypt(String plaintext, String aad) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = gcm(true, keys.get(currentKeyId), nonce, aad);
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(input.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = gcm.processBytes(input, 0, input.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
    }

    /**
     * The plaintext of a stored value; null stays null. A value without the {@code v1:} prefix is
     * legacy plaintext not yet encrypted in place and is returned as it is.
     *
     * @throws FieldCipherException when the value was altered, belongs to another column, or its key is unknown
     */
    public String decrypt(String stored, String aad) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new FieldCipherException("malformed encrypted value");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new FieldCipherException("no key with id " + keyId + " (set it in ZUGONG_DATA_KEYS_OLD)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new FieldCipherException("malformed encrypted value");
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new FieldCipherException("malformed encrypted value");
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        GCMModeCipher gcm = gcm(false, key, nonce, aad);
        int length = raw.length - NONCE_BYTES;
        byte[] out = new byte[gcm.getOutputSize(length)];
        int n = gcm.processBytes(raw, NONCE_BYTES, length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new FieldCipherException("encrypted value failed authentication (altered, or another column's)");
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether a stored value is encrypted under the current key (the re-encryption skips those). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX + currentKeyId + ":");
    }

    private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] nonce, String aad) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce,
                aad.getBytes(StandardCharsets.UTF_8)));
        return gcm;
    }

    /** An encrypted value that cannot be decrypted. Never carries the value. */
    public static final class FieldCipherException extends RuntimeException {
        public FieldCipherException(String message) {
            super(message);
        }
    }
}

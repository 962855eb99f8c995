package cn.zugong.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys for personal data, from configuration (environment): {@code ZUGONG_DATA_KEY} (base64 of a
 * 128-bit SM4 key) with its id {@code ZUGONG_DATA_KEY_ID} (default {@code k1}), {@code ZUGONG_INDEX_KEY}
 * (base64, at least 128 bits, for the blind index) and, during a rotation, {@code ZUGONG_DATA_KEYS_OLD}
 * ({@code id:base64} pairs separated by commas) to decrypt values under earlier keys.
 * <p>
 * A missing key is replaced by a built-in DEMO key (id {@code demo}) only when the demo is on
 * ({@code zugong.crypto.allow-demo-key}, default = {@code zugong.demo.enabled}); otherwise start-up fails.
 */
public record CryptoKeys(String currentKeyId, Map<String, byte[]> dataKeys, byte[] indexKey, boolean demo) {

    private static final Logger log = LoggerFactory.getLogger(CryptoKeys.class);
    public static final String DEMO_KEY_ID = "demo";

    public static CryptoKeys resolve(String dataKey, String keyId, String indexKey, String oldKeys, boolean allowDemo) {
        boolean noData = dataKey == null || dataKey.isBlank();
        boolean noIndex = indexKey == null || indexKey.isBlank();
        if ((noData || noIndex) && !allowDemo) {
            throw new IllegalStateException("Personal data cannot be protected: "
                    + (noData ? "ZUGONG_DATA_KEY " : "") + (noData && noIndex ? "and " : "")
                    + (noIndex ? "ZUGONG_INDEX_KEY " : "") + (noData && noIndex ? "are" : "is")
                    + " not set. Set ZUGONG_DATA_KEY to base64 of 16 random bytes (openssl rand -base64 16) and "
                    + "ZUGONG_INDEX_KEY to base64 of 32 random bytes (openssl rand -base64 32); keep them outside "
                    + "the repository and the database. See docs/adr/006-personal-data-encryption.md.");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String current;
        if (noData) {
            log.warn("Using the built-in DEMO data key (id '{}') — set ZUGONG_DATA_KEY in production", DEMO_KEY_ID);
            current = DEMO_KEY_ID;
            keys.put(current, Arrays.copyOf(sha256("zugong DEMO data key - not for production"), 16));
        } else {
            current = keyId == null || keyId.isBlank() ? "k1" : keyId.strip();
            keys.put(current, decode("ZUGONG_DATA_KEY", dataKey));
        }
        byte[] index;
        if (noIndex) {
            log.warn("Using the built-in DEMO index key — set ZUGONG_INDEX_KEY in production");
            index = sha256("zugong DEMO index key - not for production");
        } else {
            index = decode("ZUGONG_INDEX_KEY", indexKey);
        }
        if (oldKeys != null && !oldKeys.isBlank()) {
            for (String pair : oldKeys.split("[,\\s]+")) {
                if (pair.isBlank()) {
                    continue;
                }
                int colon = pair.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("ZUGONG_DATA_KEYS_OLD must be a list of id:base64key pairs");
                }
                String id = pair.substring(0, colon);
                if (keys.containsKey(id)) {
                    throw new IllegalStateException("ZUGONG_DATA_KEYS_OLD repeats the key id " + id);
                }
                keys.put(id, decode("ZUGONG_DATA_KEYS_OLD (" + id + ")", pair.substring(colon + 1)));
            }
        }
        return new CryptoKeys(current, keys, index, noData || noIndex);
    }

    public FieldCipher cipher() {
        return new FieldCipher(currentKeyId, dataKeys);
    }

    public BlindIndex blindIndex() {
        return new BlindIndex(indexKey);
    }

    private static byte[] decode(String name, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CryptoKeys[current=" + currentKeyId + ", ids=" + dataKeys.keySet() + ", demo=" + demo + "]";
    }
}

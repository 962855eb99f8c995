package cn.zugong.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A keyed blind index for exact-match search and uniqueness over encrypted fields: HMAC-SM3
 * (GB/T 32905) under the index key, over the normalised value (NFKC, trimmed, upper case), as 64 hex
 * characters. Equal values give equal indexes; without the key the index reveals nothing, and the
 * small space of ID numbers cannot be enumerated offline. Thread-safe.
 */
public final class BlindIndex {

    private final byte[] key;

    public BlindIndex(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the index key must be at least 128 bits (16 bytes)");
        }
        this.key = key.clone();
    }

    /** The index of a value; null or blank gives null. */
    public String of(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] input = normalise(value).getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * NFKC first, so a full-width "３３０９…" indexes as "3309…" whatever path it came in by (ADR 034);
     * for ASCII values this is the identity, so indexes written before stay valid.
     */
    public static String normalise(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }
}

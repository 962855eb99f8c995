package cn.zugong.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] K1 = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
    private static final byte[] K2 = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static final String ID = "330902199001011234";
    private static final String AAD = "person.id_number";

    private final FieldCipher cipher = new FieldCipher("k1", Map.of("k1", K1));

    @Test
    void roundTripInTheDocumentedFormat() {
        String stored = cipher.encrypt(ID, AAD);
        assertThat(stored).startsWith("v1:k1:").doesNotContain(ID).doesNotContain("1234");
        byte[] raw = Base64.getDecoder().decode(stored.substring("v1:k1:".length()));
        assertThat(raw).hasSize(12 + ID.length() + 16); // nonce || ciphertext || tag
        assertThat(cipher.decrypt(stored, AAD)).isEqualTo(ID);
        assertThat(cipher.encrypt("13812345678", "person.phone")).hasSizeLessThan(200);
        assertThat(cipher.encrypt(null, AAD)).isNull();
        assertThat(cipher.decrypt(null, AAD)).isNull();
        assertThat(cipher.isCurrent(stored)).isTrue();
    }

    @Test
    void sm4GcmKnownAnswer() {
        // SM4 is used: one block of SM4-ECB from GB/T 32907 appendix A, via the same engine
        var sm4 = new org.bouncycastle.crypto.engines.SM4Engine();
        sm4.init(true, new org.bouncycastle.crypto.params.KeyParameter(K1));
        byte[] out = new byte[16];
        sm4.processBlock(K1, 0, out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void aFreshNonceEveryTime() {
        String a = cipher.encrypt(ID, AAD);
        String b = cipher.encrypt(ID, AAD);
        assertThat(a).isNotEqualTo(b);
        assertThat(java.util.Arrays.copyOf(Base64.getDecoder().decode(a.substring(6)), 12))
                .isNotEqualTo(java.util.Arrays.copyOf(Base64.getDecoder().decode(b.substring(6)), 12));
    }

    @Test
    void tamperedCiphertextOrTagFails() {
        String stored = cipher.encrypt(ID, AAD);
        byte[] raw = Base64.getDecoder().decode(stored.substring(6));
        for (int position : new int[] {0, 12, raw.length - 1}) { // nonce, ciphertext, tag
            byte[] bad = raw.clone();
            bad[position] ^= 1;
            String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(bad);
            assertThatThrownBy(() -> cipher.decrypt(tampered, AAD))
                    .isInstanceOf(FieldCipher.FieldCipherException.class).hasMessageNotContaining(ID);
        }
        String truncated = stored.substring(0, stored.length() - 8);
        assertThatThrownBy(() -> cipher.decrypt(truncated, AAD)).isInstanceOf(FieldCipher.FieldCipherException.class);
    }

    @Test
    void wrongAadFails() {
        String stored = cipher.encrypt(ID, AAD);
        assertThatThrownBy(() -> cipher.decrypt(stored, "party_member.id_number"))
                .isInstanceOf(FieldCipher.FieldCipherException.class);
    }

    @Test
    void oldKeyIdsStillDecryptAfterRotation() {
        String underK1 = cipher.encrypt(ID, AAD);
        FieldCipher rotated = new FieldCipher("k2", Map.of("k2", K2, "k1", K1));
        assertThat(rotated.decrypt(underK1, AAD)).isEqualTo(ID);
        assertThat(rotated.isCurrent(underK1)).isFalse();
        String underK2 = rotated.encrypt(ID, AAD);
        assertThat(underK2).startsWith("v1:k2:");
        assertThatThrownBy(() -> cipher.decrypt(underK2, AAD)).isInstanceOf(FieldCipher.FieldCipherException.class)
                .hasMessageContaining("k2");
        // the wrong key under the right id fails authentication
        FieldCipher wrong = new FieldCipher("k1", Map.of("k1", K2));
        assertThatThrownBy(() -> wrong.decrypt(underK1, AAD)).isInstanceOf(FieldCipher.FieldCipherException.class);
    }

    @Test
    void legacyPlaintextPassesThroughUntilEncryptedInPlace() {
        assertThat(cipher.decrypt(ID, AAD)).isEqualTo(ID);
        assertThat(FieldCipher.isEncrypted(ID)).isFalse();
    }

    @Test
    void rejectsBadKeys() {
        assertThatThrownBy(() -> new FieldCipher("k1", Map.of("k1", new byte[32]))).hasMessageContaining("128 bits");
        assertThatThrownBy(() -> new FieldCipher("k:1", Map.of("k:1", K1))).hasMessageContaining("key id");
        assertThatThrownBy(() -> new FieldCipher("k1", Map.of("k2", K2))).hasMessageContaining("no key");
    }

    @Test
    void blindIndexIsKeyedAndNormalised() {
        BlindIndex index = new BlindIndex(K1);
        String lower = "33090219900101123x";
        assertThat(index.of(lower)).hasSize(64).isEqualTo(index.of(" 33090219900101123X "))
                .isNotEqualTo(index.of("330902199001011234"));
        assertThat(new BlindIndex(K2).of(lower)).isNotEqualTo(index.of(lower));
        assertThat(index.of(null)).isNull();
    }

    @Test
    void keysComeFromConfigurationAndTheDemoKeyOnlyWhenAllowed() {
        String k1 = Base64.getEncoder().encodeToString(K1);
        String k2 = Base64.getEncoder().encodeToString(K2);
        String idx = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> CryptoKeys.resolve("", "k1", "", "", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ZUGONG_DATA_KEY")
                .hasMessageContaining("ZUGONG_INDEX_KEY");
        assertThatThrownBy(() -> CryptoKeys.resolve(k1, "k1", "", "", false)).hasMessageContaining("ZUGONG_INDEX_KEY");
        CryptoKeys demo = CryptoKeys.resolve("", "k1", "", "", true);
        assertThat(demo.demo()).isTrue();
        assertThat(demo.currentKeyId()).isEqualTo("demo");
        CryptoKeys real = CryptoKeys.resolve(k2, "k2", idx, "k1:" + k1, false);
        assertThat(real.demo()).isFalse();
        assertThat(real.currentKeyId()).isEqualTo("k2");
        assertThat(real.cipher().decrypt(cipher.encrypt(ID, AAD), AAD)).isEqualTo(ID);
        assertThat(real.toString()).doesNotContain(k1, k2);
    }
}

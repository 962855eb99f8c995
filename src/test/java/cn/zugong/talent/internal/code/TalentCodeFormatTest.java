package cn.zugong.talent.internal.code;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.talent.internal.code.TalentCodeVerifier.Check;
import cn.zugong.talent.internal.code.TalentCodeVerifier.Payload;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.junit.jupiter.api.Test;

/**
 * The 人才码 format and the offline check, without the platform (what the standalone verifier does): Base45 against
 * RFC 9285's examples, a code signed with a key made here checked valid, with one byte changed (payload or
 * signature), with an unknown key, outside its dates, and texts that are no code.
 */
class TalentCodeFormatTest {

    static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    static final LocalDate UNTIL = LocalDate.of(2029, 10, 31);

    @Test
    void base45FollowsRfc9285() {
        assertThat(TalentCodeVerifier.base45("AB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(TalentCodeVerifier.base45("Hello!!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("%69 VD92EX0");
        assertThat(TalentCodeVerifier.base45("base-45".getBytes(StandardCharsets.US_ASCII))).isEqualTo("UJCLQE7W581");
        assertThat(new String(TalentCodeVerifier.unbase45("QED8WEX0"), StandardCharsets.US_ASCII)).isEqualTo("ietf!");
        assertThat(TalentCodeVerifier.unbase45("GGW")).isNull(); // 65536 is too large (RFC 9285 §6)
        assertThat(TalentCodeVerifier.unbase45("ab")).isNull();
    }

    @Test
    void aSignedCodeIsValidAndEveryChangedByteBreaksIt() {
        AsymmetricCipherKeyPair pair = keyPair();
        ECPublicKeyParameters pub = (ECPublicKeyParameters) pair.getPublic();
        String kid = TalentCodeVerifier.keyId(pub);
        Payload payload = new Payload(1, kid, 123_456_789_012L, 42, "C", FROM, UNTIL);
        String text = TalentCodeVerifier.text(payload, sign(pair, payload.signedBytes()));
        Map<String, ECPublicKeyParameters> keys = Map.of(kid, pub);

        assertThat(text).startsWith("ZT1:").hasSize(4 + 147);
        assertThat(TalentCodeVerifier.parse(text).payload()).isEqualTo(payload);
        assertThat(TalentCodeVerifier.check(text, keys, FROM)).isEqualTo(Check.VALID);
        assertThat(TalentCodeVerifier.check(text, keys, UNTIL)).isEqualTo(Check.VALID);
        assertThat(TalentCodeVerifier.check("  " + text + "\n", keys, FROM)).isEqualTo(Check.VALID);

        byte[] bytes = TalentCodeVerifier.unbase45(text.substring(4));
        for (int i = 9; i < bytes.length; i++) { // every byte after the key id: serial, talent, level, dates, signature
            byte[] changed = bytes.clone();
            changed[i] ^= (byte) (i == 25 ? 0x03 : 0x01); // level C → A stays a level, so the signature must catch it
            String tampered = "ZT1:" + TalentCodeVerifier.base45(changed);
            assertThat(TalentCodeVerifier.check(tampered, keys, FROM)).as("byte %d changed", i)
                    .isIn(Check.BAD_SIGNATURE, Check.BAD_FORMAT);
        }
        byte[] level = bytes.clone();
        level[25] = 'A';
        assertThat(TalentCodeVerifier.check("ZT1:" + TalentCodeVerifier.base45(level), keys, FROM))
                .isEqualTo(Check.BAD_SIGNATURE);
        byte[] signature = bytes.clone();
        signature[60] ^= 0x01;
        assertThat(TalentCodeVerifier.check("ZT1:" + TalentCodeVerifier.base45(signature), keys, FROM))
                .isEqualTo(Check.BAD_SIGNATURE);
        byte[] key = bytes.clone();
        key[3] ^= 0x01;
        assertThat(TalentCodeVerifier.check("ZT1:" + TalentCodeVerifier.base45(key), keys, FROM))
                .isEqualTo(Check.UNKNOWN_KEY);

        assertThat(TalentCodeVerifier.check(text, keys, UNTIL.plusDays(1))).isEqualTo(Check.EXPIRED);
        assertThat(TalentCodeVerifier.check(text, keys, FROM.minusDays(1))).isEqualTo(Check.NOT_YET_VALID);
        ECPublicKeyParameters other = (ECPublicKeyParameters) keyPair().getPublic();
        assertThat(TalentCodeVerifier.check(text, Map.of(TalentCodeVerifier.keyId(other), other), FROM))
                .isEqualTo(Check.UNKNOWN_KEY);
    }

    @Test
    void textsThatAreNoCodeAreFormatErrors() {
        Map<String, ECPublicKeyParameters> none = Map.of();
        assertThat(TalentCodeVerifier.check(null, none, FROM)).isEqualTo(Check.BAD_FORMAT);
        assertThat(TalentCodeVerifier.check("", none, FROM)).isEqualTo(Check.BAD_FORMAT);
        assertThat(TalentCodeVerifier.check("HC1:6BFOXN*TS0BI$ZD", none, FROM)).isEqualTo(Check.BAD_FORMAT);
        assertThat(TalentCodeVerifier.check("ZT1:" + TalentCodeVerifier.base45(new byte[97]), none, FROM))
                .isEqualTo(Check.BAD_FORMAT);
        assertThat(TalentCodeVerifier.check("ZT1:abc", none, FROM)).isEqualTo(Check.BAD_FORMAT);
    }

    @Test
    void theKeyListOfTheApiIsReadAndEachKeyIdIsRecomputed() {
        ECPublicKeyParameters pub = (ECPublicKeyParameters) keyPair().getPublic();
        String hex = HexFormat.of().formatHex(pub.getQ().getEncoded(false));
        String kid = TalentCodeVerifier.keyId(pub);
        String json = "{\"keys\":[{\"keyId\":\"" + kid + "\",\"algorithm\":\"SM2\",\"publicKey\":\"" + hex
                + "\"},{\"keyId\":\"0000000000000000\",\"algorithm\":\"SM2\",\"publicKey\":\"" + hex + "\"}]}";
        assertThat(TalentCodeVerifier.keysFromJson(json)).containsOnlyKeys(kid);
    }

    static AsymmetricCipherKeyPair keyPair() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(TalentCodeVerifier.DOMAIN, new SecureRandom()));
        return generator.generateKeyPair();
    }

    static byte[] sign(AsymmetricCipherKeyPair pair, byte[] data) {
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(true, new ParametersWithRandom(pair.getPrivate(), new SecureRandom()));
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

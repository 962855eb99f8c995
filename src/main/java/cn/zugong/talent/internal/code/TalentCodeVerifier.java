package cn.zugong.talent.internal.code;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * The 人才码 format and its offline check, in one file that depends only on the JDK and BouncyCastle (ADR 058,
 * docs/guide/talent-code.md). The platform signs and verifies with these same methods; anyone holding the public
 * keys (GET /api/talent/verify/keys) runs it without the platform:
 * <pre>
 * java -cp bcprov-jdk18on-1.82.jar TalentCodeVerifier.java --keys keys.json 'ZT1:…' [--today 2026-11-01]
 * java -cp bcprov-jdk18on-1.82.jar TalentCodeVerifier.java --key KEYID=04…HEX 'ZT1:…'
 * </pre>
 * It prints the fields and "有效", or the reason (格式错误 / 未知密钥 / 签名无效 / 已过期 / 未生效), and exits 0 only for a
 * valid code. Revocation and re-issue are known only to the platform (its verify page), as for the EU Digital
 * COVID Certificate; an offline check answers "signed by the 人才办 and within its dates".
 *
 * <p>Text: {@code ZT1:} + Base45 (RFC 9285) of 98 bytes, big-endian:
 * <pre>
 *  0      version (1)
 *  1– 8   key id: the first 8 bytes of SM3(public key, uncompressed 04‖x‖y)
 *  9–16   serial (signed 64-bit, positive)
 * 17–24   talent id (64-bit)
 * 25      level, one ASCII letter A–E
 * 26–29   valid from, days since 1970-01-01 (32-bit)
 * 30–33   valid until (inclusive), days since 1970-01-01
 * 34–97   SM2 signature (SM3 digest, default user id "1234567812345678", GB/T 32918), r‖s 32 bytes each,
 *         over bytes 0–33
 * </pre>
 */
public final class TalentCodeVerifier {

    public static final String PREFIX = "ZT1:";
    public static final int VERSION = 1;
    public static final int SIGNED_LENGTH = 34;
    public static final int LENGTH = SIGNED_LENGTH + 64;
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());

    private TalentCodeVerifier() {
    }

    /** The signed fields of a code. */
    public record Payload(int version, String keyId, long serial, long talentId, String level, LocalDate validFrom,
                          LocalDate validUntil) {

        /** The 34 bytes that are signed. */
        public byte[] signedBytes() {
            ByteBuffer b = ByteBuffer.allocate(SIGNED_LENGTH);
            b.put((byte) version).put(HexFormat.of().parseHex(keyId)).putLong(serial).putLong(talentId)
                    .put((byte) level.charAt(0)).putInt((int) validFrom.toEpochDay())
                    .putInt((int) validUntil.toEpochDay());
            return b.array();
        }
    }

    /** A code's text taken apart: the payload, the bytes signed and the signature. */
    public record Parsed(Payload payload, byte[] signed, byte[] signature) {
    }

    /** Why a code fails (or VALID); {@link #label()} is the reason shown. */
    public enum Check {
        VALID("有效"), BAD_FORMAT("格式错误"), UNKNOWN_KEY("未知密钥"), BAD_SIGNATURE("签名无效"), EXPIRED("已过期"),
        NOT_YET_VALID("未生效");

        private final String label;

        Check(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    // ---- format ----

    /** The code's text for a payload and its signature. */
    public static String text(Payload payload, byte[] signature) {
        if (signature.length != 64) {
            throw new IllegalArgumentException("signature must be 64 bytes (r‖s)");
        }
        byte[] all = new byte[LENGTH];
        System.arraycopy(payload.signedBytes(), 0, all, 0, SIGNED_LENGTH);
        System.arraycopy(signature, 0, all, SIGNED_LENGTH, 64);
        return PREFIX + base45(all);
    }

    /**
     * Takes a code apart; null when it is not a 人才码 of this version (格式错误). Line breaks, tabs and spaces around
     * the text are ignored (a Base45 text never ends with a space; see RFC 9285).
     */
    public static Parsed parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replaceAll("[\\r\\n\\t]", "").strip();
        if (!t.startsWith(PREFIX) || t.length() > 200) {
            return null;
        }
        byte[] all = unbase45(t.substring(PREFIX.length()));
        if (all == null || all.length != LENGTH || all[0] != VERSION) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        int version = b.get();
        byte[] kid = new byte[8];
        b.get(kid);
        long serial = b.getLong();
        long talentId = b.getLong();
        char level = (char) b.get();
        int from = b.getInt();
        int until = b.getInt();
        if (level < 'A' || level > 'E' || serial <= 0 || talentId <= 0 || until < from) {
            return null;
        }
        byte[] signed = new byte[SIGNED_LENGTH];
        System.arraycopy(all, 0, signed, 0, SIGNED_LENGTH);
        byte[] signature = new byte[64];
        System.arraycopy(all, SIGNED_LENGTH, signature, 0, 64);
        return new Parsed(new Payload(version, HexFormat.of().formatHex(kid), serial, talentId, String.valueOf(level),
                LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(until)), signed, signature);
    }

    // ---- keys and signatures ----

    /** A public key from its uncompressed point in hex (04‖x‖y); null when it is not a point of the curve. */
    public static ECPublicKeyParameters publicKey(String hex) {
        try {
            return new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(HexFormat.of().parseHex(hex.strip())),
                    DOMAIN);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The key id of a public key: hex of the first 8 bytes of SM3 over its uncompressed encoding. */
    public static String keyId(ECPublicKeyParameters key) {
        byte[] encoded = key.getQ().getEncoded(false);
        SM3Digest sm3 = new SM3Digest();
        sm3.update(encoded, 0, encoded.length);
        byte[] hash = new byte[32];
        sm3.doFinal(hash, 0);
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    /** SM3withSM2 verification of {@code signature} (r‖s) over {@code signed}. */
    public static boolean signatureValid(ECPublicKeyParameters key, byte[] signed, byte[] signature) {
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(false, key);
        signer.update(signed, 0, signed.length);
        return signer.verifySignature(signature);
    }

    /** The offline check: format, known key, signature, dates (inclusive) against {@code today}. */
    public static Check check(String text, Map<String, ECPublicKeyParameters> keys, LocalDate today) {
        Parsed p = parse(text);
        if (p == null) {
            return Check.BAD_FORMAT;
        }
        ECPublicKeyParameters key = keys.get(p.payload().keyId());
        if (key == null) {
            return Check.UNKNOWN_KEY;
        }
        if (!signatureValid(key, p.signed(), p.signature())) {
            return Check.BAD_SIGNATURE;
        }
        if (today.isAfter(p.payload().validUntil())) {
            return Check.EXPIRED;
        }
        if (today.isBefore(p.payload().validFrom())) {
            return Check.NOT_YET_VALID;
        }
        return Check.VALID;
    }

    // ---- Base45 (RFC 9285) ----

    public static String base45(byte[] data) {
        StringBuilder out = new StringBuilder((data.length + 1) / 2 * 3);
        for (int i = 0; i < data.length; i += 2) {
            if (i + 1 < data.length) {
                int n = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
                out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
            } else {
                int n = data[i] & 0xff;
                out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
            }
        }
        return out.toString();
    }

    /** Decodes Base45; null when a character is outside the alphabet, a group is too large or the length is odd. */
    public static byte[] unbase45(String text) {
        if (text.length() % 3 == 1) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2 / 3);
        for (int i = 0; i < text.length(); i += 3) {
            int c = ALPHABET.indexOf(text.charAt(i));
            int d = ALPHABET.indexOf(text.charAt(i + 1));
            if (c < 0 || d < 0) {
                return null;
            }
            if (i + 2 < text.length()) {
                int e = ALPHABET.indexOf(text.charAt(i + 2));
                if (e < 0) {
                    return null;
                }
                int n = c + d * 45 + e * 2025;
                if (n > 0xffff) {
                    return null;
                }
                out.write(n >> 8);
                out.write(n & 0xff);
            } else {
                int n = c + d * 45;
                if (n > 0xff) {
                    return null;
                }
                out.write(n);
            }
        }
        return out.toByteArray();
    }

    // ---- the command line ----

    private static final Pattern KEY_JSON = Pattern.compile(
            "\"keyId\"\\s*:\\s*\"([0-9a-f]{16})\"[^}]*?\"publicKey\"\\s*:\\s*\"([0-9a-fA-F]+)\"");

    /** Public keys from the JSON of GET /api/talent/verify/keys; each key id is recomputed from its key. */
    public static Map<String, ECPublicKeyParameters> keysFromJson(String json) {
        Map<String, ECPublicKeyParameters> keys = new HashMap<>();
        Matcher m = KEY_JSON.matcher(json);
        while (m.find()) {
            ECPublicKeyParameters key = publicKey(m.group(2));
            if (key != null && keyId(key).equals(m.group(1))) {
                keys.put(m.group(1), key);
            }
        }
        return keys;
    }

    public static void main(String[] args) throws Exception {
        Map<String, ECPublicKeyParameters> keys = new HashMap<>();
        LocalDate today = LocalDate.now();
        String code = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keys" -> keys.putAll(keysFromJson(Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8)));
                case "--key" -> {
                    String[] kv = args[++i].split("=", 2);
                    ECPublicKeyParameters key = publicKey(kv[1]);
                    if (key == null || !keyId(key).equals(kv[0])) {
                        System.err.println("公钥与密钥编号不符：" + kv[0]);
                        System.exit(2);
                    }
                    keys.put(kv[0], key);
                }
                case "--today" -> today = LocalDate.parse(args[++i]);
                default -> code = args[i];
            }
        }
        if (code == null) {
            System.err.println("用法：java -cp bcprov-jdk18on.jar TalentCodeVerifier.java (--keys keys.json | --key 编号=公钥)"
                    + " 'ZT1:…' [--today yyyy-MM-dd]");
            System.exit(2);
        }
        if (keys.isEmpty()) {
            System.err.println("没有读到公钥：请用 --keys 指定 /api/talent/verify/keys 的内容，或用 --key 编号=公钥");
            System.exit(2);
        }
        Parsed p = parse(code);
        if (p != null) {
            Payload f = p.payload();
            System.out.printf("版本 %d  密钥 %s  编号 %d  人才 %d  等级 %s  有效期 %s 至 %s%n", f.version(), f.keyId(),
                    f.serial(), f.talentId(), f.level(), f.validFrom(), f.validUntil());
        }
        Check result = check(code, keys, today);
        System.out.println(result == Check.VALID ? "有效（离线核验：签名与有效期；撤销与重新签发请以平台核验为准）"
                : "无效：" + result.label());
        System.exit(result == Check.VALID ? 0 : 1);
    }

    /** Used by the platform's key store: a 32-byte big-endian scalar. */
    static byte[] fixed32(BigInteger n) {
        byte[] b = n.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, b.length);
        System.arraycopy(b, b.length - copy, out, 32 - copy, copy);
        return out;
    }
}

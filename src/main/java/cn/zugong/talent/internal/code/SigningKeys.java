package cn.zugong.talent.internal.code;

import cn.zugong.shared.crypto.FieldCipher;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 人才码's SM2 signing keys (table talent_code_key): the current key signs, every key ever made verifies. A key
 * pair is generated on first need (no key material in the repository); the private scalar is kept encrypted with
 * the platform's {@link FieldCipher}. Public keys are cached in memory (a key never changes once written; retiring
 * only stops it from signing), so a verification reads no key from the database.
 */
@Component
class SigningKeys {

    static final String PRIVATE_AAD = "talent_code_key.private_key";
    static final String ALGORITHM = "SM2-SM3";

    /** A key as pages and the public key list show it. */
    public record KeyInfo(String keyId, String algorithm, String publicKey, LocalDateTime createdAt, String createdBy,
                   LocalDateTime retiredAt, String retiredBy, long codes) {

        public boolean current() {
            return retiredAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ECPublicKeyParameters> publicKeys = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc, FieldCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The key that signs now: the newest not retired; made on first need. The caller's transaction holds it. */
    synchronized String currentKeyId(String by) {
        return current().orElseGet(() -> create(by));
    }

    Optional<String> current() {
        return jdbc.sql("select key_id from talent_code_key where retired_at is null order by id desc")
                .query(String.class).list().stream().findFirst();
    }

    /** Signs {@code data} (SM3withSM2, r‖s) with the private key of {@code keyId}. */
    byte[] sign(String keyId, byte[] data) {
        String stored = jdbc.sql("select private_key from talent_code_key where key_id = :k").param("k", keyId)
                .query(String.class).single();
        byte[] d = HexFormat.of().parseHex(cipher.decrypt(stored, PRIVATE_AAD));
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(new BigInteger(1, d), TalentCodeVerifier.DOMAIN);
        java.util.Arrays.fill(d, (byte) 0);
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(true, new ParametersWithRandom(key, random));
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signature failed", e);
        }
    }

    /** The public key of a key id, or null when no such key was ever made here. */
    ECPublicKeyParameters publicKey(String keyId) {
        ECPublicKeyParameters cached = publicKeys.get(keyId);
        if (cached != null) {
            return cached;
        }
        Optional<String> hex = jdbc.sql("select public_key from talent_code_key where key_id = :k").param("k", keyId)
                .query(String.class).optional();
        if (hex.isEmpty()) {
            return null;
        }
        ECPublicKeyParameters key = TalentCodeVerifier.publicKey(hex.get());
        publicKeys.put(keyId, key);
        return key;
    }

    /** Rotation: a new key signs from now on; the old ones are retired (they still verify). Returns the new id. */
    synchronized String rotate(String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("update talent_code_key set retired_at = :now, retired_by = :by where retired_at is null")
                .param("now", Timestamp.valueOf(now)).param("by", by).update();
        return create(by);
    }

    List<KeyInfo> all() {
        return jdbc.sql("""
                select k.*, (select count(*) from talent_code c where c.key_id = k.key_id) codes
                  from talent_code_key k order by k.id desc
                """).query((rs, n) -> new KeyInfo(rs.getString("key_id"), rs.getString("algorithm"),
                rs.getString("public_key"), rs.getTimestamp("created_at").toLocalDateTime(),
                rs.getString("created_by"), rs.getTimestamp("retired_at") == null ? null
                : rs.getTimestamp("retired_at").toLocalDateTime(), rs.getString("retired_by"), rs.getLong("codes")))
                .list();
    }

    private String create(String by) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(TalentCodeVerifier.DOMAIN, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPublicKeyParameters pub = (ECPublicKeyParameters) pair.getPublic();
        ECPrivateKeyParameters priv = (ECPrivateKeyParameters) pair.getPrivate();
        String keyId = TalentCodeVerifier.keyId(pub);
        jdbc.sql("""
                insert into talent_code_key (key_id, algorithm, public_key, private_key, created_by, created_at)
                values (:k, :alg, :pub, :priv, :by, :now)
                """).param("k", keyId).param("alg", ALGORITHM)
                .param("pub", HexFormat.of().formatHex(pub.getQ().getEncoded(false)))
                .param("priv", cipher.encrypt(HexFormat.of().formatHex(TalentCodeVerifier.fixed32(priv.getD())),
                        PRIVATE_AAD))
                .param("by", by).param("now", Timestamp.valueOf(LocalDateTime.now(clock))).update();
        publicKeys.put(keyId, pub);
        return keyId;
    }
}

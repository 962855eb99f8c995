package cn.zugong.security.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The key that signs and checks API tokens, from {@link ApiTokenSettings}: an HMAC-SHA256 secret or an RSA key
 * pair; the built-in DEMO secret only while the demo is on, like the personal-data keys (ADR 006).
 */
record ApiTokenKeys(JwsAlgorithm algorithm, JwtEncoder encoder, NimbusJwtDecoder decoder, boolean demo) {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenKeys.class);
    private static final int MIN_SECRET_BYTES = 32;

    static ApiTokenKeys resolve(ApiTokenSettings settings) {
        boolean noSecret = blank(settings.secret());
        boolean noRsa = blank(settings.privateKey()) && blank(settings.publicKey());
        if (!noSecret && !noRsa) {
            throw new IllegalStateException("API tokens: set either ZUGONG_API_TOKEN_SECRET or the RSA key pair "
                    + "(zugong.security.api-token.private-key / public-key), not both.");
        }
        if (!noRsa) {
            return rsa(settings.privateKey(), settings.publicKey());
        }
        if (noSecret && !settings.allowDemoKey()) {
            throw new IllegalStateException("API tokens cannot be signed: ZUGONG_API_TOKEN_SECRET is not set. Set it "
                    + "to base64 of 32 random bytes (openssl rand -base64 32), the same on every node, kept outside "
                    + "the repository and the database; or set zugong.security.api-token.private-key and public-key "
                    + "to PEM files of an RSA key pair. See docs/adr/048-api-tokens.md.");
        }
        byte[] secret;
        if (noSecret) {
            log.warn("Using the built-in DEMO key for API tokens — set ZUGONG_API_TOKEN_SECRET in production");
            secret = sha256("zugong DEMO api token key - not for production");
        } else {
            try {
                secret = Base64.getDecoder().decode(settings.secret().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ZUGONG_API_TOKEN_SECRET is not valid base64", e);
            }
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("ZUGONG_API_TOKEN_SECRET must hold at least 256 bits (32 bytes) for "
                        + "HMAC-SHA256; it has " + secret.length * 8 + ". Use openssl rand -base64 32.");
            }
        }
        SecretKey key = new SecretKeySpec(secret, "HmacSHA256");
        return new ApiTokenKeys(MacAlgorithm.HS256, new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(key)),
                NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build(), noSecret);
    }

    private static ApiTokenKeys rsa(String privateLocation, String publicLocation) {
        if (blank(privateLocation) || blank(publicLocation)) {
            throw new IllegalStateException("API tokens: an RSA key needs both zugong.security.api-token.private-key "
                    + "(PKCS#8 PEM) and public-key (X.509 PEM)");
        }
        RSAPrivateKey privateKey = read(privateLocation, true);
        RSAPublicKey publicKey = read(publicLocation, false);
        RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        return new ApiTokenKeys(SignatureAlgorithm.RS256, new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk))),
                NimbusJwtDecoder.withPublicKey(publicKey).signatureAlgorithm(SignatureAlgorithm.RS256).build(), false);
    }

    @SuppressWarnings("unchecked")
    private static <K> K read(String location, boolean privateKey) {
        var resource = new DefaultResourceLoader().getResource(location.strip());
        try (InputStream in = resource.getInputStream()) {
            return (K) (privateKey ? RsaKeyConverters.pkcs8().convert(in) : RsaKeyConverters.x509().convert(in));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("API tokens: cannot read the RSA " + (privateKey ? "private" : "public")
                    + " key from " + location, e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.zugong.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** The API tokens' signing key from configuration: a clear start-up failure without one outside the demo. */
class ApiTokenKeysTest {

    private static ApiTokenSettings settings(String secret, String privateKey, String publicKey, boolean demo) {
        return new ApiTokenSettings(Duration.ofMinutes(15), secret, privateKey, publicKey, demo);
    }

    private static String roundTrip(ApiTokenKeys keys) {
        // a fixed instant, not today: the keys are under test here, not the lifetime, so the decoder checks no time
        Instant issued = TestClock.START.atZone(ZoneId.systemDefault()).toInstant();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("leader").issuedAt(issued)
                .expiresAt(issued.plusSeconds(60)).build();
        String token = keys.encoder().encode(JwtEncoderParameters.from(JwsHeader.with(keys.algorithm()).build(),
                claims)).getTokenValue();
        keys.decoder().setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return keys.decoder().decode(token).getSubject();
    }

    @Test
    void noKeyOutsideTheDemoFailsStartUpSayingWhatToSet() {
        assertThatThrownBy(() -> ApiTokenKeys.resolve(settings("", null, null, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ZUGONG_API_TOKEN_SECRET")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void theDemoKeyOnlyWithTheDemo() {
        ApiTokenKeys demo = ApiTokenKeys.resolve(settings(null, null, null, true));
        assertThat(demo.demo()).isTrue();
        assertThat(roundTrip(demo)).isEqualTo("leader");
    }

    @Test
    void aSecretMustHold256Bits() {
        String weak = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> ApiTokenKeys.resolve(settings(weak, null, null, true)))
                .hasMessageContaining("256 bits");
        assertThatThrownBy(() -> ApiTokenKeys.resolve(settings("not base64!", null, null, true)))
                .hasMessageContaining("base64");
        ApiTokenKeys strong = ApiTokenKeys.resolve(settings(Base64.getEncoder().encodeToString(new byte[32]), null,
                null, false));
        assertThat(strong.demo()).isFalse();
        assertThat(roundTrip(strong)).isEqualTo("leader");
    }

    @Test
    void anRsaPairSignsAndChecks(@TempDir Path dir) throws Exception {
        var pair = KeyPairGenerator.getInstance("RSA");
        pair.initialize(2048);
        var keys = pair.generateKeyPair();
        Path privateKey = dir.resolve("token.key");
        Path publicKey = dir.resolve("token.pub");
        Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        ApiTokenKeys rsa = ApiTokenKeys.resolve(settings(null, privateKey.toUri().toString(),
                publicKey.toUri().toString(), false));
        assertThat(rsa.algorithm().getName()).isEqualTo("RS256");
        assertThat(roundTrip(rsa)).isEqualTo("leader");
        assertThatThrownBy(() -> ApiTokenKeys.resolve(settings(Base64.getEncoder().encodeToString(new byte[32]),
                privateKey.toUri().toString(), publicKey.toUri().toString(), false))).hasMessageContaining("not both");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

package cn.zugong.security.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API tokens (zugong.security.api-token.*, ADR 048): how long a token lives and the key that signs it —
 * {@code secret}, base64 of at least 32 random bytes (HMAC-SHA256), or an RSA key pair in PEM files
 * ({@code private-key} PKCS#8, {@code public-key} X.509; RS256), so that another service can check tokens with
 * the public key alone. Without either, the built-in DEMO key is used only when {@code allowDemoKey} is on
 * (default: the demo is on); otherwise start-up fails.
 */
@ConfigurationProperties("zugong.security.api-token")
record ApiTokenSettings(@DefaultValue("15m") Duration ttl,
                        String secret,
                        String privateKey,
                        String publicKey,
                        @DefaultValue("false") boolean allowDemoKey) {
}

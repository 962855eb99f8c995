package cn.zugong.shared.crypto;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link FieldCipher} and {@link BlindIndex} of the application, keyed from configuration. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    CryptoKeys cryptoKeys(@Value("${zugong.crypto.data-key:}") String dataKey,
                          @Value("${zugong.crypto.data-key-id:k1}") String keyId,
                          @Value("${zugong.crypto.index-key:}") String indexKey,
                          @Value("${zugong.crypto.data-keys-old:}") String oldKeys,
                          @Value("${zugong.crypto.allow-demo-key:false}") boolean allowDemo) {
        return CryptoKeys.resolve(dataKey, keyId, indexKey, oldKeys, allowDemo);
    }

    @Bean
    FieldCipher fieldCipher(CryptoKeys keys) {
        return keys.cipher();
    }

    @Bean
    BlindIndex blindIndex(CryptoKeys keys) {
        return keys.blindIndex();
    }
}

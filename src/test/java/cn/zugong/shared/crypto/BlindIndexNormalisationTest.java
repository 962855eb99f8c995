package cn.zugong.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The blind index is taken over the NFKC form, so full-width digits can never index as a second number. */
class BlindIndexNormalisationTest {

    private final BlindIndex index = new BlindIndex("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));

    @Test
    void fullWidthAndAsciiFormsShareOneIndex() {
        assertThat(index.of("33０9031９7111270027")).isEqualTo(index.of("330903197111270027"));
        assertThat(index.of("11010519491231002ｘ")).isEqualTo(index.of("11010519491231002X"));
        assertThat(index.of("33٠9031٩7111270027")).isNotEqualTo(index.of("330903197111270027"));
    }
}

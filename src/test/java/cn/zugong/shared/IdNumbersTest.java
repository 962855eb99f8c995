package cn.zugong.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ID numbers are ASCII after NFKC: full-width digits become the same number, other scripts' digits are refused. */
class IdNumbersTest {

    private static final String ASCII = "330903197111270027";

    @Test
    void nfkcTurnsFullWidthDigitsSpacesAndLowerXIntoTheAsciiForm() {
        assertThat(IdNumbers.normalise("33０9031９7111270027")).isEqualTo(ASCII);
        assertThat(IdNumbers.normalise(" 330903 19711127 0027\u3000")).isEqualTo(ASCII);
        assertThat(IdNumbers.normalise("11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.normalise("11010519491231002ｘ")).isEqualTo("11010519491231002X");
    }

    @Test
    void onlyAsciiDigitsPassTheCheck() {
        assertThat(IdNumbers.problem(ASCII)).isEmpty();
        assertThat(IdNumbers.problem("33０9031９7111270027")).get().asString().contains("0-9");
        assertThat(IdNumbers.problem("33٠9031٩7111270027")).get().asString().contains("0-9");
        assertThat(IdNumbers.problem(IdNumbers.normalise("33٠9031٩7111270027"))).get().asString().contains("0-9");
        assertThat(IdNumbers.problem("3309031971112700２7")).get().asString().contains("0-9");
        assertThat(IdNumbers.problem("33090319711127002")).get().asString().contains("18");
    }

    @Test
    void theCheckCharacterRefusesNonAsciiInsteadOfComputingOnIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IdNumbers.checkChar("33０90319711127002"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package cn.zugong.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Indicator.scaled is BigDecimal.valueOf(v).setScale(scale, HALF_UP), value and scale, whole numbers included. */
class IndicatorScaledTest {

    @Test
    void equalsTheDoubleToStringRounding() {
        SplittableRandom random = new SplittableRandom(20261206);
        double[] fixed = {0, -0.0, 1, -1, 5, 12.5, 0.00005, -0.00005, 2.44445, 99.99995, 1e14, -1e14, 1e15, 3e16,
                123456789.0, 0.1 + 0.2, 1.0 / 3, 2.0 / 3 * 100};
        for (double v : fixed) {
            check(v);
        }
        for (int i = 0; i < 200_000; i++) {
            check(random.nextInt(-1_000_000, 1_000_000));
            check(random.nextInt(0, 100_000) / (double) random.nextInt(1, 100_000) * (random.nextBoolean() ? 100 : 1));
            check(random.nextDouble(-1e6, 1e6));
        }
    }

    private static void check(double v) {
        for (int scale : new int[] {0, 1, 2, 4}) {
            BigDecimal expected = BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
            BigDecimal actual = Indicator.scaled(v, scale);
            assertThat(actual).as("%s at scale %d", v, scale).isEqualTo(expected); // equals: value and scale
            assertThat(actual.toPlainString()).isEqualTo(expected.toPlainString());
        }
    }
}

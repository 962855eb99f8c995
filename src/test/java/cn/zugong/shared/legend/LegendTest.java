package cn.zugong.shared.legend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Legend edges: a value exactly at a threshold belongs to the better side, in every direction. */
class LegendTest {

    private static final Legend HIGHER = Legend.warning(Direction.HIGHER_IS_BETTER, d("10"), d("15"), d("20"));
    private static final Legend LOWER = Legend.warning(Direction.LOWER_IS_BETTER, d("20"), d("15"), d("10"));
    private static final Legend BAND = Legend.band(d("40"), d("60"), d("5"), d("10"));

    @Test
    void higherIsBetter() {
        assertThat(colour(HIGHER, "9.9")).isEqualTo("RED");
        assertThat(colour(HIGHER, "10")).isEqualTo("YELLOW");
        assertThat(colour(HIGHER, "14.9")).isEqualTo("YELLOW");
        assertThat(colour(HIGHER, "15")).isEqualTo("BLUE");
        assertThat(colour(HIGHER, "19.99")).isEqualTo("BLUE");
        assertThat(colour(HIGHER, "20")).isEqualTo("GREEN");
        assertThat(colour(HIGHER, "-5")).isEqualTo("RED");
        assertThat(HIGHER.classify(d("12")).orElseThrow().threshold()).isEqualByComparingTo("15");
        assertThat(HIGHER.classify(d("3")).orElseThrow().threshold()).isEqualByComparingTo("10");
    }

    @Test
    void lowerIsBetter() {
        assertThat(colour(LOWER, "20.1")).isEqualTo("RED");
        assertThat(colour(LOWER, "20")).isEqualTo("YELLOW");
        assertThat(colour(LOWER, "15")).isEqualTo("BLUE");
        assertThat(colour(LOWER, "10.01")).isEqualTo("BLUE");
        assertThat(colour(LOWER, "10")).isEqualTo("GREEN");
        assertThat(colour(LOWER, "-3")).isEqualTo("GREEN");
        assertThat(LOWER.classify(d("25")).orElseThrow().threshold()).isEqualByComparingTo("20");
    }

    @Test
    void missingColoursAreLeftOut() {
        Legend redOnly = Legend.warning(Direction.LOWER_IS_BETTER, d("0"), null, null);
        assertThat(colour(redOnly, "0")).isEqualTo("GREEN");
        assertThat(colour(redOnly, "1")).isEqualTo("RED");
        Legend blueOnly = Legend.warning(Direction.HIGHER_IS_BETTER, null, null, d("1"));
        assertThat(colour(blueOnly, "0")).isEqualTo("BLUE");
        assertThat(colour(blueOnly, "1")).isEqualTo("GREEN");
    }

    @Test
    void targetBandEdgesAreInsideAndMarginsGoToTheBetterColour() {
        assertThat(colour(BAND, "40")).isEqualTo("GREEN");
        assertThat(colour(BAND, "60")).isEqualTo("GREEN");
        assertThat(colour(BAND, "39.9")).isEqualTo("BLUE");
        assertThat(colour(BAND, "35")).isEqualTo("BLUE");
        assertThat(colour(BAND, "34.9")).isEqualTo("YELLOW");
        assertThat(colour(BAND, "30")).isEqualTo("YELLOW");
        assertThat(colour(BAND, "29.9")).isEqualTo("RED");
        assertThat(colour(BAND, "60.1")).isEqualTo("BLUE");
        assertThat(colour(BAND, "65")).isEqualTo("BLUE");
        assertThat(colour(BAND, "65.1")).isEqualTo("YELLOW");
        assertThat(colour(BAND, "70")).isEqualTo("YELLOW");
        assertThat(colour(BAND, "70.1")).isEqualTo("RED");
    }

    @Test
    void aFiveColourLegendIsBuiltRangeByRange() {
        // the 亮灯台 shape: ranges of a score with their own colours and points
        Legend lights = Legend.of(Direction.HIGHER_IS_BETTER, List.of(
                new LegendRange(Colour.PURPLE, "紫灯", 5, d("95"), true, null, false, null),
                new LegendRange(Colour.GREEN, "绿灯", 4, d("85"), true, d("95"), false, d("95")),
                new LegendRange(Colour.BLUE, "蓝灯", 3, d("70"), true, d("85"), false, d("85")),
                new LegendRange(Colour.YELLOW, "黄灯", 2, d("60"), true, d("70"), false, d("70")),
                new LegendRange(Colour.RED, "红灯", 1, null, false, d("60"), false, d("60"))));
        assertThat(lights.classify(d("95")).orElseThrow().label()).isEqualTo("紫灯");
        assertThat(lights.classify(d("84.9")).orElseThrow().points()).isEqualTo(3);
        assertThat(lights.classify(d("59")).orElseThrow().colour()).isEqualTo(Colour.RED);
        assertThat(lights.classify(null)).isEmpty();
    }

    @Test
    void badThresholdsAreRefused() {
        assertThatThrownBy(() -> Legend.warning(Direction.HIGHER_IS_BETTER, d("20"), d("10"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rise");
        assertThatThrownBy(() -> Legend.warning(Direction.LOWER_IS_BETTER, d("10"), d("20"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fall");
        assertThatThrownBy(() -> Legend.band(d("60"), d("40"), d("5"), d("10")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String colour(Legend legend, String value) {
        return legend.classify(d(value)).orElseThrow().colour().code();
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }
}

package cn.zugong.prosperity.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.prosperity.internal.workshops.Phrasing;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** 余/万 phrasing at its edges, each expected value written by hand. */
class PhrasingTest {

    @Test
    void countsBelowAHundredAreExact() {
        assertThat(Phrasing.about(0)).isEqualTo("0");
        assertThat(Phrasing.about(20)).isEqualTo("20");
        assertThat(Phrasing.about(99)).isEqualTo("99");
    }

    @Test
    void hundredsAreCutToTensAndThousandsToHundreds() {
        assertThat(Phrasing.about(100)).isEqualTo("100");
        assertThat(Phrasing.about(101)).isEqualTo("100余");
        assertThat(Phrasing.about(160)).isEqualTo("160");
        assertThat(Phrasing.about(163)).isEqualTo("160余");
        assertThat(Phrasing.about(999)).isEqualTo("990余");
        assertThat(Phrasing.about(1000)).isEqualTo("1000");
        assertThat(Phrasing.about(1234)).isEqualTo("1200余");
        assertThat(Phrasing.about(9999)).isEqualTo("9900余");
    }

    @Test
    void tenThousandsAreSaidInWanWithOneDecimalAndYuAfterWan() {
        assertThat(Phrasing.about(10_000)).isEqualTo("1万");
        assertThat(Phrasing.about(10_001)).isEqualTo("1万余");
        assertThat(Phrasing.about(17_000)).isEqualTo("1.7万");
        assertThat(Phrasing.about(17_234)).isEqualTo("1.7万余");
        assertThat(Phrasing.about(17_999)).isEqualTo("1.7万余");
        assertThat(Phrasing.about(99_999)).isEqualTo("9.9万余");
        assertThat(Phrasing.about(100_000)).isEqualTo("10万");
        assertThat(Phrasing.about(105_000)).isEqualTo("10.5万");
        assertThat(Phrasing.about(999_999)).isEqualTo("99.9万余");
    }

    @Test
    void millionsAreWholeWanWithYuBeforeWan() {
        assertThat(Phrasing.about(1_000_000)).isEqualTo("100万");
        assertThat(Phrasing.about(1_000_001)).isEqualTo("100余万");
        assertThat(Phrasing.about(17_500_000)).isEqualTo("1750万");
        assertThat(Phrasing.about(17_503_200)).isEqualTo("1750余万");
        assertThat(Phrasing.about(99_999_999)).isEqualTo("9999余万");
    }

    @Test
    void hundredMillionsAreYi() {
        assertThat(Phrasing.about(100_000_000)).isEqualTo("1亿");
        assertThat(Phrasing.about(123_456_789)).isEqualTo("1.2亿余");
    }

    @Test
    void moneyDropsFractionsFirstAndYuanRoundsHalfUp() {
        assertThat(Phrasing.about(new BigDecimal("17503200.99"))).isEqualTo("1750余万");
        assertThat(Phrasing.about(new BigDecimal("99.99"))).isEqualTo("99");
        assertThat(Phrasing.yuan(new BigDecimal("2579.50"))).isEqualTo("2580");
        assertThat(Phrasing.yuan(new BigDecimal("2579.49"))).isEqualTo("2579");
        assertThatThrownBy(() -> Phrasing.about(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

package cn.zugong.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Numbers as a report's sentence says them, edge by edge: never rounded up, 余 when anything was cut. */
class NumberPhrasesTest {

    @Test
    void countsBelowTenThousandKeepTwoLeadingDigits() {
        assertThat(NumberPhrases.about(0)).isEqualTo("0");
        assertThat(NumberPhrases.about(37)).isEqualTo("37");
        assertThat(NumberPhrases.about(99)).isEqualTo("99");
        assertThat(NumberPhrases.about(100)).isEqualTo("100");
        assertThat(NumberPhrases.about(101)).isEqualTo("100余");
        assertThat(NumberPhrases.about(160)).isEqualTo("160");
        assertThat(NumberPhrases.about(447)).isEqualTo("440余");
        assertThat(NumberPhrases.about(999)).isEqualTo("990余");
        assertThat(NumberPhrases.about(1000)).isEqualTo("1000");
        assertThat(NumberPhrases.about(1234)).isEqualTo("1200余");
        assertThat(NumberPhrases.about(9999)).isEqualTo("9900余");
        assertThat(NumberPhrases.about(-447)).isEqualTo("-440余");
    }

    @Test
    void wanWithOneDecimalThenWholeWanThenYi() {
        assertThat(NumberPhrases.about(10_000)).isEqualTo("1万");
        assertThat(NumberPhrases.about(10_001)).isEqualTo("1万余");
        assertThat(NumberPhrases.about(17_000)).isEqualTo("1.7万");
        assertThat(NumberPhrases.about(17_400)).isEqualTo("1.7万余");
        assertThat(NumberPhrases.about(99_999)).isEqualTo("9.9万余");
        assertThat(NumberPhrases.about(105_000)).isEqualTo("10.5万");
        assertThat(NumberPhrases.about(999_999)).isEqualTo("99.9万余");
        assertThat(NumberPhrases.about(1_000_000)).isEqualTo("100万");
        assertThat(NumberPhrases.about(1_000_001)).isEqualTo("100余万");
        assertThat(NumberPhrases.about(17_503_200)).isEqualTo("1750余万");
        assertThat(NumberPhrases.about(99_999_999)).isEqualTo("9999余万");
        assertThat(NumberPhrases.about(100_000_000)).isEqualTo("1亿");
        assertThat(NumberPhrases.about(123_456_789)).isEqualTo("1.2亿余");
        assertThat(NumberPhrases.about(new BigDecimal("17503200.99"))).isEqualTo("1750余万");
        assertThat(NumberPhrases.about(new BigDecimal("99.99"))).isEqualTo("99");
    }

    @Test
    void yuanCountsDroppedFenAsYu() {
        assertThat(NumberPhrases.yuan(BigDecimal.ZERO)).isEqualTo("0元");
        assertThat(NumberPhrases.yuan(new BigDecimal("85"))).isEqualTo("85元");
        assertThat(NumberPhrases.yuan(new BigDecimal("85.30"))).isEqualTo("85余元");
        assertThat(NumberPhrases.yuan(new BigDecimal("8500"))).isEqualTo("8500元");
        assertThat(NumberPhrases.yuan(new BigDecimal("8560"))).isEqualTo("8500余元");
        assertThat(NumberPhrases.yuan(new BigDecimal("9999.99"))).isEqualTo("9900余元");
        assertThat(NumberPhrases.yuan(new BigDecimal("10000"))).isEqualTo("1万元");
        assertThat(NumberPhrases.yuan(new BigDecimal("10000.50"))).isEqualTo("1万余元");
        assertThat(NumberPhrases.yuan(new BigDecimal("134000"))).isEqualTo("13.4万元");
        assertThat(NumberPhrases.yuan(new BigDecimal("21345"))).isEqualTo("2.1万余元");
        assertThat(NumberPhrases.yuan(new BigDecimal("1000000"))).isEqualTo("100万元");
        assertThat(NumberPhrases.yuan(new BigDecimal("1000000.01"))).isEqualTo("100余万元");
        assertThat(NumberPhrases.yuan(new BigDecimal("2001500.50"))).isEqualTo("200余万元");
        assertThat(NumberPhrases.yuan(new BigDecimal("13456789.50"))).isEqualTo("1345余万元");
        assertThat(NumberPhrases.yuan(new BigDecimal("135000000"))).isEqualTo("1.3亿余元");
        assertThat(NumberPhrases.yuan(new BigDecimal("200000000"))).isEqualTo("2亿元");
    }

    @Test
    void tablesAndPerCapitaAmounts() {
        assertThat(NumberPhrases.wan(new BigDecimal("13456789"))).isEqualByComparingTo("1345.68");
        assertThat(NumberPhrases.wholeYuan(new BigDecimal("2579.50"))).isEqualTo("2580");
        assertThat(NumberPhrases.wholeYuan(new BigDecimal("2579.49"))).isEqualTo("2579");
    }
}

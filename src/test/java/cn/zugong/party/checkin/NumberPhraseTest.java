package cn.zugong.party.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.party.internal.checkin.NumberPhrase;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The newspaper's way with numbers, edge by edge (never rounded up; 余 when anything was dropped). */
class NumberPhraseTest {

    @Test
    void counts() {
        assertThat(NumberPhrase.about(0)).isEqualTo("0");
        assertThat(NumberPhrase.about(9)).isEqualTo("9");
        assertThat(NumberPhrase.about(99)).isEqualTo("99");
        assertThat(NumberPhrase.about(100)).isEqualTo("100");
        assertThat(NumberPhrase.about(101)).isEqualTo("100余");
        assertThat(NumberPhrase.about(157)).isEqualTo("150余");
        assertThat(NumberPhrase.about(1200)).isEqualTo("1200");
        assertThat(NumberPhrase.about(1234)).isEqualTo("1200余");
        assertThat(NumberPhrase.about(1299)).isEqualTo("1200余");
        assertThat(NumberPhrase.about(9999)).isEqualTo("9900余");
        assertThat(NumberPhrase.about(10000)).isEqualTo("10000");
    }

    @Test
    void yuan() {
        assertThat(NumberPhrase.yuan(BigDecimal.ZERO)).isEqualTo("0元");
        assertThat(NumberPhrase.yuan(new BigDecimal("8560"))).isEqualTo("8560元");
        assertThat(NumberPhrase.yuan(new BigDecimal("8560.30"))).isEqualTo("8560余元");
        assertThat(NumberPhrase.yuan(new BigDecimal("9999.99"))).isEqualTo("9999余元");
        assertThat(NumberPhrase.yuan(new BigDecimal("10000"))).isEqualTo("1万元");
        assertThat(NumberPhrase.yuan(new BigDecimal("134000"))).isEqualTo("13万余元");
        assertThat(NumberPhrase.yuan(new BigDecimal("990000"))).isEqualTo("99万元");
        assertThat(NumberPhrase.yuan(new BigDecimal("1000000"))).isEqualTo("100万元");
        assertThat(NumberPhrase.yuan(new BigDecimal("1000001"))).isEqualTo("100余万元");
        assertThat(NumberPhrase.yuan(new BigDecimal("2001500.50"))).isEqualTo("200余万元");
        assertThat(NumberPhrase.yuan(new BigDecimal("13000000"))).isEqualTo("1300万元");
        assertThat(NumberPhrase.yuan(new BigDecimal("13456789"))).isEqualTo("1300余万元");
        assertThat(NumberPhrase.yuan(new BigDecimal("99999999"))).isEqualTo("9900余万元");
        assertThat(NumberPhrase.yuan(new BigDecimal("100000000"))).isEqualTo("1亿元");
        assertThat(NumberPhrase.yuan(new BigDecimal("135000000"))).isEqualTo("1.3亿余元");
        assertThat(NumberPhrase.yuan(new BigDecimal("200000000"))).isEqualTo("2亿元");
    }
}

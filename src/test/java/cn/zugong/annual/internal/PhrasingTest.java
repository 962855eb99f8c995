package cn.zugong.annual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.annual.internal.Catalogue.Figure;
import cn.zugong.annual.internal.Catalogue.Phrase;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Figures as the review's sentences print them, the expected strings written by hand. */
class PhrasingTest {

    private static String about(long n) {
        return Phrasing.phrase(new Figure("k", "名", "s", "m", "名", Phrase.ABOUT), BigDecimal.valueOf(n));
    }

    private static String exact(String n) {
        return Phrasing.phrase(new Figure("k", "个", "s", "m", "个", Phrase.EXACT), new BigDecimal(n));
    }

    private static String percent(String n) {
        return Phrasing.phrase(new Figure("k", "率", "s", "m", "％", Phrase.PERCENT), new BigDecimal(n));
    }

    private static String yuan(String n) {
        return Phrasing.phrase(new Figure("k", "资金", "s", "m", "元", Phrase.YUAN), new BigDecimal(n));
    }

    @Test
    void about() {
        assertThat(about(0)).isEqualTo("0名");
        assertThat(about(99)).isEqualTo("99名");
        assertThat(about(100)).isEqualTo("100名");
        assertThat(about(1_200)).isEqualTo("1200名");
        assertThat(about(1_234)).isEqualTo("1200余名");
        assertThat(about(9_999)).isEqualTo("9900余名");
        assertThat(about(10_000)).isEqualTo("1万名");
        assertThat(about(17_000)).isEqualTo("1.7万名");
        assertThat(about(17_050)).isEqualTo("1.7万余名");
        assertThat(about(1_000_000)).isEqualTo("100万名");
        assertThat(about(17_500_000)).isEqualTo("1750万名");
        assertThat(about(17_500_001)).isEqualTo("1750余万名");
    }

    @Test
    void exactPercentAndYuan() {
        assertThat(exact("0")).isEqualTo("0个");
        assertThat(exact("86.0000")).isEqualTo("86个");
        assertThat(exact("10000")).isEqualTo("10000个");
        assertThat(percent("96.515")).isEqualTo("96.52％");
        assertThat(percent("96.514")).isEqualTo("96.51％");
        assertThat(percent("43.0")).isEqualTo("43％");
        assertThat(percent("95.8000")).as("as stored (decimal(20, 4))").isEqualTo("95.8％");
        assertThat(percent("79.00")).isEqualTo("79％");
        assertThat(percent("85")).isEqualTo("85％");
        assertThat(percent("0")).isEqualTo("0％");
        assertThat(percent("100")).isEqualTo("100％");
        assertThat(yuan("13456789")).isEqualTo("1345余万元");
        assertThat(yuan("134000")).isEqualTo("13.4万元");
        assertThat(yuan("8560.30")).isEqualTo("8500余元");
        assertThat(Phrasing.phrase(new Figure("k", "增收", "s", "m", "元", Phrase.WHOLE_YUAN), new BigDecimal("2579.50")))
                .isEqualTo("2580元");
    }

    @Test
    void change() {
        assertThat(Phrasing.change(new BigDecimal("1125"), new BigDecimal("1000"))).contains("比上年增长12.5％");
        assertThat(Phrasing.change(new BigDecimal("968"), new BigDecimal("1000"))).contains("比上年下降3.2％");
        assertThat(Phrasing.change(new BigDecimal("1000"), new BigDecimal("1000.00"))).contains("与上年持平");
        assertThat(Phrasing.change(new BigDecimal("3"), new BigDecimal("2"))).contains("比上年增长50％");
        assertThat(Phrasing.change(new BigDecimal("0"), new BigDecimal("7"))).contains("比上年下降100％");
        assertThat(Phrasing.change(new BigDecimal("2"), new BigDecimal("3"))).contains("比上年下降33.33％");
        assertThat(Phrasing.change(new BigDecimal("5"), BigDecimal.ZERO)).isEqualTo(Optional.empty());
        assertThat(Phrasing.change(new BigDecimal("5"), null)).isEmpty();
    }

    @Test
    void tokens() {
        assertThat(Tokens.toStored("共{a}，{a.change}。")).isEqualTo("共{{a}}，{{a.change}}。");
        assertThat(Tokens.inStored("共{{a}}，{{a.bad}}")).extracting(Tokens.Token::form)
                .containsExactly(Tokens.Form.VALUE, null);
        assertThat(Tokens.hasStrayBraces("共{{a}}，{{b")).isTrue();
        assertThat(Tokens.hasStrayBraces("共{{a}}，{b}")).isFalse();
    }
}

package cn.zugong.shared.legend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one colour enum: its codes are the strings already stored in indicator_result.colour and light.colour,
 * and its labels, classes and hex values are what the pages showed before the three colour types became one.
 */
class ColourTest {

    @Test
    void codesAreTheStoredStrings() {
        assertThat(List.of(Colour.values()).stream().map(Colour::code))
                .containsExactly("RED", "PURPLE", "YELLOW", "BLUE", "GREEN");
        assertThat(Colour.of("PURPLE")).isEqualTo(Colour.PURPLE);
        assertThatThrownBy(() -> Colour.of("ORANGE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORANGE");
    }

    @Test
    void healthCheckNamesAndClasses() {
        assertThat(Colour.HEALTH_CHECK.stream().map(Colour::warningLabel))
                .containsExactly("红色预警", "黄色预警", "蓝色提示", "正常");
        assertThat(Colour.HEALTH_CHECK.stream().map(Colour::css))
                .containsExactly("zg-red", "zg-yellow", "zg-blue", "zg-green");
        assertThat(Colour.warningLabel(null)).isEqualTo("无数据");
        assertThat(Colour.css(null)).isEqualTo("zg-none");
        assertThat(Colour.WARNINGS).containsExactly(Colour.RED, Colour.YELLOW, Colour.BLUE);
    }

    @Test
    void lightsBestFirstWithTheirNamesAndPaint() {
        assertThat(Colour.LIGHTS.stream().map(c -> c.shortLabel() + "灯·" + c.lightMeaning() + " " + c.hex()))
                .containsExactly("绿灯·已完成 #3c9a5f", "蓝灯·按计划推进或超前 #2f6fdb", "黄灯·滞后于计划 #f5c518",
                        "紫灯·严重滞后 #7e3fb2", "红灯·逾期、停滞或未申报 #d9363e");
    }

    @Test
    void worstFirst() {
        assertThat(List.of("GREEN", "BLUE", "RED", "YELLOW", "PURPLE").stream().sorted(Colour.WORST_FIRST))
                .containsExactly("RED", "PURPLE", "YELLOW", "BLUE", "GREEN");
        assertThat(Colour.RED.severity()).isGreaterThan(Colour.PURPLE.severity());
        assertThat(Colour.BLUE.severity()).isGreaterThan(Colour.GREEN.severity()).isGreaterThan(-1);
    }
}

package cn.zugong.healthcheck.internal;

import cn.zugong.shared.legend.Legend;
import java.util.Comparator;
import java.util.List;

/** The three warning colours and "no warning", worst first, with their Chinese names and CSS classes. */
public enum Colours {
    RED(Legend.RED, "红色预警", "zg-red"),
    YELLOW(Legend.YELLOW, "黄色预警", "zg-yellow"),
    BLUE(Legend.BLUE, "蓝色提示", "zg-blue"),
    GREEN(Legend.GREEN, "正常", "zg-green");

    public static final List<Colours> WARNINGS = List.of(RED, YELLOW, BLUE);

    private final String code;
    private final String label;
    private final String css;

    Colours(String code, String label, String css) {
        this.code = code;
        this.label = label;
        this.css = css;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String css() {
        return css;
    }

    public static Colours of(String code) {
        for (Colours c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return GREEN;
    }

    /** Worst first: RED before YELLOW before BLUE before GREEN. */
    public static final Comparator<String> WORST_FIRST = Comparator.comparing(Colours::of);

    public static String css(String code) {
        return code == null ? "zg-none" : of(code).css;
    }

    public static String label(String code) {
        return code == null ? "无数据" : of(code).label;
    }
}

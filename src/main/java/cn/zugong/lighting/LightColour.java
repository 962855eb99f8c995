package cn.zugong.lighting;

import cn.zugong.shared.legend.Legend;

/** The five colours of the 亮灯台, best first; {@code code} is the shared legend's colour code. */
public enum LightColour {
    GREEN(Legend.GREEN, "绿", "已完成", "#3c9a5f", "zg-green"),
    BLUE(Legend.BLUE, "蓝", "按计划推进或超前", "#2f6fdb", "zg-blue"),
    YELLOW(Legend.YELLOW, "黄", "滞后于计划", "#f5c518", "zg-yellow"),
    PURPLE(Legend.PURPLE, "紫", "严重滞后", "#7e3fb2", "zg-purple"),
    RED(Legend.RED, "红", "逾期、停滞或未申报", "#d9363e", "zg-red");

    private final String code;
    private final String label;
    private final String meaning;
    private final String hex;
    private final String css;

    LightColour(String code, String label, String meaning, String hex, String css) {
        this.code = code;
        this.label = label;
        this.meaning = meaning;
        this.hex = hex;
        this.css = css;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    public String hex() {
        return hex;
    }

    public String css() {
        return css;
    }

    public static LightColour of(String code) {
        for (LightColour c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown light colour " + code);
    }
}

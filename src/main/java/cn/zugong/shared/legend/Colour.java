package cn.zugong.shared.legend;

import java.util.Comparator;
import java.util.List;

/**
 * The one set of colours the platform decides and shows, worst first: the 数字体检 three-colour warnings
 * (红黄蓝, GREEN = no warning) and the 亮灯台 five lights (红紫黄蓝绿). The constant's name is the code
 * stored in the database ({@code indicator_result.colour}, {@code light.colour}) and used as key of the
 * advice templates, so renaming a constant is a data migration.
 */
public enum Colour {
    RED("红", "红色预警", "逾期、停滞或未申报", "#d9363e", "zg-red"),
    PURPLE("紫", "紫色预警", "严重滞后", "#7e3fb2", "zg-purple"),
    YELLOW("黄", "黄色预警", "滞后于计划", "#f5c518", "zg-yellow"),
    BLUE("蓝", "蓝色提示", "按计划推进或超前", "#2f6fdb", "zg-blue"),
    GREEN("绿", "正常", "已完成", "#3c9a5f", "zg-green");

    /** The 数字体检 warning colours, worst first (GREEN is "no warning"). */
    public static final List<Colour> WARNINGS = List.of(RED, YELLOW, BLUE);
    /** The 数字体检 colours as its pages list them: the warnings, then 正常. */
    public static final List<Colour> HEALTH_CHECK = List.of(RED, YELLOW, BLUE, GREEN);
    /** The 亮灯台 lights as its pages, bulletins and charts list them: best first. */
    public static final List<Colour> LIGHTS = List.of(GREEN, BLUE, YELLOW, PURPLE, RED);

    /** Stored codes ordered worst first (RED before PURPLE before YELLOW before BLUE before GREEN). */
    public static final Comparator<String> WORST_FIRST = Comparator.comparing(Colour::of);

    private final String shortLabel;
    private final String warningLabel;
    private final String lightMeaning;
    private final String hex;
    private final String css;

    Colour(String shortLabel, String warningLabel, String lightMeaning, String hex, String css) {
        this.shortLabel = shortLabel;
        this.warningLabel = warningLabel;
        this.lightMeaning = lightMeaning;
        this.hex = hex;
        this.css = css;
    }

    /** The colour a stored code names; an unknown code is a programming or data error. */
    public static Colour of(String code) {
        try {
            return valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown colour " + code, e);
        }
    }

    /** The code stored in the database (the constant's name). */
    public String code() {
        return name();
    }

    /** One character, as the 亮灯台 writes it before 灯: 红, 紫, 黄, 蓝, 绿. */
    public String shortLabel() {
        return shortLabel;
    }

    /** The 数字体检 name: 红色预警, 黄色预警, 蓝色提示, 正常. */
    public String warningLabel() {
        return warningLabel;
    }

    /** What the light means on the 亮灯台 (已完成, 严重滞后, ...). */
    public String lightMeaning() {
        return lightMeaning;
    }

    /** The colour pages, charts and reports paint, as #rrggbb. */
    public String hex() {
        return hex;
    }

    /** The CSS class of the chips and cells of this colour (zg-red, ...). */
    public String css() {
        return css;
    }

    /** Severity, higher is worse: RED 4, PURPLE 3, YELLOW 2, BLUE 1, GREEN 0. */
    public int severity() {
        return values().length - 1 - ordinal();
    }

    public boolean is(String code) {
        return name().equals(code);
    }

    /** The CSS class of a stored code; no colour (no data) is {@code zg-none}. */
    public static String css(String code) {
        return code == null ? "zg-none" : of(code).css;
    }

    /** The 数字体检 name of a stored code; no colour is 无数据. */
    public static String warningLabel(String code) {
        return code == null ? "无数据" : of(code).warningLabel;
    }
}

package cn.zugong.demo.internal;

import java.time.LocalDate;

/**
 * What to generate: the seed, the fixed date the ages and dates are computed from, the scale
 * (the Zhoushan demo city or the whole province) and the number of roster rows.
 */
public record DemoSpec(long seed, LocalDate asOf, boolean province, int rows) {

    public static final int CITY_ROWS = 9_000;
    public static final int PROVINCE_ROWS = 1_000_000;

    public String name() {
        return province ? "province" : "zhoushan";
    }

    /** Division prefix the org tree must be loaded with. */
    public String divisionPrefix() {
        return province ? "33" : "3309";
    }
}

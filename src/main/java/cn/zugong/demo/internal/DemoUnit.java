package cn.zugong.demo.internal;

import cn.zugong.org.NewUnit;
import java.util.List;

/** A generated unit: what is written to the tree, plus what its people look like. */
public record DemoUnit(NewUnit unit, List<String> regions, UnitProfile profile, int headcount, String major) {

    public String code() {
        return unit.code();
    }

    public String tier() {
        return unit.tier();
    }
}

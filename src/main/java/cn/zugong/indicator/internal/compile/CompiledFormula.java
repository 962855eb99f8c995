package cn.zugong.indicator.internal.compile;

import java.util.Set;

/** A checked formula: value = numerator / denominator (denominator null: value = numerator). */
public record CompiledFormula(Linear numerator, Linear denominator, Set<AsOfParam> params) {

    public boolean isRatio() {
        return denominator != null;
    }
}

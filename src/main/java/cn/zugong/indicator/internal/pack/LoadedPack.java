package cn.zugong.indicator.internal.pack;

import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.internal.compile.CompiledFormula;
import java.util.Map;

/** A validated pack with each indicator's compiled formula, by indicator code. */
public record LoadedPack(IndicatorPack pack, Map<String, CompiledFormula> formulas) {
}

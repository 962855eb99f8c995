/**
 * The indicator engine: indicator packs as data (packs/*.yaml), a small safe formula language, its
 * compilation to one aggregate SQL query per fact table, evaluations with roll-ups up the org tree, and
 * their storage. Public API: {@link cn.zugong.indicator.IndicatorPacks}, {@link cn.zugong.indicator.Evaluations},
 * {@link cn.zugong.indicator.RetirementLaw} and the result records. Colour legends live in the shared
 * kernel ({@code cn.zugong.shared.legend}) so 亮灯台 and ratings use the same implementation.
 */
package cn.zugong.indicator;

/**
 * How modules contribute figures to the annual review (这一年, issue 20, ADR 081) without the annual module
 * depending on them: each implements {@link cn.zugong.shared.figures.FigureSource} as a bean.
 */
package cn.zugong.shared.figures;

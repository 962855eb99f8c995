/**
 * 这一年 (issue 20, ADR 081): the annual review of a scope and a period written from the platform's data. The figures
 * come from every module's {@link cn.zugong.shared.figures.FigureSource} beans through the catalogue
 * ({@code annual/catalogue.yml}); the review is generated as sections of sentences with the change against the
 * previous period and a chart each, edited and published by the office, every figure traceable to its records, and
 * printed as Word, PDF and Excel. Pages under {@code /annual}, API under {@code /api/annual}.
 */
package cn.zugong.annual;

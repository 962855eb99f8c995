/**
 * Documents out of the platform, shared by every module: PDF from XHTML with the embedded CJK font,
 * chart images, and background report jobs with progress, kept in the database so any node runs and answers them
 * (ADR 045). Word and Excel content is written by each module with Apache POI; this module gives them the font,
 * the charts and the job runner, to which a module adds its kinds of report as {@link cn.zugong.report.ReportJobs.Kind} beans. Public API, used by
 * 数字体检's reports: {@link cn.zugong.report.PdfRenderer}, {@link cn.zugong.report.ChartImages} and
 * {@link cn.zugong.report.ReportJobs}.
 */
package cn.zugong.report;

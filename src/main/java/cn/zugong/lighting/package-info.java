/**
 * 亮灯台: yearly key-task lists (and the items of talent symposiums and progress meetings), monthly
 * one-stop reporting with review, five-colour lights (红紫黄蓝绿) computed from the reported data at window
 * close, scoring and ranking of units, the one-screen board and the monthly bulletin. Public API, used by the
 * demo: {@link cn.zugong.lighting.LightingHistory} (lists, tasks and reviewed reports with their real dates, month
 * closes and a run of the job); {@link cn.zugong.lighting.LightingScores} (a year's score of many units at once,
 * read by the ratings' computed criteria).
 */
package cn.zugong.lighting;

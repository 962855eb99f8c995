package cn.zugong.lighting.internal;

/**
 * One task's monthly report as typed: the cumulative value as text (so that a non-number gets its own Chinese
 * message), the narrative, and {@code action} "submit" to submit rather than keep a draft.
 */
record ReportEntry(Long taskId, String month, String actual, String narrative, String action) {
}

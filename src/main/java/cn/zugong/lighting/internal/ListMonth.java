package cn.zugong.lighting.internal;

/**
 * Which list and month a 亮灯台 page shows (none: the caller's default list, its current month) and, on the report
 * page, which lead unit; the same record binds the board, its Word and Excel bulletins, {@code GET
 * /api/lighting/board}, and the report, review and rates pages.
 */
record ListMonth(Long listId, Long unitId, String month) {
}

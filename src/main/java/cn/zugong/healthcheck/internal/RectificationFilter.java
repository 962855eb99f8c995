package cn.zugong.healthcheck.internal;

/** The rectification list's filters: closure status, warning colour (红/黄), only overdue, one unit, the page. */
record RectificationFilter(String status, String colour, Boolean overdue, Long unitId, Integer page) {
}

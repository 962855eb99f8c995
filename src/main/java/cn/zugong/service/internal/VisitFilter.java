package cn.zugong.service.internal;

/** The visit list's filters: one cadre, a kind of visit, a from–to range (typed, checked by the page), the page. */
record VisitFilter(Long cadreId, String kind, String from, String to, Integer page) {
}

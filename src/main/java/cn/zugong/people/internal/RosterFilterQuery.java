package cn.zugong.people.internal;

import org.springframework.web.util.UriComponentsBuilder;

/** The query string of a filter (ending in '&'), for paging and export links that keep the filter. */
final class RosterFilterQuery {

    private RosterFilterQuery() {
    }

    static String of(RosterFilter f) {
        var b = UriComponentsBuilder.newInstance();
        add(b, "q", f.q());
        add(b, "nodeId", f.nodeId());
        add(b, "gender", f.gender());
        add(b, "education", f.education());
        add(b, "rank", f.rank());
        add(b, "political", f.political());
        add(b, "source", f.source());
        add(b, "ageMin", f.ageMin());
        add(b, "ageMax", f.ageMax());
        String query = b.encode().build().getQuery();
        return query == null ? "" : query + "&";
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.queryParam(name, value);
        }
    }
}

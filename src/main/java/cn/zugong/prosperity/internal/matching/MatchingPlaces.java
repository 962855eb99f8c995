package cn.zugong.prosperity.internal.matching;

import cn.zugong.shared.OrgScope;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The division nodes a form offers as places: the caller's scope's counties, townships and villages (and the city). */
@Component
class MatchingPlaces {

    record Place(long id, String name, String kind, int depth) {
        /** The name indented by depth for a select list. */
        public String label() {
            return "\u3000".repeat(Math.max(0, depth - 1)) + name;
        }
    }

    private final JdbcClient jdbc;

    MatchingPlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Place> of(OrgScope scope, boolean withCity) {
        String kinds = withCity ? "('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')" : "('COUNTY', 'TOWNSHIP', 'VILLAGE')";
        return jdbc.sql("select id, name, kind, depth from org_node where path like :p and kind in " + kinds
                        + " order by path")
                .param("p", scope.pathPattern())
                .query((rs, n) -> new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }
}

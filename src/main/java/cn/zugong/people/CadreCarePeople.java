package cn.zugong.people;

import cn.zugong.shared.OrgScope;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the cadre care part (激励关爱, issue 19) needs of the roster: a person of the scope with the unit that places
 * their records (id, name, path), and a search by name. Nothing else of the person leaves (no ID number, no phone).
 */
@Component
public class CadreCarePeople {

    /** A person and the unit the care records of them belong to. */
    public record Subject(long id, String name, long unitId, String unitName, String unitPath) {
    }

    private static final String SELECT = "select p.id, p.name, n.id as unit_id, n.name as unit_name, n.path as unit_path "
            + "from person p join org_node n on n.id = p.unit_id ";

    private final JdbcClient jdbc;

    CadreCarePeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person when in the scope; empty otherwise (the caller answers 404). */
    public Optional<Subject> subject(long personId, OrgScope scope) {
        return jdbc.sql(SELECT + "where p.id = :id and n.path like :scopePath").param("id", personId)
                .param("scopePath", scope.pathPattern()).query(Subject.class).optional();
    }

    /** Up to {@code limit} people of the scope whose name contains {@code q}, by name. */
    public List<Subject> search(String q, OrgScope scope, int limit) {
        return jdbc.sql(SELECT + "where p.name like :q and n.path like :scopePath order by p.name, p.id limit :limit")
                .param("q", "%" + q.strip() + "%").param("scopePath", scope.pathPattern()).param("limit", limit)
                .query(Subject.class).list();
    }

    /** The first {@code limit} people of the scope by id (the demo picks its cadres from them). */
    public List<Subject> first(OrgScope scope, int limit) {
        return jdbc.sql(SELECT + "where n.path like :scopePath order by p.id limit :limit")
                .param("scopePath", scope.pathPattern()).param("limit", limit).query(Subject.class).list();
    }

    public List<Subject> subjects(Collection<Long> ids, OrgScope scope) {
        return ids.isEmpty() ? List.of() : jdbc.sql(SELECT + "where p.id in (:ids) and n.path like :scopePath")
                .param("ids", ids).param("scopePath", scope.pathPattern()).query(Subject.class).list();
    }
}

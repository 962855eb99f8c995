package cn.zugong.people;

import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The roster as the 一把手 / 离任交接 / 揭榜出征 part (issue 19, ADR 078) reads it: who holds a leading post now
 * (正职: the 一把手), and who held one and holds none now (from the roster's history, person_version), the cadres the
 * 揭榜出征 action calls back to the frontline. Nobody's ID number or phone leaves.
 */
@Service
public class LeadershipRoster {

    /** A person with the post held now (null when none) and the unit's place in the tree. */
    public record Leader(long id, String name, String postLevel, long unitId, String unitName, String unitPath) {
    }

    /** A cadre who left a leading post: the last one held and the day it ended. */
    public record FormerLeader(long id, String name, String lastPost, LocalDate leftOn, long unitId, String unitName,
                               String unitPath) {
        public String basis() {
            return "曾任" + lastPost + "，" + leftOn + "起不再担任领导职务";
        }
    }

    private static final String SELECT = "select p.id, p.name, p.post_level, u.id as unit_id, u.name as unit_name, "
            + "u.path as unit_path from person p join org_node u on u.id = p.unit_id";

    /**
     * The former leaders: in service, no post now, and a version of their history (as recorded now) with one. The
     * last post and the start of the first version after it without a post.
     */
    private static final String FORMER = """
            select p.id, p.name, u.id as unit_id, u.name as unit_name, u.path as unit_path,
                   (select max(v.post_level) from person_version v where v.person_id = p.id
                       and v.superseded_at = timestamp '9999-12-31 00:00:00' and v.post_level is not null
                       and v.valid_from = (select max(w.valid_from) from person_version w where w.person_id = p.id
                           and w.superseded_at = timestamp '9999-12-31 00:00:00' and w.post_level is not null))
                       as last_post,
                   (select max(v.valid_to) from person_version v where v.person_id = p.id
                       and v.superseded_at = timestamp '9999-12-31 00:00:00' and v.post_level is not null) as left_on
              from person p join org_node u on u.id = p.unit_id
             where p.post_level is null and p.service_status = '在职'
               and exists (select 1 from person_version v where v.person_id = p.id
                           and v.superseded_at = timestamp '9999-12-31 00:00:00' and v.post_level is not null)
            """;

    private final JdbcClient jdbc;

    LeadershipRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person of the scope with the post held now (absent outside the scope). */
    public Optional<Leader> person(long personId, OrgScope scope) {
        return jdbc.sql(SELECT + " where p.id = :id and u.path like :scopePath").param("id", personId)
                .param("scopePath", scope.pathPattern()).query(LeadershipRoster::leader).optional();
    }

    /** The 一把手 of the scope: people in service holding a 正职 post, optionally of one level (e.g. 县处级正职). */
    public List<Leader> heads(OrgScope scope, String level, int limit) {
        return jdbc.sql(SELECT + " where u.path like :scopePath and p.service_status = '在职' and p.post_level like :lvl"
                        + " order by p.post_level, u.path, p.name fetch first " + Math.max(1, limit) + " rows only")
                .param("scopePath", scope.pathPattern())
                .param("lvl", level == null || level.isBlank() ? "%正职" : level)
                .query(LeadershipRoster::leader).list();
    }

    /** People in service holding any leading post whose unit lies under the node path (a township's leaders). */
    public List<Leader> postHoldersUnder(String nodePath, int limit) {
        return jdbc.sql(SELECT + " where u.path like :p and p.service_status = '在职' and p.post_level is not null"
                        + " order by p.post_level, p.name fetch first " + Math.max(1, limit) + " rows only")
                .param("p", nodePath + "%").query(LeadershipRoster::leader).list();
    }

    /** The person if they left a leading post and hold none now (inside the scope); absent otherwise. */
    public Optional<FormerLeader> former(long personId, OrgScope scope) {
        return jdbc.sql(FORMER + " and p.id = :id and u.path like :scopePath").param("id", personId)
                .param("scopePath", scope.pathPattern()).query(LeadershipRoster::former).optional();
    }

    /** The former leaders of the scope, by name. */
    public List<FormerLeader> formers(OrgScope scope, int limit) {
        return jdbc.sql(FORMER + " and u.path like :scopePath order by p.name, p.id fetch first "
                        + Math.max(1, limit) + " rows only").param("scopePath", scope.pathPattern())
                .query(LeadershipRoster::former).list();
    }

    private static Leader leader(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Leader(rs.getLong("id"), rs.getString("name"), rs.getString("post_level"), rs.getLong("unit_id"),
                rs.getString("unit_name"), rs.getString("unit_path"));
    }

    private static FormerLeader former(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        java.sql.Date left = rs.getDate("left_on");
        return new FormerLeader(rs.getLong("id"), rs.getString("name"), rs.getString("last_post"),
                left == null ? null : left.toLocalDate(), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getString("unit_path"));
    }
}

package cn.zugong.org.internal;

import cn.zugong.org.Division;
import cn.zugong.org.NewPartyOrg;
import cn.zugong.org.NewUnit;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.PartyOrg;
import cn.zugong.org.PartySector;
import cn.zugong.org.UnitFacts;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.SqlLike;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrgRepository {

    private static final String SELECT = """
            select n.id, n.parent_id, n.kind, n.code, n.name, n.path, n.depth,
                   exists (select 1 from org_node c where c.parent_id = n.id) as has_children
            from org_node n
            """;
    private static final String KIND_ORDER =
            " order by case n.kind when 'UNIT' then 1 when 'PARTY_ORG' then 2 else 0 end, n.sort_order, n.code";
    private static final String INSERT_CHILD = """
            insert into org_node (parent_id, kind, code, name, path, depth, sort_order)
            select p.id, ?, ?, ?, p.path || ? || '/', p.depth + 1, ? from org_node p where p.code = ?
            """;
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    OrgRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<OrgNode> byId(long id) {
        return jdbc.sql(SELECT + " where n.id = :id").param("id", id).query(OrgRepository::node).optional();
    }

    public List<OrgNode> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where n.id in (:ids)").param("ids", ids).query(OrgRepository::node).list();
    }

    public Optional<OrgNode> byCode(String code) {
        return jdbc.sql(SELECT + " where n.code = :code").param("code", code).query(OrgRepository::node).optional();
    }

    public List<OrgNode> children(long id) {
        return jdbc.sql(SELECT + " where n.parent_id = :id" + KIND_ORDER).param("id", id)
                .query(OrgRepository::node).list();
    }

    public List<OrgNode> ancestors(OrgNode node) {
        List<String> codes = Arrays.stream(node.path().split("/")).filter(s -> !s.isEmpty())
                .filter(c -> !c.equals(node.code())).toList();
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where n.code in (:codes) order by n.depth").param("codes", codes)
                .query(OrgRepository::node).list();
    }

    public List<OrgNode> search(String query, OrgScope scope, int limit) {
        String escaped = SqlLike.escape(query);
        return jdbc.sql(SELECT + """
                         where n.path like :scopePath
                           and (n.name like :contains escape '\\' or n.code like :prefix escape '\\')
                         order by n.depth, n.code
                         limit :limit
                        """)
                .param("scopePath", scope.pathPattern())
                .param("contains", "%" + escaped + "%")
                .param("prefix", escaped + "%")
                .param("limit", limit)
                .query(OrgRepository::node).list();
    }

    public List<OrgNode> subtreeOfKind(OrgScope scope, NodeKind kind) {
        return jdbc.sql(SELECT + " where n.path like :scopePath and n.kind = :kind order by n.path")
                .param("scopePath", scope.pathPattern()).param("kind", kind.name())
                .query(OrgRepository::node).list();
    }

    public Map<String, OrgNode> nodesByCode(Collection<String> codes, NodeKind kind) {
        Map<String, OrgNode> result = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(codes);
        for (int i = 0; i < all.size(); i += BATCH) {
            jdbc.sql(SELECT + " where n.code in (:codes) and n.kind = :kind")
                    .param("codes", all.subList(i, Math.min(all.size(), i + BATCH)))
                    .param("kind", kind.name())
                    .query(OrgRepository::node).list()
                    .forEach(n -> result.put(n.code(), n));
        }
        return result;
    }

    public long countInSubtree(OrgScope scope, NodeKind kind) {
        return jdbc.sql("select count(*) from org_node where path like :scopePath and kind = :kind")
                .param("scopePath", scope.pathPattern()).param("kind", kind.name()).query(Long.class).single();
    }

    public long count() {
        return jdbc.sql("select count(*) from org_node").query(Long.class).single();
    }

    public Optional<UnitFacts> unitFacts(long unitId) {
        List<UnitFacts.PostQuota> quotas = jdbc.sql("""
                        select kind, level, quota from unit_post_quota where unit_id = :id order by kind, quota, level
                        """).param("id", unitId)
                .query((rs, i) -> new UnitFacts.PostQuota(UnitFacts.Kind.valueOf(rs.getString("kind")),
                        rs.getString("level"), rs.getInt("quota"))).list();
        return jdbc.sql("select unit_type, tier, authorized_headcount from unit where node_id = :id")
                .param("id", unitId)
                .query((rs, i) -> new UnitFacts(unitId, rs.getString("unit_type"), rs.getString("tier"),
                        rs.getInt("authorized_headcount"), quotas)).optional();
    }

    public Optional<String> partyOrgType(long nodeId) {
        return jdbc.sql("select org_type from party_org where node_id = :id").param("id", nodeId)
                .query(String.class).optional();
    }

    public void insertDivisions(List<Division> divisions) {
        List<Object[]> children = new ArrayList<>();
        for (Division d : divisions) {
            NodeKind kind = NodeKind.ofDivisionLevel(d.level());
            if (d.parentCode() == null) {
                template.update("""
                        insert into org_node (parent_id, kind, code, name, path, depth, sort_order)
                        values (null, ?, ?, ?, ?, 0, 0)
                        """, kind.name(), d.code(), d.name(), "/" + d.code() + "/");
            } else {
                children.add(new Object[] {kind.name(), d.code(), d.name(), d.code(), 0, d.parentCode()});
            }
        }
        batch(INSERT_CHILD, children);
    }

    public void insertUnits(List<NewUnit> units) {
        batch(INSERT_CHILD, units.stream().map(u -> new Object[] {NodeKind.UNIT.name(), u.code(), u.name(), u.code(),
                u.sortOrder(), u.parentCode()}).toList());
        batch("insert into unit (node_id, unit_type, tier, authorized_headcount) select id, ?, ?, ? from org_node where code = ?",
                units.stream().map(u -> new Object[] {u.unitType(), u.tier(), u.authorizedHeadcount(), u.code()}).toList());
        batch("insert into unit_post_quota (unit_id, kind, level, quota) select id, ?, ?, ? from org_node where code = ?",
                units.stream().flatMap(u -> u.quotas().stream()
                        .map(q -> new Object[] {q.kind().name(), q.level(), q.quota(), u.code()})).toList());
    }

    public void insertPartyOrgs(List<NewPartyOrg> orgs) {
        batch(INSERT_CHILD, orgs.stream().map(o -> new Object[] {NodeKind.PARTY_ORG.name(), o.code(), o.name(),
                o.code(), o.sortOrder(), o.parentCode()}).toList());
        batch("""
                insert into party_org (node_id, org_type, sector)
                select n.id, ?, coalesce(?, case p.kind when 'TOWNSHIP' then 'TOWNSHIP'
                        when 'VILLAGE' then (case when p.name like '%社区%' then 'COMMUNITY' else 'VILLAGE' end)
                        else 'ORGAN' end)
                from org_node n join org_node p on p.id = n.parent_id where n.code = ?
                """, orgs.stream().map(o -> new Object[] {o.orgType(),
                        o.sector() == null ? null : o.sector().name(), o.code()}).toList());
    }

    /** The party organisations of the given sectors inside a scope, in tree order. */
    public List<PartyOrg> partyOrgs(OrgScope scope, Collection<PartySector> sectors) {
        if (sectors.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select n.id, n.parent_id, n.kind, n.code, n.name, n.path, n.depth,
                       exists (select 1 from org_node c where c.parent_id = n.id) as has_children,
                       o.org_type, o.sector
                from org_node n join party_org o on o.node_id = n.id
                where n.path like :scopePath and o.sector in (:sectors)
                order by n.path
                """).param("scopePath", scope.pathPattern())
                .param("sectors", sectors.stream().map(Enum::name).toList())
                .query((rs, row) -> new PartyOrg(node(rs, row), rs.getString("org_type"),
                        PartySector.valueOf(rs.getString("sector")))).list();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }

    static OrgNode node(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        return new OrgNode(rs.getLong("id"), rs.wasNull() ? null : parent, NodeKind.valueOf(rs.getString("kind")),
                rs.getString("code"), rs.getString("name"), rs.getString("path"), rs.getInt("depth"),
                rs.getBoolean("has_children"));
    }
}

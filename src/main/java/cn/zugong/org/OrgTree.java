package cn.zugong.org;

import cn.zugong.org.internal.OrgRepository;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Read access to the organisation tree; everything scoped answers "not found" outside the scope. */
@Service
public class OrgTree {

    private final OrgRepository repository;

    OrgTree(OrgRepository repository) {
        this.repository = repository;
    }

    public Optional<OrgNode> byId(long id) {
        return repository.byId(id);
    }

    /** Nodes by id, whatever the scope, in one query (callers have ids from scoped results). */
    public Map<Long, OrgNode> byIds(Collection<Long> ids) {
        Map<Long, OrgNode> nodes = new java.util.HashMap<>();
        repository.byIds(ids).forEach(n -> nodes.put(n.id(), n));
        return nodes;
    }

    public Optional<OrgNode> byCode(String code) {
        return repository.byCode(code);
    }

    public OrgNode get(long id, OrgScope scope) {
        return repository.byId(id).filter(n -> scope.contains(n.path()))
                .orElseThrow(() -> new NotFoundException("组织节点不存在或不在您的管理范围内：" + id));
    }

    public List<OrgNode> children(long id, OrgScope scope) {
        return repository.children(get(id, scope).id());
    }

    /** Ancestors of the node that lie inside the scope, root first (for breadcrumbs). */
    public List<OrgNode> ancestors(OrgNode node, OrgScope scope) {
        return repository.ancestors(node).stream().filter(n -> scope.contains(n.path())).toList();
    }

    public List<OrgNode> search(String query, OrgScope scope, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return repository.search(query.strip(), scope, limit);
    }

    public List<OrgNode> units(OrgScope scope) {
        return repository.subtreeOfKind(scope, NodeKind.UNIT);
    }

    public List<OrgNode> partyBranches(OrgScope scope) {
        return repository.subtreeOfKind(scope, NodeKind.PARTY_ORG);
    }

    /** The party organisations of the given sectors in a scope (what a rating scheme applies to). */
    public List<PartyOrg> partyOrgs(OrgScope scope, Collection<PartySector> sectors) {
        return repository.partyOrgs(scope, sectors);
    }

    /** Party organisation ids by code, for batch writers. */
    public Map<String, Long> partyBranchesByCode(Collection<String> codes) {
        Map<String, Long> ids = new java.util.HashMap<>();
        repository.nodesByCode(codes, NodeKind.PARTY_ORG).forEach((code, node) -> ids.put(code, node.id()));
        return ids;
    }

    /** Units by code, whatever the scope: callers (imports) check scope themselves and say which row is wrong. */
    public Map<String, OrgNode> unitsByCode(Collection<String> codes) {
        return repository.nodesByCode(codes, NodeKind.UNIT);
    }

    public Optional<UnitFacts> unitFacts(long unitId) {
        return repository.unitFacts(unitId);
    }

    public Optional<String> partyOrgType(long nodeId) {
        return repository.partyOrgType(nodeId);
    }

    public long countInSubtree(OrgNode node, NodeKind kind) {
        return repository.countInSubtree(node.asScope(), kind);
    }

    public OrgScope scopeOf(long nodeId) {
        return repository.byId(nodeId).map(OrgNode::asScope)
                .orElseThrow(() -> new NotFoundException("组织节点不存在：" + nodeId));
    }
}

package cn.zugong.org;

import cn.zugong.shared.OrgScope;

/** A node of the organisation tree; {@code path} is the materialised path of codes, e.g. /33/3309/330902/. */
public record OrgNode(long id, Long parentId, NodeKind kind, String code, String name, String path, int depth,
                      boolean hasChildren) {

    public OrgScope asScope() {
        return new OrgScope(id, path);
    }

    public boolean isUnit() {
        return kind == NodeKind.UNIT;
    }

    public boolean isPartyOrg() {
        return kind == NodeKind.PARTY_ORG;
    }
}

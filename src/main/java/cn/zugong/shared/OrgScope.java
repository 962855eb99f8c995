package cn.zugong.shared;

import java.io.Serializable;

/**
 * "This node and everything under it". Every scoped query goes through {@link #sqlContains(String)},
 * which is one indexed predicate on the materialised path of the organisation tree.
 */
public record OrgScope(long nodeId, String path) implements Serializable {

    public OrgScope {
        if (path == null || !path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("bad org path: " + path);
        }
    }

    /** Bind as named parameter {@code scopePath}. */
    public String pathPattern() {
        return path + "%";
    }

    public boolean contains(String otherPath) {
        return otherPath != null && otherPath.startsWith(path);
    }

    /**
     * SQL predicate: the org node id in {@code nodeIdColumn} lies inside this scope.
     * The caller binds {@link #pathPattern()} as {@code :scopePath}.
     */
    public static String sqlContains(String nodeIdColumn) {
        return nodeIdColumn + " in (select s.id from org_node s where s.path like :scopePath)";
    }
}

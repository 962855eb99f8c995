package cn.zugong;

import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Org nodes and office accounts of a figure source test's own (issue 20): a township under a demo county with units
 * under it, so the figures counted there are the test's alone. Codes carry a per-run tag: the tests may run again
 * on the same PostgreSQL database.
 */
public final class FigureNodes {

    public static final String RUN = Long.toString(System.nanoTime() % 2_000_000_000L, 36);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;
    private final Accounts accounts;

    public FigureNodes(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** A new node of the kind under the parent node. */
    public OrgScope node(long parentId, String kind, String name) {
        var parent = jdbc.sql("select code, path, depth from org_node where id = :p").param("p", parentId).query()
                .singleRow();
        // a child's code starts with its parent's, as every node's of the tree (the scope queries rely on it)
        String code = parent.get("code") + "FG" + RUN + "x" + SEQ.incrementAndGet();
        String path = parent.get("path") + code + "/";
        jdbc.sql("insert into org_node (parent_id, kind, code, name, path, depth, sort_order) "
                        + "values (:p, :k, :c, :n, :path, :d, 999)").param("p", parentId).param("k", kind)
                .param("c", code).param("n", name + SEQ.get()).param("path", path)
                .param("d", ((Number) parent.get("depth")).intValue() + 1).update();
        long id = jdbc.sql("select id from org_node where code = :c").param("c", code).query(Long.class).single();
        return new OrgScope(id, path);
    }

    /** A new node under the demo node with this code. */
    public OrgScope node(String parentCode, String kind, String name) {
        return node(nodeId(parentCode), kind, name);
    }

    public long nodeId(String code) {
        return jdbc.sql("select id from org_node where code = :c").param("c", code).query(Long.class).single();
    }

    /** An account of the role scoped to the node (password {@link IntegrationTest#PASSWORD}). */
    public String account(Role role, long scopeNodeId) {
        String username = "fg" + RUN + "x" + SEQ.incrementAndGet();
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "这一年测试", role, scopeNodeId));
        return username;
    }
}

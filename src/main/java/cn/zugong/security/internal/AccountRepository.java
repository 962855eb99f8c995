package cn.zugong.security.internal;

import cn.zugong.security.NewAccount;
import cn.zugong.shared.Role;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    public record Account(long id, String username, String passwordHash, String displayName, Role role,
                          long scopeNodeId, boolean enabled) {
    }

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("""
                        select id, username, password_hash, display_name, role, scope_node_id, enabled
                        from account where username = :username
                        """).param("username", username)
                .query((rs, i) -> new Account(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getLong("scope_node_id"), rs.getBoolean("enabled")))
                .optional();
    }

    public long insert(NewAccount account, String passwordHash) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into account (username, password_hash, display_name, role, scope_node_id)
                        values (:username, :hash, :displayName, :role, :scope)
                        """)
                .param("username", account.username()).param("hash", passwordHash)
                .param("displayName", account.displayName()).param("role", account.role().name())
                .param("scope", account.scopeNodeId())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }
}

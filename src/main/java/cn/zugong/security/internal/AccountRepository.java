package cn.zugong.security.internal;

import cn.zugong.security.NewAccount;
import cn.zugong.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    /** An account; {@code role} and {@code scopeNodeId} are null until the security administrator grants them. */
    public record Account(long id, String username, String passwordHash, String displayName, Role role,
                          Long scopeNodeId, boolean enabled, int failedAttempts, LocalDateTime lockedUntil,
                          boolean mustChangePassword, LocalDateTime lastLoginAt, String createdBy,
                          LocalDateTime createdAt) {

        public boolean granted() {
            return role != null;
        }

        public boolean lockedAt(LocalDateTime now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private static final String COLUMNS = """
            id, username, password_hash, display_name, role, scope_node_id, enabled, failed_attempts, locked_until,
            must_change_password, last_login_at, created_by, created_at""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from account where username = :username")
                .param("username", username).query(AccountRepository::account).optional();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = :id").param("id", id)
                .query(AccountRepository::account).optional();
    }

    List<Account> all() {
        return jdbc.sql("select " + COLUMNS + " from account order by id").query(AccountRepository::account).list();
    }

    public long insert(NewAccount account, String passwordHash, boolean mustChangePassword, String createdBy,
                       LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into account (username, password_hash, display_name, role, scope_node_id,
                                             must_change_password, password_changed_at, created_by, created_at)
                        values (:username, :hash, :displayName, :role, :scope, :mustChange, :now, :createdBy, :now)
                        """)
                .param("username", account.username()).param("hash", passwordHash)
                .param("displayName", account.displayName())
                .param("role", account.role() == null ? null : account.role().name())
                .param("scope", account.scopeNodeId()).param("mustChange", mustChangePassword)
                .param("now", Timestamp.valueOf(now)).param("createdBy", createdBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    /** One more failed password; the account locks when it reaches {@code maxAttempts}. Returns true if it locked now. */
    boolean recordFailure(String username, int maxAttempts, LocalDateTime lockUntil) {
        int locked = jdbc.sql("""
                        update account set failed_attempts = 0, locked_until = :until
                        where username = :username and failed_attempts + 1 >= :max
                        """)
                .param("username", username).param("max", maxAttempts).param("until", Timestamp.valueOf(lockUntil))
                .update();
        if (locked == 0) {
            jdbc.sql("update account set failed_attempts = failed_attempts + 1 where username = :username")
                    .param("username", username).update();
        }
        return locked > 0;
    }

    void recordSuccess(String username, LocalDateTime now) {
        jdbc.sql("""
                        update account set failed_attempts = 0, locked_until = null, last_login_at = :now
                        where username = :username
                        """)
                .param("username", username).param("now", Timestamp.valueOf(now)).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update account set enabled = :enabled where id = :id").param("enabled", enabled).param("id", id)
                .update();
    }

    void unlock(long id) {
        jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = :id").param("id", id).update();
    }

    /** Replaces the password, keeping the old hash in the history (the newest {@code keep} are kept). */
    void changePassword(long id, String oldHash, String newHash, boolean mustChange, LocalDateTime now, int keep) {
        jdbc.sql("insert into password_history (account_id, password_hash, changed_at) values (:id, :hash, :now)")
                .param("id", id).param("hash", oldHash).param("now", Timestamp.valueOf(now)).update();
        jdbc.sql("""
                        delete from password_history where account_id = :id and id not in (
                            select id from (select id from password_history where account_id = :id
                                            order by id desc fetch first :keep rows only) newest)
                        """)
                .param("id", id).param("keep", keep).update();
        jdbc.sql("""
                        update account set password_hash = :hash, must_change_password = :mustChange,
                                           password_changed_at = :now
                        where id = :id
                        """)
                .param("id", id).param("hash", newHash).param("mustChange", mustChange)
                .param("now", Timestamp.valueOf(now)).update();
        revokeTokens(id, now);
    }

    /**
     * Every API token of the account issued up to {@code now} is refused from now on (ADR 048): a new password,
     * a lock, a disabled account or a changed grant must not leave a token of the old state alive.
     */
    void revokeTokens(long id, LocalDateTime now) {
        jdbc.sql("update account set tokens_valid_after = :now where id = :id")
                .param("now", Timestamp.valueOf(now)).param("id", id).update();
        jdbc.sql("""
                        update api_token set revoked_at = :now, revoked_by = 'system'
                        where account_id = :id and revoked_at is null and expires_at > :now""")
                .param("now", Timestamp.valueOf(now)).param("id", id).update();
    }

    List<String> passwordHistory(long id) {
        return jdbc.sql("select password_hash from password_history where account_id = :id order by id desc")
                .param("id", id).query(String.class).list();
    }

    void grant(long id, Role role, Long scopeNodeId) {
        jdbc.sql("update account set role = :role, scope_node_id = :scope where id = :id")
                .param("role", role == null ? null : role.name()).param("scope", scopeNodeId).param("id", id)
                .update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("role");
        long scopeId = rs.getLong("scope_node_id");
        Long scope = rs.wasNull() ? null : scopeId;
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), role == null ? null : Role.valueOf(role), scope,
                rs.getBoolean("enabled"), rs.getInt("failed_attempts"), time(rs, "locked_until"),
                rs.getBoolean("must_change_password"), time(rs, "last_login_at"), rs.getString("created_by"),
                time(rs, "created_at"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}

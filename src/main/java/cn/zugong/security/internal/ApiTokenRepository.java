package cn.zugong.security.internal;

import cn.zugong.shared.Role;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The issued API tokens' ids (table api_token, V59) and the per-account cut-off {@code tokens_valid_after}. */
@Repository
class ApiTokenRepository {

    /** What a call with a token needs to know about it and its account: one primary-key join. */
    record TokenState(long accountId, LocalDateTime issuedAt, LocalDateTime revokedAt, boolean enabled,
                      LocalDateTime lockedUntil, LocalDateTime tokensValidAfter, Role role, Long scopeNodeId,
                      boolean mustChangePassword) {

        /** Why a token of this state is refused now, or null when it is good. */
        String refusal(LocalDateTime now) {
            if (revokedAt != null || (tokensValidAfter != null && issuedAt.isBefore(tokensValidAfter))) {
                return "令牌已撤销";
            }
            if (!enabled) {
                return "账户已停用";
            }
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return "账户已锁定";
            }
            if (role == null || mustChangePassword) {
                return "令牌已撤销";
            }
            return null;
        }
    }

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String jti, long accountId, LocalDateTime issuedAt, LocalDateTime expiresAt) {
        jdbc.sql("""
                        insert into api_token (jti, account_id, issued_at, expires_at)
                        values (:jti, :account, :issued, :expires)""")
                .param("jti", jti).param("account", accountId).param("issued", Timestamp.valueOf(issuedAt))
                .param("expires", Timestamp.valueOf(expiresAt)).update();
    }

    Optional<TokenState> state(String jti) {
        return jdbc.sql("""
                        select t.account_id, t.issued_at, t.revoked_at, a.enabled, a.locked_until, a.tokens_valid_after,
                               a.role, a.scope_node_id, a.must_change_password
                        from api_token t join account a on a.id = t.account_id
                        where t.jti = :jti""")
                .param("jti", jti)
                .query((rs, row) -> {
                    String role = rs.getString("role");
                    long scope = rs.getLong("scope_node_id");
                    Long scopeId = rs.wasNull() ? null : scope;
                    return new TokenState(rs.getLong("account_id"), time(rs.getTimestamp("issued_at")),
                            time(rs.getTimestamp("revoked_at")), rs.getBoolean("enabled"),
                            time(rs.getTimestamp("locked_until")), time(rs.getTimestamp("tokens_valid_after")),
                            role == null ? null : Role.valueOf(role), scopeId, rs.getBoolean("must_change_password"));
                })
                .optional();
    }

    /** Whether the token exists and is the account's (revoked or not). */
    boolean owns(long accountId, String jti) {
        return jdbc.sql("select count(*) from api_token where jti = :jti and account_id = :account")
                .param("jti", jti).param("account", accountId).query(Long.class).single() > 0;
    }

    /** Revokes one token of the account; false when it was revoked already. */
    boolean revoke(long accountId, String jti, String by, LocalDateTime now) {
        return jdbc.sql("""
                        update api_token set revoked_at = :now, revoked_by = :by
                        where jti = :jti and account_id = :account and revoked_at is null""")
                .param("now", Timestamp.valueOf(now)).param("by", by).param("jti", jti).param("account", accountId)
                .update() > 0;
    }

    /**
     * Every token of the account issued up to now dies: the cut-off refuses them even if a row were missing,
     * and the rows say so for whoever reads the table. Answers how many unexpired tokens were revoked.
     */
    int revokeAll(long accountId, String by, LocalDateTime now) {
        jdbc.sql("update account set tokens_valid_after = :now where id = :account")
                .param("now", Timestamp.valueOf(now)).param("account", accountId).update();
        return jdbc.sql("""
                        update api_token set revoked_at = :now, revoked_by = :by
                        where account_id = :account and revoked_at is null and expires_at > :now""")
                .param("now", Timestamp.valueOf(now)).param("by", by).param("account", accountId).update();
    }

    /** Rows of tokens expired for more than a day: their signature's expiry refuses them already. */
    int purgeExpired(LocalDateTime now) {
        return jdbc.sql("delete from api_token where expires_at < :before")
                .param("before", Timestamp.valueOf(now.minusDays(1))).update();
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}

package cn.zugong.security.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens (ADR 048): a signed JWT issued once the account's password was checked, carrying the account's role
 * and scope, so a call with it costs a signature check and one primary-key query instead of a BCrypt. The query
 * refuses revoked tokens and accounts disabled, locked, re-granted or given a new password since.
 */
@Service
class ApiTokens {

    static final String ISSUER = "zugong";
    static final String ROLE = "role";
    static final String ACCOUNT = "account_id";
    static final String NAME = "name";
    static final String SCOPE_ID = "scope_node_id";
    static final String SCOPE_PATH = "scope_path";
    static final String SCOPE_NAME = "scope_name";

    /** What the client gets: the token, its id and when it expires. */
    record Issued(String token, String jti, Instant expiresAt, long expiresIn) {
    }

    private final ApiTokenKeys keys;
    private final ApiTokenSettings settings;
    private final ApiTokenRepository tokens;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(ApiTokenKeys keys, ApiTokenSettings settings, ApiTokenRepository tokens, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Issued issue(CurrentUser user, String client) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.ttl());
        String jti = UUID.randomUUID().toString();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER).subject(user.username()).id(jti).issuedAt(now).expiresAt(expires)
                .claim(ACCOUNT, user.accountId()).claim(NAME, user.displayName()).claim(ROLE, user.role().name())
                .claim(SCOPE_ID, user.scope().nodeId()).claim(SCOPE_PATH, user.scope().path())
                .claim(SCOPE_NAME, user.scopeName())
                .build();
        String token = keys.encoder().encode(JwtEncoderParameters.from(JwsHeader.with(keys.algorithm()).build(), claims))
                .getTokenValue();
        LocalDateTime local = LocalDateTime.ofInstant(now, clock.getZone());
        tokens.purgeExpired(local);
        tokens.insert(jti, user.accountId(), local, LocalDateTime.ofInstant(expires, clock.getZone()));
        audit.record(new AuditEvent(AuditAction.TOKEN_ISSUE, "api_token", jti, "签发接口令牌，有效期 "
                + settings.ttl().toMinutes() + " 分钟，来源 " + client, null, null, user.username()));
        return new Issued(token, jti, expires, settings.ttl().toSeconds());
    }

    /**
     * The principal of a call with a token whose signature and expiry have been checked: the claims are trusted
     * for the token's short life, the one query makes sure it is still good and still the account's grant.
     */
    AccountPrincipal principal(Jwt jwt) {
        String jti = jwt.getId();
        var state = jti == null ? null : tokens.state(jti).orElse(null);
        if (state == null) {
            throw new InvalidBearerTokenException("令牌无效");
        }
        String refusal = state.refusal(LocalDateTime.now(clock));
        Number accountId = jwt.getClaim(ACCOUNT);
        Number scopeId = jwt.getClaim(SCOPE_ID);
        if (refusal == null && (accountId == null || accountId.longValue() != state.accountId()
                || !Objects.equals(state.role().name(), jwt.getClaimAsString(ROLE))
                || scopeId == null || !Objects.equals(state.scopeNodeId(), scopeId.longValue()))) {
            refusal = "令牌已撤销"; // the grant changed since: the cut-off should have caught it
        }
        if (refusal != null) {
            throw new InvalidBearerTokenException(refusal);
        }
        CurrentUser user = new CurrentUser(state.accountId(), jwt.getSubject(), jwt.getClaimAsString(NAME),
                Role.valueOf(jwt.getClaimAsString(ROLE)),
                new OrgScope(scopeId.longValue(), jwt.getClaimAsString(SCOPE_PATH)), jwt.getClaimAsString(SCOPE_NAME));
        return new AccountPrincipal(user.username(), user, null, true, false, false);
    }

    /** Revokes one of the caller's own tokens; another account's token answers 404 like one that never was. */
    @Transactional
    void revoke(CurrentUser user, String jti) {
        if (!tokens.owns(user.accountId(), jti)) {
            throw new NotFoundException("令牌不存在：" + jti);
        }
        if (tokens.revoke(user.accountId(), jti, user.username(), LocalDateTime.now(clock))) {
            audit.record(new AuditEvent(AuditAction.TOKEN_REVOKE, "api_token", jti, "撤销接口令牌", null, null,
                    user.username()));
        }
    }

    /** Revokes every token of the caller's account. */
    @Transactional
    int revokeAll(CurrentUser user) {
        int revoked = tokens.revokeAll(user.accountId(), user.username(), LocalDateTime.now(clock));
        audit.record(new AuditEvent(AuditAction.TOKEN_REVOKE, "account", String.valueOf(user.accountId()),
                "撤销本账号的全部接口令牌（" + revoked + " 个未过期）", null, null, user.username()));
        return revoked;
    }
}

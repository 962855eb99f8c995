package cn.zugong.security.internal;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** A call authenticated by an API token: the account's principal, as after a password, plus the token. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final AccountPrincipal principal;
    private final Jwt token;

    ApiTokenAuthentication(AccountPrincipal principal, Jwt token) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }
}

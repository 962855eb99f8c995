package cn.zugong.security.internal;

import cn.zugong.shared.CurrentUser;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security principal: carries the kernel's {@link CurrentUser} (role + org scope), or null while the
 * account awaits its grant (such an account cannot sign in, see {@link AccountChecks}). It is stored, serialised,
 * in the session table (Spring Session JDBC, ADR 045), so every field is serializable. A release that changes
 * the fields raises serialVersionUID and empties the session table (everybody signs in again, ADR 045).
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer, CurrentUser.Holder {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final CurrentUser user;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private String passwordHash;

    AccountPrincipal(String username, CurrentUser user, String passwordHash, boolean enabled, boolean locked,
                     boolean mustChangePassword) {
        this.username = username;
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    boolean granted() {
        return user != null;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}

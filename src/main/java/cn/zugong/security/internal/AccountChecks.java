package cn.zugong.security.internal;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;

/**
 * A locked account is refused after its password is checked, with the answer of a wrong password: a brute
 * force learns nothing while the lock lasts (a right guess looks like a wrong one), and neither the message
 * nor the time taken (one hash comparison, as for an unknown name) tells an existing account from an unknown
 * one (issue 12). Whether an account is disabled or awaits its grant is told only to someone who knows the
 * password, so the login form does not reveal which accounts exist.
 */
final class AccountChecks {

    private AccountChecks() {
    }

    static UserDetailsChecker beforePassword() {
        return user -> {
        };
    }

    static UserDetailsChecker afterPassword() {
        return user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("账户已锁定");
            }
            if (!user.isEnabled()) {
                throw new DisabledException("账户已停用");
            }
            if (user instanceof AccountPrincipal principal && !principal.granted()) {
                throw new AwaitingGrantException();
            }
        };
    }

    /** Created by the system administrator, not yet granted a role by the security administrator. */
    static final class AwaitingGrantException extends DisabledException {
        AwaitingGrantException() {
            super("账号尚未授权");
        }
    }
}

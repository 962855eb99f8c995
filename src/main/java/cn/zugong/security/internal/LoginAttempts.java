package cn.zugong.security.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Counts wrong passwords per account (lock-out) and per client address (throttle); a success resets the count. */
@Component
class LoginAttempts {

    private final AccountRepository accounts;
    private final ClientThrottle throttle;
    private final SecuritySettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    LoginAttempts(AccountRepository accounts, ClientThrottle throttle, SecuritySettings settings, AuditTrail audit,
                  Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(AbstractAuthenticationFailureEvent event) {
        if (!(event.getException() instanceof BadCredentialsException)) {
            return;
        }
        Authentication attempt = event.getAuthentication();
        throttle.failed(client(attempt));
        String username = attempt.getName();
        if (username == null || username.isBlank()) {
            return;
        }
        LocalDateTime until = LocalDateTime.now(clock).plus(settings.lockDuration());
        if (accounts.recordFailure(username, settings.maxFailedAttempts(), until)) {
            accounts.findByUsername(username).ifPresent(a -> accounts.revokeTokens(a.id(), LocalDateTime.now(clock)));
            audit.record(new AuditEvent(AuditAction.LOCK, "account", username,
                    "连续 " + settings.maxFailedAttempts() + " 次密码错误，锁定至 " + until.withNano(0), null, null,
                    username));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(AuthenticationSuccessEvent event) {
        accounts.recordSuccess(event.getAuthentication().getName(), LocalDateTime.now(clock));
    }

    private static String client(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}

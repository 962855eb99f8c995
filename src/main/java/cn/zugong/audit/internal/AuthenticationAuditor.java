package cn.zugong.audit.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.shared.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Logins (success and failure, form and HTTP Basic) and logouts, from Spring Security's events: the
 * authentication manager publishes them through Spring Boot's {@code DefaultAuthenticationEventPublisher},
 * the logout filter through its event-publishing handler ({@link AuthenticationEvents} makes sure no
 * failure goes unpublished). The API is stateless, so every /api request authenticates; recording each
 * of them as a login filled the trail (issue 12: 1,886 of 2,476 entries). An HTTP Basic success is recorded
 * once per account and client address within {@link #BASIC_LOGIN_WINDOW}; form logins, logouts and every
 * failure are always recorded. The window is per instance (kept in memory), like the client throttle.
 */
@Component
class AuthenticationAuditor {

    static final Duration BASIC_LOGIN_WINDOW = Duration.ofMinutes(30);
    private static final int MAX_TRACKED = 100_000;

    private static final String BASIC = "HTTP Basic";

    private final AuditWriter writer;
    private final Clock clock;
    private final Map<String, Instant> basicLogins = new ConcurrentHashMap<>();

    AuthenticationAuditor(AuditWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @EventListener
    void success(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        if (BASIC.equals(channel()) && !firstBasicLoginInWindow(auth.getName())) {
            return;
        }
        writer.append(new AuditEvent(AuditAction.LOGIN_SUCCESS, "account", auth.getName(), channel(), null, null,
                auth.getName()), role(auth));
    }

    @EventListener
    void failure(AbstractAuthenticationFailureEvent event) {
        String tried = event.getAuthentication().getName();
        String username = tried == null || tried.isBlank() ? "(空)" : tried;
        writer.append(new AuditEvent(AuditAction.LOGIN_FAILURE, "account", username,
                channel() + "：" + reason(event.getException()), null, null, username), null);
    }

    @EventListener
    void logout(LogoutSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        writer.append(new AuditEvent(AuditAction.LOGOUT, "account", auth.getName(), null, null, null, auth.getName()),
                role(auth));
    }

    /** True for the first Basic success of this account from this address within the window. */
    private boolean firstBasicLoginInWindow(String username) {
        Instant now = clock.instant();
        if (basicLogins.size() > MAX_TRACKED) {
            basicLogins.values().removeIf(at -> at.plus(BASIC_LOGIN_WINDOW).isBefore(now));
        }
        String key = username + "|" + clientAddress();
        boolean[] first = {false};
        basicLogins.compute(key, (k, at) -> {
            if (at == null || !now.isBefore(at.plus(BASIC_LOGIN_WINDOW)) || now.isBefore(at)) {
                first[0] = true;
                return now;
            }
            return at;
        });
        return first[0];
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }

    private static String role(Authentication auth) {
        return auth.getPrincipal() instanceof CurrentUser.Holder holder ? holder.currentUser().role().name() : null;
    }

    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String uri = attributes.getRequest().getRequestURI();
            return uri.startsWith(attributes.getRequest().getContextPath() + "/api/") ? BASIC : "表单登录";
        }
        return null;
    }

    private static String reason(Exception e) {
        if (e instanceof BadCredentialsException) {
            return "用户名或密码错误";
        }
        if (e instanceof LockedException) {
            return "账户已锁定";
        }
        if (e instanceof DisabledException) {
            return "账户已停用";
        }
        if (e instanceof AccountExpiredException) {
            return "账户已过期";
        }
        if (e instanceof CredentialsExpiredException) {
            return "密码已过期";
        }
        if (e instanceof AuthenticationServiceException) {
            return "认证服务异常";
        }
        return e.getClass().getSimpleName();
    }
}

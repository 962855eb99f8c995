package cn.zugong.audit.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.shared.CurrentUser;
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
 * failure goes unpublished). The API is stateless, so every /api request
 * authenticates and is recorded as a login ("HTTP Basic").
 */
@Component
class AuthenticationAuditor {

    private final AuditWriter writer;

    AuthenticationAuditor(AuditWriter writer) {
        this.writer = writer;
    }

    @EventListener
    void success(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
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

    private static String role(Authentication auth) {
        return auth.getPrincipal() instanceof CurrentUser.Holder holder ? holder.currentUser().role().name() : null;
    }

    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String uri = attributes.getRequest().getRequestURI();
            return uri.startsWith(attributes.getRequest().getContextPath() + "/api/") ? "HTTP Basic" : "表单登录";
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

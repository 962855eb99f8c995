package cn.zugong.security.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A refused API token: 401 with a Chinese message and RFC 6750's {@code WWW-Authenticate}, an audit entry like a
 * failed password, and a failure of the client address, so that guessing or forging tokens meets the same
 * throttle as guessing passwords. Expired and revoked tokens count too: a client that keeps sending them is
 * broken or stolen, and twenty within the window is far beyond what a script refreshing its token sends.
 */
final class TokenFailures implements AuthenticationEntryPoint {

    private final ClientThrottle throttle;
    private final AuditTrail audit;

    TokenFailures(ClientThrottle throttle, AuditTrail audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = reason(e);
        throttle.failed(request.getRemoteAddr());
        audit.record(new AuditEvent(AuditAction.LOGIN_FAILURE, "client", request.getRemoteAddr(),
                "API 令牌：" + reason, null, null, "(令牌)"));
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        SecurityConfig.json(response, HttpServletResponse.SC_UNAUTHORIZED, reason + "，请重新申请令牌");
    }

    /** Our own refusals name their reason; the decoder's (signature, format, expiry) are told apart coarsely. */
    private static String reason(AuthenticationException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof InvalidBearerTokenException && message.matches("[\\u4e00-\\u9fa5]+")) {
            return message;
        }
        if (message.contains("expired")) {
            return "令牌已过期";
        }
        return "令牌无效";
    }
}

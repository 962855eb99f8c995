package cn.zugong.security.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses login attempts (form posts to /login, requests carrying HTTP Basic credentials) from a client
 * address that has failed too often: 429 with a JSON message on the API, back to the login page otherwise.
 * Not a bean, so that it runs only inside the security chains it is added to.
 */
final class ClientThrottleFilter extends OncePerRequestFilter {

    private final ClientThrottle throttle;
    private final AuditTrail audit;

    ClientThrottleFilter(ClientThrottle throttle, AuditTrail audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoginAttempt(request) || !throttle.blocked(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        audit.record(new AuditEvent(AuditAction.LOGIN_FAILURE, "client", request.getRemoteAddr(),
                "来源地址失败次数过多，登录请求已被限流", null, null, "(限流)"));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(429);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":429,\"error\":\"登录失败次数过多，请稍后再试\"}");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?throttled");
        }
    }

    private static boolean isLoginAttempt(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        boolean form = "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login");
        return basic || form;
    }
}

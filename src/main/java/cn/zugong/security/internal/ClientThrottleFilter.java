package cn.zugong.security.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses login attempts from a client address that has failed too often: 429 with a JSON message on the
 * API, back to the login page otherwise. A login attempt is a form post to /login or any request that
 * carries an Authorization header at all, whatever its scheme and spelling: Spring's Basic converter
 * accepts "Basic\t…" and "Basic:…", so matching one spelling here let those through (issue 12, hole 6).
 * On the API, an Authorization header that is not exactly one well-formed {@code Basic <base64 of
 * user:password>} or {@code Bearer <token>} (RFC 6750, an API token: ADR 048) is refused with 401 before
 * authentication and counts as a failure of the client; a token request ({@code POST /api/tokens}, also with
 * form fields) is a login attempt too.
 * Not a bean, so that it runs only inside the security chains it is added to.
 */
final class ClientThrottleFilter extends OncePerRequestFilter {

    /** RFC 7617: the scheme (case-insensitive, RFC 9110 §11.1), one space, a base64 token (RFC 4648, padded). */
    private static final Pattern BASIC = Pattern.compile("(?i:basic) (?:[A-Za-z0-9+/]{4})*"
            + "(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    /** RFC 6750 §2.1: the scheme, one space, a b64token. */
    private static final Pattern BEARER = Pattern.compile("(?i:bearer) [A-Za-z0-9\\-._~+/]+=*");

    private final ClientThrottle throttle;
    private final AuditTrail audit;
    private final boolean basicOnly;

    /** {@code basicOnly}: the API chain, which takes HTTP Basic or an API token and refuses any other Authorization. */
    ClientThrottleFilter(ClientThrottle throttle, AuditTrail audit, boolean basicOnly) {
        this.throttle = throttle;
        this.audit = audit;
        this.basicOnly = basicOnly;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoginAttempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (throttle.blocked(request.getRemoteAddr())) {
            refuse(request, response);
            return;
        }
        if (basicOnly && request.getHeaders(HttpHeaders.AUTHORIZATION).hasMoreElements() && !wellFormed(request)
                && !bearer(request)) {
            throttle.failed(request.getRemoteAddr());
            audit.record(new AuditEvent(AuditAction.LOGIN_FAILURE, "client", request.getRemoteAddr(),
                    "HTTP Basic：认证信息格式不正确", null, null, "(格式错误)"));
            json(response, HttpServletResponse.SC_UNAUTHORIZED, "认证信息格式不正确，应为 Basic 加一个空格和 Base64 编码的“用户名:密码”，"
                    + "或 Bearer 加一个空格和接口令牌");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        audit.record(new AuditEvent(AuditAction.LOGIN_FAILURE, "client", request.getRemoteAddr(),
                "来源地址失败次数过多，登录请求已被限流", null, null, "(限流)"));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            json(response, 429, "登录失败次数过多，请稍后再试");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?throttled");
        }
    }

    private static boolean isLoginAttempt(HttpServletRequest request) {
        boolean form = "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login");
        return form || TokenFormLogin.isTokenRequest(request)
                || request.getHeaders(HttpHeaders.AUTHORIZATION).hasMoreElements();
    }

    /** One Authorization header, exactly {@code Bearer <token>}. */
    static boolean bearer(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        return headers.size() == 1 && BEARER.matcher(headers.get(0)).matches();
    }

    /** One Authorization header, exactly {@code Basic <token>}, the token decoding to {@code user:password}. */
    static boolean wellFormed(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (headers.size() != 1 || !BASIC.matcher(headers.get(0)).matches() || headers.get(0).length() == 6) {
            return false;
        }
        byte[] decoded = Base64.getDecoder().decode(headers.get(0).substring(6));
        for (byte b : decoded) {
            if (b == ':') {
                return true;
            }
        }
        return false;
    }

    private static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + message + "\"}");
    }
}

package cn.zugong.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code POST /api/tokens} with the form fields {@code username} and {@code password} instead of HTTP Basic:
 * the same authentication manager (lock-out, throttle and audit through its events), for this one request.
 * Not a bean, so that it runs only inside the API chain.
 */
final class TokenFormLogin extends OncePerRequestFilter {

    static final String PATH = "/api/tokens";

    private final AuthenticationManager manager;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    TokenFormLogin(AuthenticationManager manager) {
        this.manager = manager;
    }

    static boolean isTokenRequest(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().equals(request.getContextPath() + PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = isTokenRequest(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? request.getParameter("username") : null;
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getQueryString() != null && ("&" + request.getQueryString()).contains("&password=")) {
            // a password in the address ends up in proxy and access logs: refused before it is checked
            SecurityConfig.json(response, HttpServletResponse.SC_BAD_REQUEST,
                    "密码不能放在网址中，请用表单字段（请求体）或 HTTP Basic 提交");
            return;
        }
        String password = request.getParameter("password");
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username.strip(),
                password == null ? "" : password);
        attempt.setDetails(details.buildDetails(request));
        try {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(manager.authenticate(attempt));
            SecurityContextHolder.setContext(context);
        } catch (AuthenticationException e) {
            SecurityContextHolder.clearContext();
            SecurityConfig.json(response, HttpServletResponse.SC_UNAUTHORIZED, SecurityConfig.apiLoginMessage(e));
            return;
        }
        chain.doFilter(request, response);
    }
}

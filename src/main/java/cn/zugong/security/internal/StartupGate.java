package cn.zugong.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the application refuses traffic (readiness DOWN: reference data or the demo still loading, ADR 047) a
 * sign-in is answered with the notice instead of being tried: the demo accounts do not exist yet, so the answer
 * would be "wrong password" and the failure would count towards the lock-out and the client throttle. Runs
 * before Spring Security's filters; the login page shows the same notice.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
class StartupGate extends OncePerRequestFilter {

    static final String DEMO_LOADING = "演示数据加载中，请稍候……";
    static final String STARTING = "系统正在启动，请稍候……";

    private final ApplicationAvailability availability;
    private final boolean demo;

    StartupGate(ApplicationAvailability availability, @Value("${zugong.demo.enabled:false}") boolean demo) {
        this.availability = availability;
        this.demo = demo;
    }

    /** The notice while the application refuses traffic, empty once it accepts it. */
    Optional<String> notice() {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            return Optional.empty();
        }
        return Optional.of(demo ? DEMO_LOADING : STARTING);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> notice = notice();
        if (notice.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/login") && "POST".equals(request.getMethod())) {
            response.sendRedirect(request.getContextPath() + "/login?loading");
        } else if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "10");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":503,\"error\":\"" + notice.get() + "\"}");
        } else {
            chain.doFilter(request, response);
        }
    }
}

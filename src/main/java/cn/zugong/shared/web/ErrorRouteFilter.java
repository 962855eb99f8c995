package cn.zugong.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards a failed request to render its error page. Asked for
 * directly it has no error to show and Spring Boot answered 500 (issue 12); it is not a page, so 404.
 * Error dispatches themselves do not pass this filter (it runs for requests only).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorRouteFilter extends OncePerRequestFilter {

    static final String ERROR_PATH = "/error";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.REQUEST && isErrorRoute(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isErrorRoute(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(ERROR_PATH) || path.startsWith(ERROR_PATH + "/") || path.startsWith(ERROR_PATH + ";")
                || path.startsWith(ERROR_PATH + ".");
    }
}

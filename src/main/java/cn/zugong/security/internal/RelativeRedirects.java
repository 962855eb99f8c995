package cn.zugong.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.web.RedirectStrategy;

/**
 * Redirects to the path and query only. The saved request's URL (back to the page asked for before the
 * login) is absolute, built from the Host header of that request; a forged Host must not come back in a
 * Location header (issue 12).
 */
final class RelativeRedirects implements RedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        response.sendRedirect(response.encodeRedirectURL(relative(request, url)));
    }

    static String relative(HttpServletRequest request, String url) {
        URI uri = URI.create(url);
        if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
            return url.startsWith("/") ? request.getContextPath() + url : url;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}

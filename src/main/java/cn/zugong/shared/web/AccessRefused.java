package cn.zugong.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A request refused: a route the caller's role may not reach (403) or an object that does not exist or lies
 * outside the caller's scope (404, the two look the same on purpose). Published where refusals become
 * responses (the error advice, the security chains' access-denied handlers); the audit trail records it.
 *
 * @param route      the matched route template (e.g. {@code /people/{id}}), null when refused before routing
 * @param pathValues the route's variables, in order (the object's id first where the route has one)
 */
public record AccessRefused(String method, String path, String query, String route, Map<String, String> pathValues,
                            int status, String reason) {

    @SuppressWarnings("unchecked")
    public static AccessRefused of(HttpServletRequest request, int status, String reason) {
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Object values = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return new AccessRefused(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()),
                request.getQueryString(), route instanceof String r ? r : null,
                values instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of(), status, reason);
    }

    /** The kind of object asked for: the route's last fixed segment before its first variable. */
    public String objectType() {
        if (route == null) {
            return "route";
        }
        String type = null;
        for (String segment : route.split("/")) {
            if (segment.startsWith("{")) {
                break;
            }
            if (!segment.isEmpty() && !segment.equals("api")) {
                type = segment;
            }
        }
        return type == null ? "route" : type;
    }

    /** The id asked for: the variable named id, or else the route's first variable; null when it has none. */
    public String objectId() {
        if (pathValues.containsKey("id")) {
            return pathValues.get("id");
        }
        return pathValues.values().stream().findFirst().orElse(null);
    }

    /** "GET /people/12?q → 404：reason": the query's parameter names only, its values may be personal data. */
    public String describe() {
        return method + " " + path + (query == null ? "" : "?" + parameterNames()) + " → " + status
                + (reason == null || reason.isBlank() ? "" : "：" + reason);
    }

    private String parameterNames() {
        return Arrays.stream(query.split("&")).map(p -> p.split("=", 2)[0]).distinct()
                .collect(Collectors.joining("&"));
    }
}

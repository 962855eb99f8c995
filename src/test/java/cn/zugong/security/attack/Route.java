package cn.zugong.security.attack;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** One mapped route (method + pattern) with what its handler takes: path variables, request parameters, files. */
record Route(HttpMethod method, String pattern, List<String> pathVariables, List<String> stringParams,
             List<String> idParams, List<String> fileParams, String handler) {

    boolean api() {
        return pattern.startsWith("/api/");
    }

    boolean writes() {
        return method != HttpMethod.GET;
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }

    /** Every route of the application, from Spring MVC's own handler mappings. */
    static List<Route> all(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : patterns(info)) {
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    routes.add(of(HttpMethod.GET, pattern, handler));
                } else {
                    methods.forEach(m -> routes.add(of(HttpMethod.valueOf(m.name()), pattern, handler)));
                }
            }
        });
        routes.sort(java.util.Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
        return routes;
    }

    private static java.util.Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }

    private static Route of(HttpMethod method, String pattern, HandlerMethod handler) {
        List<String> pathVariables = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            PathVariable pv = p.getParameterAnnotation(PathVariable.class);
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            String name = rp != null && !rp.name().isEmpty() ? rp.name() : p.getParameterName();
            if (pv != null) {
                pathVariables.add(pv.name().isEmpty() ? p.getParameterName() : pv.name());
            } else if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                files.add(name);
            } else if (rp != null && (name.equals("id") || name.endsWith("Id"))) {
                ids.add(name);
            } else if (rp != null && p.getParameterType() == String.class) {
                strings.add(name);
            } else if (p.hasParameterAnnotation(org.springframework.web.bind.annotation.ModelAttribute.class)
                    || isFilterObject(p)) {
                for (var component : p.getParameterType().getRecordComponents()) {
                    if (component.getName().equals("id") || component.getName().endsWith("Id")) {
                        ids.add(component.getName());
                    } else if (component.getType() == String.class) {
                        strings.add(component.getName());
                    }
                }
            }
        }
        return new Route(method, pattern, pathVariables, strings, ids, files,
                handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
    }

    /** A record bound from request parameters (search filters), whose fields are attack surface too. */
    private static boolean isFilterObject(MethodParameter p) {
        return p.getParameterType().isRecord() && p.getParameterType().getPackageName().startsWith("cn.zugong")
                && !p.getParameterType().getSimpleName().equals("CurrentUser");
    }
}

package cn.zugong.security.attack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One mapped route (method + pattern) with what its handler takes, read from the handler's signature:
 * path variables, request parameters (with their types), fields of records bound from parameters, a JSON
 * body's record, and file parts (one file or a list of files).
 */
record Route(HttpMethod method, String pattern, List<Param> params, Class<?> body, String handler) {

    /** Where a value goes: the path, a query/form parameter, a file part, or a JSON body's field. */
    enum Source { PATH, PARAM, FILE, FILES, BODY }

    record Param(String name, Source source, Class<?> type) {
        /** Ids are aimed at objects: path variables (except the workflow's action), *Id and id, Long numbers. */
        boolean id() {
            if (source == Source.FILE || source == Source.FILES) {
                return false;
            }
            if (source == Source.PATH) {
                return !name.equals("action");
            }
            return name.equals("id") || name.endsWith("Id") || type == Long.class || type == long.class;
        }
    }

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    boolean api() {
        return pattern.startsWith("/api/");
    }

    boolean writes() {
        return method != HttpMethod.GET;
    }

    String key() {
        return method + " " + pattern;
    }

    List<String> pathVariables() {
        return params.stream().filter(p -> p.source() == Source.PATH).map(Param::name).toList();
    }

    List<Param> ids() {
        return params.stream().filter(Param::id).toList();
    }

    List<Param> files() {
        return params.stream().filter(p -> p.source() == Source.FILE || p.source() == Source.FILES).toList();
    }

    List<String> stringParams() {
        return params.stream().filter(p -> p.source() == Source.PARAM && p.type() == String.class && !p.id())
                .map(Param::name).toList();
    }

    boolean hasAction() {
        return pattern.contains("{action}");
    }

    @Override
    public String toString() {
        return key();
    }

    /** Every route of the application, from Spring MVC's own handler mappings. */
    static List<Route> all(RequestMappingHandlerMapping mapping) {
        return from(mapping.getHandlerMethods());
    }

    static List<Route> from(Map<RequestMappingInfo, HandlerMethod> handlers) {
        List<Route> routes = new ArrayList<>();
        handlers.forEach((info, handler) -> {
            for (String pattern : patterns(info)) {
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    routes.add(of(HttpMethod.GET, pattern, handler));
                } else {
                    methods.forEach(m -> routes.add(of(HttpMethod.valueOf(m.name()), pattern, handler)));
                }
            }
        });
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
        return routes;
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }

    private static Route of(HttpMethod method, String pattern, HandlerMethod handler) {
        List<Param> params = new ArrayList<>();
        Class<?> body = null;
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(NAMES);
            PathVariable pv = p.getParameterAnnotation(PathVariable.class);
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            Class<?> type = p.getParameterType();
            if (pv != null) {
                params.add(new Param(pv.name().isEmpty() ? p.getParameterName() : pv.name(), Source.PATH, type));
            } else if (p.hasParameterAnnotation(RequestBody.class)) {
                body = type;
                // a record body lists its fields; a list body (PUT /api/annual/{id}/paragraphs) is sent empty
                for (var component : type.isRecord() ? type.getRecordComponents()
                        : new java.lang.reflect.RecordComponent[0]) {
                    params.add(new Param(component.getName(), Source.BODY, component.getType()));
                }
            } else if (MultipartFile.class.isAssignableFrom(type)) {
                params.add(new Param(name(rp, p), Source.FILE, type));
            } else if (List.class.isAssignableFrom(type) && ResolvableType.forMethodParameter(p).getGeneric(0)
                    .resolve(Object.class) == MultipartFile.class) {
                params.add(new Param(name(rp, p), Source.FILES, type));
            } else if (rp != null && !Map.class.isAssignableFrom(type)) {
                params.add(new Param(name(rp, p), Source.PARAM, type));
            } else if (p.hasParameterAnnotation(ModelAttribute.class) || isFilterObject(p)) {
                for (var component : type.getRecordComponents()) {
                    params.add(new Param(component.getName(), Source.PARAM, component.getType()));
                }
            }
        }
        return new Route(method, pattern, List.copyOf(params), body,
                handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
    }

    private static String name(RequestParam rp, MethodParameter p) {
        return rp != null && !rp.name().isEmpty() ? rp.name() : rp != null && !rp.value().isEmpty() ? rp.value()
                : p.getParameterName();
    }

    /** A record bound from request parameters (search filters, forms), whose fields are attack surface too. */
    private static boolean isFilterObject(MethodParameter p) {
        return p.getParameterType().isRecord() && p.getParameterType().getPackageName().startsWith("cn.zugong")
                && !p.getParameterType().getSimpleName().equals("CurrentUser");
    }
}

package cn.zugong.security.attack;

import cn.zugong.shared.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The suite's checks, each a function from routes (and a way to send requests) to the problems it finds, so
 * that the same check runs over the application's routes (which must give none) and over the planted defects
 * (each of which must be caught).
 */
final class Attack {

    /** Kinds that are not scoped: an answer for another scope's value is no leak. */
    static final Set<IdKind> UNSCOPED = EnumSet.of(IdKind.INDICATOR, IdKind.TICKET_CATEGORY, IdKind.AUDIT_OBJECT,
            IdKind.EVALUATION, IdKind.ACCOUNT, IdKind.RESET_REQUEST, IdKind.TALENT_SERVICE_ITEM,
            IdKind.RATING_SCHEME, IdKind.RATING_SCHEME_VERSION, // ratings, schemes part: scheme files
            IdKind.ANNUAL_FIGURE); // a catalogue key: the review it is read in is the scoped object
    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fa5]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Targets targets;
    private final DbSnapshot db;
    private final List<String> secrets;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    final Map<String, Long> slowest = new java.util.concurrent.ConcurrentHashMap<>();

    Attack(Targets targets, DbSnapshot db) {
        this.targets = targets;
        this.db = db;
        this.secrets = List.of(Targets.PROBE_NAME, targets.probeIdNumber, targets.probeUnitName, "普陀越权探针",
                "普陀探针干部");
    }

    int requests() {
        return requests.get();
    }

    // ---- the policy and the kinds are complete ------------------------------------------------------

    /** Every route under a module, every write and {action} value in the route policy, every id of a known kind. */
    static List<String> unclassified(List<Route> routes) {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (AccessPolicy.module(route.pattern()).isEmpty()) {
                problems.add(route + ": no module in AccessPolicy");
            }
            if (route.hasAction() && AccessPolicy.actions(route).isEmpty()) {
                problems.add(route + ": its {action} values are not listed in AccessPolicy");
            }
            for (String action : actions(route)) {
                if (AccessPolicy.may(route, action).isEmpty()) {
                    problems.add(route + (action == null ? "" : " " + action) + ": who may do it is not in AccessPolicy");
                }
            }
            for (Route.Param id : route.ids()) {
                if (IdKinds.of(route.pattern(), id.name()).isEmpty()) {
                    problems.add(route + ": the kind of id '" + id.name() + "' is not declared in IdKinds");
                }
            }
        }
        return problems;
    }

    /** The {action} values of a route (null for a route without one). */
    static List<String> actions(Route route) {
        if (!route.hasAction()) {
            return Arrays.asList((String) null);
        }
        List<String> actions = new ArrayList<>(AccessPolicy.actions(route));
        return actions;
    }

    // ---- requests -----------------------------------------------------------------------------------------

    /** The request for a route and action, every id aimed at the probe of its kind in the set; writes fully filled. */
    Http.Request request(Route route, String action, Caller caller, Targets.Probes aim) {
        String path = Pattern.compile("\\{([^}]+)}").matcher(route.pattern()).replaceAll(m -> {
            String variable = m.group(1);
            if (variable.equals("action")) {
                return action;
            }
            return java.util.regex.Matcher.quoteReplacement(value(route, variable, action, aim));
        });
        path = UriComponentsBuilder.fromPath(path).build().toUri().toString();
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        List<Http.Part> files = new ArrayList<>();
        for (Route.Param p : route.params()) {
            String value = switch (p.source()) {
                case PATH -> null;
                case FILE, FILES -> {
                    Values.Upload u = Values.file(route, p.name());
                    files.add(new Http.Part(p.name(), u.fileName(), u.bytes()));
                    if (p.source() == Route.Source.FILES) {
                        files.add(new Http.Part(p.name(), "2-" + u.fileName(), u.bytes()));
                    }
                    yield null;
                }
                default -> p.id() ? value(route, p.name(), action, aim) : Values.of(route, p.name(), p.type());
            };
            if (value == null || p.source() == Route.Source.PATH) {
                continue;
            }
            if (p.source() == Route.Source.BODY) {
                body.put(p.name(), Values.json(value, p.type()));
            } else if (route.writes() || p.id() || p.name().equals("q") || p.name().equals("field")) {
                params.put(p.name(), value);
            }
        }
        String json = null;
        if (route.body() != null) {
            try {
                json = java.util.List.class.isAssignableFrom(route.body()) ? "[]" : JSON.writeValueAsString(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return new Http.Request(route.method(), path, params, files, json, caller, route.api());
    }

    private String value(Route route, String variable, String action, Targets.Probes aim) {
        Optional<IdKind> kind = IdKinds.of(route.pattern(), variable);
        if (kind.isEmpty()) {
            return aim.value(IdKind.NODE, null); // unclassified: reported by unclassified()
        }
        // evidence goes onto an item being worked on (the workflow takes it then), so only rights can refuse it
        String step = action != null ? action : route.pattern().endsWith("/attachments") ? "progress" : null;
        String value = aim.value(kind.get(), step);
        return value != null ? value : aim.value(IdKind.NODE, null);
    }

    Http.Answer send(Http.Transport transport, Http.Request request) throws Exception {
        requests.incrementAndGet();
        long start = System.nanoTime();
        Http.Answer answer = transport.send(request);
        slowest.merge(request.method() + " " + request.path(), (System.nanoTime() - start) / 1_000_000, Long::sum);
        return answer;
    }

    /** The ten slowest request paths (all callers together), for keeping the suite's runtime in check. */
    String slowest() {
        return slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .map(e -> e.getKey() + "=" + e.getValue() + "ms").toList().toString();
    }

    // ---- reads: every GET route for every caller, ids aimed at the 普陀 probes -----------------------------

    List<String> reads(List<Route> routes, Http.Transport transport) throws Exception {
        return reads(routes, transport, 1);
    }

    /**
     * Every GET route for every caller; with {@code threads} > 1 the routes are shared among that many threads
     * (the real server's HTTP Basic checks cost a BCrypt each, and CI has two cores).
     */
    List<String> reads(List<Route> routes, Http.Transport transport, int threads) throws Exception {
        List<Route> gets = routes.stream().filter(r -> !r.writes() && !r.pattern().equals("/error")).toList();
        if (threads <= 1) {
            return readAll(gets, transport);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int part = t;
                List<Route> share = java.util.stream.IntStream.range(0, gets.size()).filter(i -> i % threads == part)
                        .mapToObj(gets::get).toList();
                parts.add(pool.submit(() -> readAll(share, transport)));
            }
            List<String> problems = new ArrayList<>();
            for (var part : parts) {
                problems.addAll(part.get());
            }
            return problems;
        } finally {
            pool.shutdown();
        }
    }

    private List<String> readAll(List<Route> routes, Http.Transport transport) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            for (Caller caller : Caller.all()) {
                Http.Answer answer = send(transport, request(route, null, caller, targets.foreign));
                String who = transport.name() + " " + route + " as " + caller + " -> " + answer.status();
                problems.addAll(refusal(route, null, caller, answer, who));
                problems.addAll(leaks(route, caller, answer, who));
                if (!caller.anonymous() && caller.scoped() && AccessPolicy.allows(route, null, caller.role())
                        && answer.status() >= 200 && answer.status() < 300 && aimsAtScopedPath(route)) {
                    problems.add(who + ": an object outside the scope answered " + answer.status());
                }
            }
        }
        return problems;
    }

    /** Whether any id of the route names an object of a scoped kind. */
    private static boolean aimsAtScopedObject(Route route) {
        return route.ids().stream().anyMatch(p -> IdKinds.of(route.pattern(), p.name())
                .map(k -> !UNSCOPED.contains(k)).orElse(true));
    }

    private static boolean aimsAtScopedPath(Route route) {
        return route.params().stream().anyMatch(p -> p.source() == Route.Source.PATH && p.id()
                && IdKinds.of(route.pattern(), p.name()).map(k -> !UNSCOPED.contains(k)).orElse(true));
    }

    /** The refusal the policy demands of a caller who may not: 302-to-login/401 signed out, 403 by module, 4xx by route. */
    private static List<String> refusal(Route route, String action, Caller caller, Http.Answer answer, String who) {
        List<String> problems = new ArrayList<>();
        if (answer.status() >= 500) {
            problems.add(who + ": server error");
            return problems;
        }
        AccessPolicy.Access module = AccessPolicy.module(route.pattern()).orElse(AccessPolicy.SIGNED_IN);
        if (caller.anonymous()) {
            if (!module.anonymous()) {
                boolean ok = route.api() ? answer.status() == 401 : answer.redirectsToLogin();
                if (!ok) {
                    problems.add(who + ": signed out, expected " + (route.api() ? "401" : "302 to the login page"));
                }
            }
            return problems;
        }
        if (!module.allows(caller.role())) {
            if (answer.status() != 403) {
                problems.add(who + ": the module refuses " + caller.role() + ", expected 403");
            }
            return problems;
        }
        boolean may = AccessPolicy.may(route, action).map(r -> r.contains(caller.role())).orElse(false);
        boolean redirectedAway = !route.api() && answer.status() == 302 && !answer.redirectsToLogin();
        if (!may && (route.api() || !route.writes()) && !redirectedAway
                && (answer.status() < 400 || answer.status() >= 500)) {
            problems.add(who + ": the policy refuses " + caller.role() + (action == null ? "" : " " + action)
                    + ", expected a 4xx");
        }
        return problems;
    }

    private List<String> leaks(Route route, Caller caller, Http.Answer answer, String who) {
        List<String> problems = new ArrayList<>();
        // a caller the module refuses must see nothing; one it admits nothing outside its scope
        boolean allowed = caller.anonymous() ? AccessPolicy.module(route.pattern()).map(a -> a.anonymous()).orElse(false)
                : AccessPolicy.module(route.pattern()).map(a -> a.allows(caller.role())).orElse(false);
        // the auditor reads the whole trail, whose summaries name units and people (never ID numbers)
        boolean wholeTrail = caller.role() == Role.AUDITOR && (route.pattern().startsWith("/audit")
                || route.pattern().startsWith("/api/audit"));
        // the account officers list every account with its scope's name: account data, not personnel data
        wholeTrail |= (caller.role() == Role.SYS_ADMIN || caller.role() == Role.SEC_ADMIN)
                && route.pattern().startsWith("/admin/");
        if (!allowed || (caller.scoped() && !wholeTrail)) {
            for (String secret : secrets) {
                if (answer.body().contains(secret)) {
                    problems.add(who + ": the answer shows the out-of-scope " + secret);
                }
            }
        }
        if (!"admin".equals(caller.username()) && answer.body().contains(targets.probeIdNumber)) {
            problems.add(who + ": the answer shows a full ID number");
        }
        return problems;
    }

    // ---- writes: every write and action, refused ones leave the database unchanged ---------------------------

    /**
     * Every write route and action for every caller the policy (or the scope) refuses, with valid parameters and
     * bodies: a signed-in role the policy refuses aims at its own unit's probes (so only its role can refuse it), a
     * role that may aims at the 普陀 probes (only its scope can). The callers who may and whose scope covers the
     * probe are left out (their write would rightly change the data). The database is snapshot around each route's
     * refused writes and must not change.
     */
    List<String> writes(List<Route> routes, Http.Transport transport) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, String> before = db.take();
        for (Route route : routes) {
            if (!route.writes()) {
                continue;
            }
            for (String action : actions(route)) {
                List<String> sent = new ArrayList<>();
                for (Caller caller : Caller.all()) {
                    boolean may = !caller.anonymous() && AccessPolicy.allows(route, action, caller.role());
                    if (may && (!caller.scoped() || !aimsAtScopedObject(route))) {
                        continue; // the write is the caller's to make: it would rightly change the data
                    }
                    Targets.Probes aim = may || !caller.scoped() ? targets.foreign : targets.home;
                    Http.Answer answer = send(transport, request(route, action, caller, aim));
                    String who = transport.name() + " " + route + (action == null ? "" : " [" + action + "]") + " as "
                            + caller + " at " + aim.label() + " -> " + answer.status();
                    sent.add(caller + "@" + aim.label() + "=" + answer.status());
                    problems.addAll(refusal(route, action, caller, answer, who));
                    problems.addAll(leaks(route, caller, answer, who));
                    // a write the scope refuses answers 4xx (the README: anything outside the scope answers 404),
                    // a page too: a 302 back to the form would hide whether it happened
                    if (may && (answer.status() < 400 || answer.status() >= 500)) {
                        problems.add(who + ": a write to an object outside the scope must answer 4xx");
                    }
                    boolean moduleAdmits = !caller.anonymous() && AccessPolicy.module(route.pattern())
                            .map(a -> a.allows(caller.role())).orElse(false);
                    if (!route.files().isEmpty() && moduleAdmits && !may && answer.status() != 403
                            && answer.status() != 404) {
                        problems.add(who + ": an upload by a role that may not must be refused (403, or 404 for an "
                                + "object it may not see) before the file is read");
                    }
                }
                Map<String, String> after = db.take();
                List<String> changed = DbSnapshot.changes(before, after);
                if (!changed.isEmpty()) {
                    problems.add(transport.name() + " " + route + (action == null ? "" : " [" + action + "]")
                            + ": a refused write changed the database " + changed + " (answers " + sent + ")");
                }
                before = after;
            }
        }
        return problems;
    }

    // ---- uploads: as a caller in scope, so that the parser is reached ------------------------------------------

    /** Malformed, bomb and empty files, sent by the 定海 administrator at its own unit's probes. */
    List<String> uploads(List<Route> routes, Http.Transport transport, Caller inScope, byte[] bomb) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, String> before = db.take();
        for (Route route : routes) {
            if (route.files().isEmpty()) {
                continue;
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("malformed", "这不是一个有效的文件 not a file".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            files.put("bomb", bomb);
            files.put("empty", new byte[0]);
            for (var file : files.entrySet()) {
                Http.Request valid = request(route, null, inScope, targets.home);
                List<Http.Part> parts = new ArrayList<>();
                for (Http.Part p : valid.files()) {
                    String ext = p.fileName().substring(p.fileName().lastIndexOf('.'));
                    parts.add(new Http.Part(p.name(), "攻击" + ext, file.getValue()));
                }
                Http.Request hostile = new Http.Request(valid.method(), valid.path(), valid.params(), parts, valid.json(),
                        inScope, valid.api());
                Http.Answer answer = send(transport, hostile);
                String who = transport.name() + " " + route + " " + file.getKey() + " file as " + inScope + " -> "
                        + answer.status();
                if (answer.status() < 400 || answer.status() >= 500) {
                    problems.add(who + ": expected a 4xx naming what is wrong");
                } else if (answer.status() == 404) {
                    problems.add(who + ": 404 — the file was never parsed (the caller is in scope)");
                } else if (!CHINESE.matcher(answer.body()).find()) {
                    problems.add(who + ": the refusal has no Chinese message");
                }
            }
            Map<String, String> after = db.take();
            List<String> changed = DbSnapshot.changes(before, after);
            if (!changed.isEmpty()) {
                problems.add(transport.name() + " " + route + ": a refused upload changed the database " + changed);
            }
            before = after;
        }
        return problems;
    }

    static String describe(Http.Request r) {
        return r.method() + " " + r.path() + " " + r.params() + (r.json() == null ? "" : " " + r.json())
                + (r.method() == HttpMethod.GET ? "" : "");
    }
}

package cn.zugong.security.attack;

import cn.zugong.shared.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call which route, written down independently of the security configuration so that the suite
 * checks the configuration rather than repeats it. Every route the application maps must fall under one
 * of these prefixes: a new module adds its prefixes here (with the roles the issue gives it) and the suite
 * then attacks its routes like all others. An unclassified route fails the suite.
 */
final class AccessPolicy {

    /** Who may call a route: nobody signed in, anyone signed in, or the given roles. */
    record Access(boolean anonymous, Set<Role> roles) {
        boolean allows(Role role) {
            return anonymous || roles.contains(role);
        }
    }

    static final Access PUBLIC = new Access(true, EnumSet.allOf(Role.class));
    static final Access SIGNED_IN = new Access(false, EnumSet.allOf(Role.class));
    static final Access BUSINESS = new Access(false, EnumSet.copyOf(Role.business()));
    /** The office's modules: every business role except the service cadres (服务干部). */
    static final Access OFFICE = new Access(false, EnumSet.copyOf(Role.office()));

    private static final Map<String, Access> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("/login", PUBLIC);
        PREFIXES.put("/error", PUBLIC);
        PREFIXES.put("/", SIGNED_IN); // exact: the home page
        PREFIXES.put("/account/password", SIGNED_IN);
        PREFIXES.put("/officers/resets", new Access(false, EnumSet.of(Role.SYS_ADMIN, Role.SEC_ADMIN, Role.AUDITOR)));
        PREFIXES.put("/admin/accounts", only(Role.SYS_ADMIN));
        PREFIXES.put("/admin/grants", only(Role.SEC_ADMIN));
        PREFIXES.put("/audit", only(Role.AUDITOR));
        PREFIXES.put("/api/audit", only(Role.AUDITOR));
        // business modules: organisation tree, roster, party members, API documentation
        PREFIXES.put("/org", OFFICE);
        PREFIXES.put("/api/org", OFFICE);
        PREFIXES.put("/people", OFFICE);
        PREFIXES.put("/api/people", OFFICE);
        PREFIXES.put("/party-members", OFFICE);
        PREFIXES.put("/api/party-members", OFFICE);
        PREFIXES.put("/healthcheck", OFFICE); // 数字体检 (issue 5)
        PREFIXES.put("/api/healthcheck", OFFICE);
        PREFIXES.put("/lighting", OFFICE); // 亮灯台 (issue 6)
        PREFIXES.put("/api/lighting", OFFICE);
        PREFIXES.put("/healthcheck/rectifications", OFFICE); // 整改销号 (issue 7): everyone in scope reads
        PREFIXES.put("/healthcheck/rules", only(Role.ADMIN)); // 预警规则: platform administrators only
        PREFIXES.put("/service", BUSINESS); // 服务干部与走访 (issue 8): cadres too
        PREFIXES.put("/api/service", BUSINESS);
        PREFIXES.put("/tickets", BUSINESS); // 问题清单销号督办 (issue 8): cadres too
        PREFIXES.put("/api/tickets", BUSINESS);
        PREFIXES.put("/deliberation", OFFICE); // 三事分流 (issue 8)
        PREFIXES.put("/api/deliberation", OFFICE);
        PREFIXES.put("/api-docs", OFFICE);
        PREFIXES.put("/swagger-ui", OFFICE);
    }

    private AccessPolicy() {
    }

    static Access only(Role role) {
        return new Access(false, EnumSet.of(role));
    }

    static Optional<Access> of(String pattern) {
        Access best = null;
        int bestLength = -1;
        for (var entry : PREFIXES.entrySet()) {
            String prefix = entry.getKey();
            boolean matches = prefix.equals("/") ? pattern.equals("/")
                    : pattern.equals(prefix) || pattern.startsWith(prefix + "/") || pattern.startsWith(prefix + ".");
            if (matches && prefix.length() > bestLength) {
                best = entry.getValue();
                bestLength = prefix.length();
            }
        }
        return Optional.ofNullable(best);
    }
}

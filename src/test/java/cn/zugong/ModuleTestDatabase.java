package cn.zugong;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of a test's own, so that its fixture never meets the demo-backed application context's data: a
 * separate in-memory H2 database on the default (H2) run; a separate schema of the same PostgreSQL database when
 * the suite runs with the postgres profile (ZUGONG_DB_URL, a system property set by the pom). The demo is off, its
 * built-in keys allowed (ADR 043).
 */
public final class ModuleTestDatabase {

    private ModuleTestDatabase() {
    }

    /** For a {@code @DynamicPropertySource} of a module test. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        properties(name).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The properties of a context on the database {@code name}. */
    public static Map<String, String> properties(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        String postgres = System.getProperty("ZUGONG_DB_URL", System.getenv("ZUGONG_DB_URL"));
        if (postgres != null && postgres.startsWith("jdbc:postgresql:")) {
            p.put("spring.datasource.url", postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + name);
            p.put("spring.flyway.schemas", name);
        } else {
            p.put("spring.datasource.url", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        p.put("zugong.demo.enabled", "false");
        p.put("zugong.crypto.allow-demo-key", "true");
        p.put("zugong.security.api-token.allow-demo-key", "true");
        p.put("spring.flyway.clean-disabled", "false");
        p.put("zugong.lighting.job-cron", "-");
        return p;
    }
}

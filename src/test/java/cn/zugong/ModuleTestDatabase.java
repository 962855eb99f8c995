package cn.zugong;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of a module test's own, so that its fixture never meets the demo-backed application context's data:
 * a separate in-memory H2 database on the default (H2) run; a separate schema of the same PostgreSQL database when
 * the suite runs with the postgres profile (ZUGONG_DB_URL, a system property set by the pom).
 */
public final class ModuleTestDatabase {

    private ModuleTestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry, String name) {
        String postgres = System.getProperty("ZUGONG_DB_URL", System.getenv("ZUGONG_DB_URL"));
        if (postgres != null && postgres.startsWith("jdbc:postgresql:")) {
            registry.add("spring.datasource.url",
                    () -> postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + name);
            registry.add("spring.flyway.schemas", () -> name);
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        registry.add("zugong.demo.enabled", () -> "false");
        registry.add("zugong.crypto.allow-demo-key", () -> "true");
        registry.add("spring.flyway.clean-disabled", () -> "false");
        registry.add("zugong.lighting.job-cron", () -> "-");
    }
}

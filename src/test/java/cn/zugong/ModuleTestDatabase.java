package cn.zugong;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    /**
     * Empties the database {@code name} for a test that starts applications itself (no {@code TestDatabase}
     * clean-migrate there): drops the PostgreSQL schema left by an earlier run; an H2 in-memory database is new in
     * every run anyway.
     */
    public static void dropLeftovers(String name) {
        String postgres = postgresUrl();
        if (postgres == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(postgres, System.getProperty("ZUGONG_DB_USER", "postgres"),
                System.getProperty("ZUGONG_DB_PASSWORD", "")); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + name + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the schema " + name + " of an earlier run", e);
        }
    }

    private static String postgresUrl() {
        String url = System.getProperty("ZUGONG_DB_URL", System.getenv("ZUGONG_DB_URL"));
        return url != null && url.startsWith("jdbc:postgresql:") ? url : null;
    }

    /** The properties of a context on the database {@code name}. */
    public static Map<String, String> properties(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        String postgres = postgresUrl();
        if (postgres != null) {
            p.put("spring.datasource.url", postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + name);
            p.put("spring.flyway.schemas", name);
        } else {
            p.put("spring.datasource.url", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        // the test context cache keeps every module context open: small pools keep PostgreSQL under max_connections
        p.put("spring.datasource.hikari.maximum-pool-size", "4");
        p.put("spring.datasource.hikari.minimum-idle", "1");
        p.put("zugong.demo.enabled", "false");
        p.put("zugong.crypto.allow-demo-key", "true");
        p.put("zugong.security.api-token.allow-demo-key", "true");
        p.put("spring.flyway.clean-disabled", "false");
        p.put("zugong.lighting.job-cron", "-");
        return p;
    }
}

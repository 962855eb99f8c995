package cn.zugong;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Tests start from an empty schema on every database (the PostgreSQL test database is reused between runs), except a
 * benchmark run with {@code -Dbench.reuse=true}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    @Bean
    FlywayMigrationStrategy cleanMigrate() {
        // -Dbench.reuse=true keeps a benchmark's set to measure again (the annual review on the set of a run before)
        boolean reuse = Boolean.getBoolean("bench.reuse");
        return flyway -> {
            if (!reuse) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}

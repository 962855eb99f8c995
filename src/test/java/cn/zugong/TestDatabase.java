package cn.zugong;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Tests start from an empty schema on every database (the PostgreSQL test database is reused between runs). */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    @Bean
    FlywayMigrationStrategy cleanMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}

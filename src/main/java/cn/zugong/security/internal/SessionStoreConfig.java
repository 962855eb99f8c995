package cn.zugong.security.internal;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in the database (Spring Session JDBC, ADR 045). Two requests of one browser at the same moment may
 * both add the same session attribute (two tabs sent to the login page both save the requested page): the
 * library's plain INSERT then fails on the second with a duplicate key and the request answers 500. The attribute
 * is written as an upsert instead — the library's own PostgreSQL customizer, and H2's MERGE.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    private static final String H2_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesAsUpserts(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                .toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        if (product.contains("h2")) {
            return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
        }
        return repository -> { };
    }
}

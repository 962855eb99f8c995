package cn.zugong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Flyway migrations on the database of this run (H2 by default, PostgreSQL with -Ppostgres): all
 * applied, the vendor's path index exists, and the {@code path like 'prefix%'} scope predicate returns
 * exactly the subtree. The test names carry the database product, e.g. "[PostgreSQL 15.19] ...".
 */
@IntegrationTest
class MigrationsIT {

    private static final String DINGHAI = "/33/3309/330902/";

    @Autowired Flyway flyway;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @TestFactory
    Stream<DynamicTest> migrations() throws SQLException {
        String db = databaseProduct();
        System.out.println("MigrationsIT: running against " + db);
        return Stream.of(
                dynamicTest("[" + db + "] every migration on the classpath is applied", this::allApplied),
                dynamicTest("[" + db + "] org_node has the path index", this::pathIndexExists),
                dynamicTest("[" + db + "] path like 'prefix%' returns exactly the subtree", this::scopeQueryIsTheSubtree));
    }

    void allApplied() throws IOException {
        var info = flyway.info();
        List<MigrationInfo> migrations = Arrays.stream(info.all())
                .filter(m -> !m.getType().isSynthetic())
                .toList();
        assertThat(info.pending()).as("pending migrations").isEmpty();
        assertThat(migrations).as("failed migrations").noneMatch(m -> m.getState().isFailed());
        assertThat(migrations).allSatisfy(m -> {
            assertThat(m.getState()).as(m.getScript()).isEqualTo(MigrationState.SUCCESS);
            assertThat(m.isApplied()).as(m.getScript()).isTrue();
        });

        var files = migrationFiles();
        assertThat(files).as("migration files for %s", locations()).isNotEmpty();
        assertThat(migrations.stream().map(MigrationInfo::getScript).toList())
                .as("applied migrations vs. files in %s", locations())
                .hasSize(files.size())
                .containsExactlyInAnyOrderElementsOf(files);
        // The vendor folder's V2 (the path index) is part of the run.
        assertThat(locations()).anySatisfy(l -> assertThat(l).doesNotContain("{vendor}").doesNotEndWith("/common"));
        assertThat(files).contains("V2__org_path_index.sql");
    }

    void pathIndexExists() throws SQLException {
        var indexedColumns = new TreeSet<String>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getIndexInfo(null, null, "org_node", false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name != null && name.toLowerCase(Locale.ROOT).equals("ix_org_node_path")) {
                        indexedColumns.add(String.valueOf(rs.getString("COLUMN_NAME")).toLowerCase(Locale.ROOT));
                    }
                }
            }
            assertThat(indexedColumns).as("columns of index ix_org_node_path").containsExactly("path");

            if (meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                // text_pattern_ops makes a LIKE prefix search indexable whatever the collation.
                // this schema's: module tests keep their own schemas in the same database (ADR 043)
                assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'ix_org_node_path'"
                                + " and schemaname = current_schema()")
                        .query(String.class).single()).contains("text_pattern_ops");
                String plan = explainWithoutSeqScan(c);
                assertThat(plan).as("plan of the scope query").contains("ix_org_node_path");
            }
        }
    }

    void scopeQueryIsTheSubtree() {
        assertThat(jdbc.sql("select name from org_node where code = '330902'").query(String.class).single())
                .isEqualTo("定海区");
        List<String> byPath = jdbc.sql("select code from org_node where path like :prefix order by code")
                .param("prefix", DINGHAI + "%").query(String.class).list();
        List<String> byParent = jdbc.sql("""
                        with recursive sub (id) as (
                            select id from org_node where code = '330902'
                            union all
                            select n.id from org_node n join sub on n.parent_id = sub.id)
                        select o.code from org_node o join sub on sub.id = o.id order by o.code""")
                .query(String.class).list();
        assertThat(byPath).as("nodes under %s", DINGHAI)
                .hasSizeGreaterThan(10)
                .containsExactlyElementsOf(byParent)
                .contains("330902")
                .noneMatch(code -> code.startsWith("330903"));
        // Divisions under 定海区 carry its code as their prefix (GB/T 2260).
        assertThat(jdbc.sql("select code from org_node where path like :prefix and kind in ('TOWNSHIP', 'VILLAGE')")
                .param("prefix", DINGHAI + "%").query(String.class).list())
                .isNotEmpty()
                .allMatch(code -> code.startsWith("330902"));
        // And 普陀区's nodes are outside.
        assertThat(jdbc.sql("select count(*) from org_node where path like :prefix and path like '%/330903/%'")
                .param("prefix", DINGHAI + "%").query(Long.class).single()).isZero();
    }

    private String explainWithoutSeqScan(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("set local enable_seqscan = off");
            var plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery("explain select id from org_node where path like '" + DINGHAI + "%'")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private List<String> locations() {
        return Arrays.stream(flyway.getConfiguration().getLocations()).map(Location::getDescriptor).toList();
    }

    /** Versioned and repeatable SQL migrations in the configured (vendor-resolved) locations. */
    private List<String> migrationFiles() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        var names = new ArrayList<String>();
        for (Location location : flyway.getConfiguration().getLocations()) {
            assertThat(location.isClassPath()).as(location.getDescriptor()).isTrue();
            for (Resource r : resolver.getResources("classpath*:" + location.getRootPath() + "/**/*.sql")) {
                String name = r.getFilename();
                if (name != null && name.matches("[VR]\\d*.*__.+\\.sql")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private String databaseProduct() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            var meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion().split(" ")[0];
        }
    }
}
